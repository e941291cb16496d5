package dev.callx.cli;

import dev.callx.output.Format;
import dev.callx.record.Field;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * What a shell offers for an option's value, named on the option ({@code completionCandidates}) so
 * that the completion scripts are generated from the command tree alone (see {@link CompletionScripts}).
 * A list of words is offered as is; {@link FieldList} and {@link Zones} are completed in a way of
 * their own (a comma-separated list; the system's time zone database).
 */
final class Completions {
    private Completions() {
    }

    /** The output formats. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Format.values()).map(Format::cliName).iterator();
        }
    }

    /** Both spellings of a sort order. */
    static final class SortOrders implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("asc", "desc", "ascending", "descending").iterator();
        }
    }

    /** When the progress line is drawn. */
    static final class ProgressModes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ProgressMode.NAMES.iterator();
        }
    }

    /** A comma-separated list of field names: each name after the last comma is completed. */
    static final class FieldList implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Field.wireNames().iterator();
        }
    }

    /**
     * A time zone: the shells complete the zone names of the system's time zone database at
     * completion time (the JDK's own list changes with its version); these are offered as well.
     */
    static final class Zones implements Iterable<String> {
        static final List<String> FIXED = List.of("UTC");

        @Override
        public Iterator<String> iterator() {
            return FIXED.iterator();
        }
    }
}
