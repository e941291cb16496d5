package dev.callx.cli;

import dev.callx.error.DidYouMean;
import dev.callx.output.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option value converters with messages in plain words. A converter's message is what follows the
 * option's name: {@link Cli} prints {@code --limit expects a whole number, got 'abc'}.
 */
final class Converters {
    private Converters() {
    }

    /**
     * Registers the converters on {@code cl} and every subcommand it has. They are classes, not
     * lambdas: the JVM of JDK 17.0.15 crashed at exit writing bin/callx's class archive
     * (-XX:ArchiveClassesAtExit, in SystemDictionaryShared::adjust_lambda_proxy_class_dictionary)
     * when one method reference became two lambda proxies (for Integer and int).
     */
    static void register(CommandLine cl) {
        WholeNumber whole = new WholeNumber(Long.MIN_VALUE, Long.MAX_VALUE);
        WholeInt integer = new WholeInt();
        Decimal decimal = new Decimal();
        cl.registerConverter(Integer.class, integer);
        cl.registerConverter(int.class, integer);
        cl.registerConverter(Long.class, whole);
        cl.registerConverter(long.class, whole);
        cl.registerConverter(Double.class, decimal);
        cl.registerConverter(double.class, decimal);
        cl.registerConverter(Format.class, new Choice<>(names(Format.values(), Format::cliName)));
        cl.registerConverter(ProgressMode.class, new Choice<>(names(ProgressMode.values(), ProgressMode::cliName)));
        cl.registerConverter(CompletionScripts.Shell.class, new Choice<>(names(CompletionScripts.Shell.values(),
                Converters::lowerName)));
        Map<String, SortOrder> orders = new LinkedHashMap<>();
        for (SortOrder o : SortOrder.values()) {
            orders.put(o.shortName(), o);
        }
        for (SortOrder o : SortOrder.values()) {
            orders.put(o.longName(), o);
        }
        cl.registerConverter(SortOrder.class, new Choice<>(orders));
    }

    /** A whole number within bounds. */
    static final class WholeNumber implements ITypeConverter<Long> {
        private final long min;
        private final long max;

        WholeNumber(long min, long max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Long convert(String text) {
            long n;
            try {
                n = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expects a whole number, got '" + text + "'");
            }
            if (n < min || n > max) {
                throw new TypeConversionException("expects a whole number up to " + max + ", got '" + text + "'");
            }
            return n;
        }
    }

    /** A whole number that fits an int. */
    static final class WholeInt implements ITypeConverter<Integer> {
        private final WholeNumber whole = new WholeNumber(Integer.MIN_VALUE, Integer.MAX_VALUE);

        @Override
        public Integer convert(String text) {
            return whole.convert(text).intValue();
        }
    }

    /** A finite decimal number. */
    static final class Decimal implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            try {
                double d = Double.parseDouble(text.strip());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new TypeConversionException("expects a number (e.g. 0.05), got '" + text + "'");
        }
    }

    private static <E> Map<String, E> names(E[] values, Function<E, String> name) {
        Map<String, E> byName = new LinkedHashMap<>();
        for (E v : values) {
            byName.put(name.apply(v), v);
        }
        return byName;
    }

    /** One of the names (case-insensitive), or an error listing them with the closest one. */
    static final class Choice<E> implements ITypeConverter<E> {
        private final Map<String, E> byName;
        private final List<String> names;

        Choice(Map<String, E> byName) {
            this.byName = byName;
            this.names = new ArrayList<>(byName.keySet());
        }

        @Override
        public E convert(String text) {
            E value = byName.get(text.strip().toLowerCase(Locale.ROOT));
            if (value == null) {
                throw new TypeConversionException("expects " + orList(names) + ", got '" + text + "'"
                        + DidYouMean.hint(text, names));
            }
            return value;
        }
    }

    private static String lowerName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** "a, b or c". */
    static String orList(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
