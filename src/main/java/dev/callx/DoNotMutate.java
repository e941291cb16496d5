package dev.callx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose mutants PIT cannot tell from the original by any behaviour (an equivalent
 * mutant: a bound that changes only speed, say): PIT skips methods annotated with a simple name of
 * {@code DoNotMutate}. Used on one small method at a time, always with the reason.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface DoNotMutate {
    /** Why every mutant of the method is equivalent. */
    String value();
}
