package dev.callx.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Compact JSON text of a tree read from a platform, appended to a StringBuilder without a generator:
 * the text {@link Json#write} makes Jackson's generator write (this mapper's configuration: no
 * escaping beyond JSON's own, control characters as {@code \b \t \n \f \r} or a u00XX escape, numbers
 * in plain notation while {@link Json#plain}). A CSV export writes an object cell for every record.
 * Floating-point, binary and POJO nodes, which callx never reads from a platform, are not written
 * here: {@link #append} says so and the caller uses the generator. CompactJsonTest compares both.
 * The same walk writes a csv cell's bytes (the output package's CsvJson).
 */
public final class CompactJson {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CompactJson() {
    }

    /**
     * Where the text goes: a StringBuilder ({@link #append(StringBuilder, JsonNode)}), or a csv row's
     * bytes, where each string is escaped and quoted for the cell in one pass.
     */
    public interface Out {
        /** One of {@code { } [ ] , :}. */
        void punct(char c);

        /** A number, {@code true}, {@code false} or {@code null}: ASCII, written as it is. */
        void literal(String text);

        /** A key or a string value, escaped as {@link #string(StringBuilder, String)} does. */
        void string(String s);
    }

    /**
     * Appends the node's compact JSON; false when the tree holds a node this does not write (then
     * what was appended is to be discarded).
     */
    public static boolean append(StringBuilder out, JsonNode node) {
        return append(new Text(out), node);
    }

    /** Writes the node's compact JSON to {@code out}; false as {@link #append(StringBuilder, JsonNode)}. */
    public static boolean append(Out out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.punct('{');
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!first) {
                        out.punct(',');
                    }
                    first = false;
                    out.string(e.getKey());
                    out.punct(':');
                    if (!append(out, e.getValue())) {
                        return false;
                    }
                }
                out.punct('}');
                return true;
            }
            case ARRAY -> {
                out.punct('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.punct(',');
                    }
                    if (!append(out, node.get(i))) {
                        return false;
                    }
                }
                out.punct(']');
                return true;
            }
            case STRING -> {
                out.string(node.textValue());
                return true;
            }
            case BOOLEAN -> {
                out.literal(node.booleanValue() ? "true" : "false");
                return true;
            }
            case NULL, MISSING -> {
                out.literal("null");
                return true;
            }
            case NUMBER -> {
                return number(out, node);
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean number(Out out, JsonNode node) {
        switch (node.numberType()) {
            case INT, LONG -> out.literal(Long.toString(node.longValue()));
            case BIG_INTEGER -> out.literal(node.bigIntegerValue().toString());
            case BIG_DECIMAL -> {
                BigDecimal n = node.decimalValue();
                out.literal(Json.plain(n) ? n.toPlainString() : n.toString());
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The text, into a StringBuilder. */
    private record Text(StringBuilder sb) implements Out {
        @Override
        public void punct(char c) {
            sb.append(c);
        }

        @Override
        public void literal(String text) {
            sb.append(text);
        }

        @Override
        public void string(String s) {
            CompactJson.string(sb, s);
        }
    }

    /** A JSON string as Jackson's generator escapes it. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= ' ' && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, start, i);
            start = i + 1;
            out.append('\\');
            switch (c) {
                case '"', '\\' -> out.append(c);
                case '\b' -> out.append('b');
                case '\t' -> out.append('t');
                case '\f' -> out.append('f');
                case '\n' -> out.append('n');
                case '\r' -> out.append('r');
                default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, start, n).append('"');
    }
}
