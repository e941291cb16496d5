package dev.callx.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Fills a {@link CallRecord} from a platform's JSON values, converting each to its field's type.
 * A value that does not convert is kept as the text received and reported once per field through
 * {@link Warnings}; nothing is dropped and nothing throws. A JSON null or a missing value is null.
 */
public final class RecordBuilder {
    private final CallRecord record;
    private final Warnings warnings;
    private final ZoneId assumeZone;

    public RecordBuilder(JsonNode raw, String provider, Warnings warnings, ZoneId assumeZone) {
        this.record = new CallRecord(raw);
        this.warnings = warnings;
        this.assumeZone = assumeZone;
        record.set(Field.PROVIDER, provider);
    }

    public CallRecord build() {
        return record;
    }

    /**
     * The raw record's value at the first of the dotted paths ({@code "call_analysis.call_summary"})
     * that holds one, or null.
     */
    public JsonNode at(String... paths) {
        for (String path : paths) {
            JsonNode node = JsonPaths.at(record.raw(), path);
            if (node != null) {
                return node;
            }
        }
        return null;
    }

    /** A string field from the value at {@code path}. */
    public RecordBuilder text(Field field, String... paths) {
        return text(field, at(paths));
    }

    public RecordBuilder text(Field field, JsonNode node) {
        record.set(field, asText(node));
        return this;
    }

    /** A string field, lower-cased (direction, channel). */
    public RecordBuilder lower(Field field, String... paths) {
        String text = asText(at(paths));
        record.set(field, text == null ? null : text.toLowerCase(Locale.ROOT));
        return this;
    }

    /** A number field from the value at {@code path}. */
    public RecordBuilder number(Field field, String... paths) {
        return scaled(field, 0, paths);
    }

    /** A number field divided by 10^{@code shift} ({@code 3} turns milliseconds into seconds). */
    public RecordBuilder scaled(Field field, int shift, String... paths) {
        JsonNode node = at(paths);
        if (node == null || (node.isTextual() && node.textValue().isBlank())) {
            return this;
        }
        BigDecimal number = asNumber(node);
        if (number == null) {
            passThrough(field, node, "a number");
            return this;
        }
        BigDecimal scaled = shift == 0 ? number : number.scaleByPowerOfTen(-shift).stripTrailingZeros();
        if (!Json.plain(scaled)) {
            // 1e999999999: a billion digits written out; kept as the text received, in scientific notation
            passThrough(field, node, "a number of at most " + Json.MAX_PLAIN_SCALE + " digits");
        } else {
            record.set(field, normalize(scaled));
        }
        return this;
    }

    /** A timestamp field: ISO 8601 text (zone-less read in the assumed zone) or epoch ms/seconds. */
    public RecordBuilder timestamp(Field field, String... paths) {
        JsonNode node = at(paths);
        if (node == null) {
            return this;
        }
        Instant instant = null;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            instant = Timestamps.fromEpoch(node.longValue());
        } else if (node.isNumber()) {
            instant = Timestamps.fromEpoch(node.decimalValue());
        } else if (node.isTextual()) {
            if (node.textValue().isBlank()) {
                return this;
            }
            instant = Timestamps.parse(node.textValue(), assumeZone);
        }
        if (instant == null) {
            passThrough(field, node, "a timestamp");
        } else {
            record.set(field, instant);
        }
        return this;
    }

    /** An object field: the JSON value as received. */
    public RecordBuilder object(Field field, String... paths) {
        record.set(field, at(paths));
        return this;
    }

    /** Sets a field to a value computed by the mapper. */
    public RecordBuilder set(Field field, Object value) {
        record.set(field, value);
        return this;
    }

    private void passThrough(Field field, JsonNode node, String expected) {
        String text = asText(node);
        record.set(field, text);
        Object id = record.get(Field.ID);
        warnings.unconverted(field, expected, text, id == null ? null : id.toString());
    }

    /** Text of a scalar; compact JSON of an object or array; null of null. */
    public static String asText(JsonNode node) {
        if (node == null) {
            return null;
        }
        switch (node.getNodeType()) {
            case STRING:
                return node.textValue();
            case NULL:
            case MISSING:
                return null;
            case NUMBER:
                if (node.isFloatingPointNumber()) { // a BigDecimal too
                    BigDecimal n = node.decimalValue();
                    return Json.plain(n) ? normalize(n).toPlainString() : n.toString();
                }
                return node.asText();
            case OBJECT:
            case ARRAY:
                return node.toString();
            default: // boolean, binary, POJO
                return node.asText();
        }
    }

    private static BigDecimal asNumber(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            String t = node.textValue().trim();
            if (!isDecimal(t)) {
                return null;
            }
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Whether the text is a decimal number as {@code [+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?}
     * (ASCII digits) describes it, without a regex: costs and durations come as text on every record.
     */
    static boolean isDecimal(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int whole = digits(t, i);
        i += whole;
        int fraction = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            fraction = digits(t, i);
            i += fraction;
        }
        if (whole == 0 && fraction == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponent = digits(t, i);
            if (exponent < 1 || exponent > 4) {
                return false;
            }
            i += exponent;
        }
        return i == n;
    }

    private static int digits(String t, int from) {
        int i = from;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** Drops an exponent that would print as 1E+3, keeping the digits received otherwise. */
    private static BigDecimal normalize(BigDecimal n) {
        return n.setScale(Math.max(n.scale(), 0));
    }
}
