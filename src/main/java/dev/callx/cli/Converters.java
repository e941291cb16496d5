package dev.callx.cli;

import dev.callx.error.DidYouMean;
import dev.callx.output.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** Registers the converters on {@code cl} and every subcommand it has. */
    static void register(CommandLine cl) {
        cl.registerConverter(Integer.class, Converters::integer);
        cl.registerConverter(int.class, Converters::integer);
        cl.registerConverter(Long.class, Converters::whole);
        cl.registerConverter(long.class, Converters::whole);
        cl.registerConverter(Double.class, Converters::decimal);
        cl.registerConverter(double.class, Converters::decimal);
        cl.registerConverter(Format.class, choice(Format.values(), Format::cliName));
        cl.registerConverter(ProgressMode.class, choice(ProgressMode.values(), ProgressMode::cliName));
        Map<String, SortOrder> orders = new LinkedHashMap<>();
        for (SortOrder o : SortOrder.values()) {
            orders.put(o.shortName(), o);
        }
        for (SortOrder o : SortOrder.values()) {
            orders.put(o.longName(), o);
        }
        cl.registerConverter(SortOrder.class, choice(orders));
    }

    private static long whole(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("expects a whole number, got '" + text + "'");
        }
    }

    private static int integer(String text) {
        long n = whole(text);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new TypeConversionException("expects a whole number up to " + Integer.MAX_VALUE + ", got '"
                    + text + "'");
        }
        return (int) n;
    }

    private static double decimal(String text) {
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

    private static <E> ITypeConverter<E> choice(E[] values, java.util.function.Function<E, String> name) {
        Map<String, E> byName = new LinkedHashMap<>();
        for (E v : values) {
            byName.put(name.apply(v), v);
        }
        return choice(byName);
    }

    /** One of the names (case-insensitive), or an error listing them with the closest one. */
    private static <E> ITypeConverter<E> choice(Map<String, E> byName) {
        List<String> names = new ArrayList<>(byName.keySet());
        return text -> {
            E value = byName.get(text.strip().toLowerCase(Locale.ROOT));
            if (value == null) {
                throw new TypeConversionException("expects " + orList(names) + ", got '" + text + "'"
                        + DidYouMean.hint(text, names));
            }
            return value;
        };
    }

    /** "a, b or c". */
    static String orList(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
