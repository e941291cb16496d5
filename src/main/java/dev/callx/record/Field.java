package dev.callx.record;

import dev.callx.error.DidYouMean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The normalized fields, in the one order every writer uses (SPEC section 4).
 * {@link #wireName()} is the name in headers, JSON keys and {@code --fields}.
 */
public enum Field {
    PROVIDER(FieldType.STRING),
    ID(FieldType.STRING),
    STARTED_AT(FieldType.TIMESTAMP),
    ENDED_AT(FieldType.TIMESTAMP),
    DURATION_SEC(FieldType.NUMBER),
    DIRECTION(FieldType.STRING),
    CHANNEL(FieldType.STRING),
    STATUS(FieldType.STRING),
    FROM_NUMBER(FieldType.STRING),
    TO_NUMBER(FieldType.STRING),
    CALLER_NAME(FieldType.STRING),
    CALLER_EMAIL(FieldType.STRING),
    AGENT_ID(FieldType.STRING),
    AGENT_NAME(FieldType.STRING),
    ORGANIZATION_ID(FieldType.STRING),
    COST(FieldType.NUMBER),
    SUMMARY(FieldType.STRING),
    SENTIMENT(FieldType.STRING),
    DISCONNECT_REASON(FieldType.STRING),
    LATENCY_MS(FieldType.NUMBER),
    RECORDING_URL(FieldType.STRING),
    TRANSCRIPT(FieldType.STRING),
    TRANSCRIPT_URL(FieldType.STRING),
    ERROR_MESSAGE(FieldType.STRING),
    METADATA(FieldType.OBJECT),
    /**
     * Not of SPEC section 4: the recording's file under {@code --recordings DIR} ({@code vaani/<id>.ogg}),
     * or null. Only {@code --recordings} adds it, after every other field, so that the fields of
     * every other export keep their order; {@link #all()} does not hold it.
     */
    RECORDING_FILE(FieldType.STRING);

    /**
     * The columns a terminal table shows when {@code --fields} is not given: the id first, to follow
     * a call up.
     */
    public static final List<Field> TABLE_DEFAULT = List.of(ID,
            STARTED_AT, FROM_NUMBER, TO_NUMBER, DIRECTION, STATUS, DURATION_SEC, AGENT_NAME, SUMMARY);

    private static final List<Field> ALL = List.of(values()).subList(0, RECORDING_FILE.ordinal());
    private static final List<Field> WITH_RECORDING_FILE = List.of(values());
    private static final List<String> NAMES = ALL.stream().map(Field::wireName).toList();
    private static final List<String> SUGGESTED = WITH_RECORDING_FILE.stream().map(Field::wireName).toList();

    private final FieldType type;
    private final String wireName;

    Field(FieldType type) {
        this.type = type;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    public FieldType type() {
        return type;
    }

    public String wireName() {
        return wireName;
    }

    /** The fields of SPEC section 4, in order: every export's default. */
    public static List<Field> all() {
        return ALL;
    }

    /** {@link #all()} and then {@link #RECORDING_FILE}: the default of an export with {@code --recordings}. */
    public static List<Field> withRecordingFile() {
        return WITH_RECORDING_FILE;
    }

    /** All wire names, comma separated, and the one {@code --recordings} adds, for error messages. */
    public static String names() {
        return String.join(",", NAMES) + "; with --recordings also " + RECORDING_FILE.wireName;
    }

    /** All wire names, in the record's order (for completion and suggestions). */
    public static List<String> wireNames() {
        return NAMES;
    }

    /**
     * Parses a {@code --fields} list: comma separated wire names, kept in the given order.
     *
     * @throws IllegalArgumentException naming the unknown names and listing the valid ones
     */
    public static List<Field> parseList(String list) {
        List<Field> fields = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : list.split(",", -1)) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Field f = Arrays.stream(values()).filter(v -> v.wireName.equals(name)).findFirst().orElse(null);
            if (f == null) {
                unknown.add(raw.trim());
            } else if (!fields.contains(f)) {
                fields.add(f);
            }
        }
        if (!unknown.isEmpty()) {
            List<String> named = new ArrayList<>();
            for (String u : unknown) {
                String close = DidYouMean.closest(u, SUGGESTED);
                named.add("'" + u + "'" + (close == null ? "" : " (did you mean '" + close + "'?)"));
            }
            throw new IllegalArgumentException("--fields: unknown field" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", named) + "; valid fields: " + names());
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("--fields names no field; valid fields: " + names());
        }
        return List.copyOf(fields);
    }
}
