package dev.callx.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One normalized call. Values by field type: STRING as {@link String}; NUMBER as
 * {@link java.math.BigDecimal}; BOOLEAN as {@link Boolean}; TIMESTAMP as {@link java.time.Instant};
 * OBJECT as {@link JsonNode}. A value that could not be converted is kept as the {@link String}
 * received (SPEC section 4), so writers must accept a String in any field. Null means the platform
 * did not give the value. {@link #raw()} is the platform's record as received.
 */
public final class CallRecord {
    private final Object[] values = new Object[Field.values().length];
    private final JsonNode raw;

    public CallRecord(JsonNode raw) {
        this.raw = Objects.requireNonNull(raw, "raw");
    }

    public Object get(Field field) {
        return values[field.ordinal()];
    }

    public CallRecord set(Field field, Object value) {
        values[field.ordinal()] = value;
        return this;
    }

    public JsonNode raw() {
        return raw;
    }

    /** The id as a string, or null. */
    public String id() {
        Object id = get(Field.ID);
        return id == null ? null : id.toString();
    }
}
