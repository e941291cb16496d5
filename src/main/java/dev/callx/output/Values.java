package dev.callx.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.record.Json;
import dev.callx.record.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/** One rendering of values as text, for csv and table. */
final class Values {
    private Values() {
    }

    /** The value as text, or null for null. */
    static String text(Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal n) {
            return Json.plain(n) ? n.toPlainString() : n.toString();
        }
        if (value instanceof Instant i) {
            return Timestamps.render(i, zone);
        }
        if (value instanceof JsonNode node) {
            return node.isTextual() ? node.textValue() : Json.compact(node);
        }
        return value.toString();
    }
}
