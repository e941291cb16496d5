package dev.callx.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.record.CompactJson;
import dev.callx.record.Json;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * An object or array cell of a csv row: the compact JSON {@link CompactJson} writes, quoted as the
 * csv writer quotes any cell, encoded straight into the row's bytes (a csv export writes one for every
 * record: building the text, then scanning, quoting and encoding it, cost a third of the writer).
 * CsvWriterTest compares it with the text path.
 */
final class CsvJson {
    private CsvJson() {
    }

    /**
     * Appends the container's cell; false when the tree holds a node {@link CompactJson} does not
     * write either (floating-point, binary, POJO: never read from a platform), then with the row
     * left to be truncated by the caller.
     */
    static boolean append(Utf8Row row, JsonNode container) {
        int start = row.length();
        row.ascii('"');
        if (!value(row, container)) {
            return false;
        }
        if (row.holds(start + 1, '"', ',')) {
            row.ascii('"');
        } else {
            row.remove(start); // {}, [], [1]: nothing a csv reader needs quotes for
        }
        return true;
    }

    private static boolean value(Utf8Row row, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                row.ascii('{');
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!first) {
                        row.ascii(',');
                    }
                    first = false;
                    row.csvJsonString(e.getKey()).ascii(':');
                    if (!value(row, e.getValue())) {
                        return false;
                    }
                }
                row.ascii('}');
                return true;
            }
            case ARRAY -> {
                row.ascii('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        row.ascii(',');
                    }
                    if (!value(row, node.get(i))) {
                        return false;
                    }
                }
                row.ascii(']');
                return true;
            }
            case STRING -> {
                row.csvJsonString(node.textValue());
                return true;
            }
            case BOOLEAN -> {
                row.ascii(node.booleanValue() ? "true" : "false");
                return true;
            }
            case NULL, MISSING -> {
                row.ascii("null");
                return true;
            }
            case NUMBER -> {
                return number(row, node);
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean number(Utf8Row row, JsonNode node) {
        switch (node.numberType()) {
            case INT, LONG -> row.ascii(Long.toString(node.longValue()));
            case BIG_INTEGER -> row.ascii(node.bigIntegerValue().toString());
            case BIG_DECIMAL -> {
                BigDecimal n = node.decimalValue();
                row.ascii(Json.plain(n) ? n.toPlainString() : n.toString());
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
