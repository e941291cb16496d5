package dev.callx.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * Reading and comparing normalized records in tests. The field list here is typed in from SPEC
 * section 4 on purpose (not taken from {@code dev.callx.record.Field}), so a test fails when the code
 * drifts from the spec.
 */
public final class NormalizedJson {
    /** SPEC section 4, in its order. */
    public static final List<String> SPEC_FIELDS = List.of("provider", "id", "started_at", "ended_at",
            "duration_sec", "direction", "channel", "status", "from_number", "to_number", "caller_name",
            "caller_email", "agent_id", "agent_name", "organization_id", "cost", "summary", "sentiment",
            "disconnect_reason", "latency_ms", "recording_url", "transcript", "transcript_url", "error_message",
            "metadata");

    /** Exact numbers: 0.742269 stays 0.742269, 12.50 keeps its digits. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** Credentials for every platform, so any command can run. */
    public static final Map<String, String> ALL_CREDENTIALS = Map.of("RAVAN_API_KEY", "rk-test-1",
            "VAANI_API_KEY", "vk-test-1", "ZUDU_API_KEY", "zk-test-1", "ZUDU_API_SECRET", "zs-test-1");

    private NormalizedJson() {
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not one JSON document: " + json, e);
        }
    }

    /** Each line of JSON Lines output, parsed. */
    public static List<JsonNode> lines(String jsonl) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (!line.isEmpty()) {
                out.add(parse(line));
            }
        }
        return out;
    }

    /** Where the golden normalized records are, relative to the project folder. */
    public static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    /**
     * Asserts that {@code actual} is the golden normalized record {@code name} (in {@link #GOLDEN}), as
     * {@link #assertSameRecord} compares them; {@code -Dgolden.update=true} rewrites the file from
     * {@code actual} (see {@link Golden}).
     */
    public static void assertGoldenRecord(String name, JsonNode actual, String description) {
        Golden.assertMatches(GOLDEN.resolve(name), pretty(actual),
                (expected, got) -> assertSameRecord(parse(expected), parse(got), description));
    }

    /**
     * The golden normalized record {@code name}, read only: for a second test that compares with a
     * file another test keeps up to date through {@link #assertGoldenRecord}.
     */
    public static JsonNode goldenRecord(String name) {
        return parse(Golden.read(GOLDEN.resolve(name)));
    }

    /** A JSON value as the golden files hold it: two-space indents, {@code "name": value}, a final newline. */
    public static String pretty(JsonNode node) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("").withArrayEmptySeparator(""));
        printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A runner with every platform's credentials set. */
    public static CallxRunner runner() {
        CallxRunner r = CallxRunner.callx();
        ALL_CREDENTIALS.forEach(r::env);
        return r;
    }

    public static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Asserts that {@code actual} has exactly the fields of SPEC section 4, in order, each equal to the
     * expected one: numbers by value (12.50 equals 12.5, but never the string "12.50"), everything else
     * exactly, objects as JSON trees. Every differing field is reported, not only the first.
     */
    public static void assertSameRecord(JsonNode expected, JsonNode actual, String description) {
        assertThat(fieldNames(expected)).as("the golden itself lists the fields of SPEC section 4")
                .containsExactlyElementsOf(SPEC_FIELDS);
        assertThat(fieldNames(actual)).as("fields and their order, " + description)
                .containsExactlyElementsOf(SPEC_FIELDS);
        SoftAssertions soft = new SoftAssertions();
        for (String field : SPEC_FIELDS) {
            JsonNode e = expected.get(field);
            JsonNode a = actual.get(field);
            boolean same = field.endsWith("_at") ? sameTimestamp(e, a) : sameValue(e, a);
            soft.assertThat(same).as("field %s: expected %s but was %s\n%s", field, e, a, description)
                    .isTrue();
        }
        soft.assertAll();
    }

    /**
     * A timestamp as SPEC section 4 writes it: the same instant in the same offset, {@code Z} where the
     * expected has {@code Z}; the number of fraction digits is free ({@code .5} equals {@code .500}).
     * Text that is not a timestamp (a value passed through) must be the same text.
     */
    public static boolean sameTimestamp(JsonNode e, JsonNode a) {
        if (e == null || a == null || !e.isTextual() || !a.isTextual()) {
            return sameValue(e, a);
        }
        OffsetDateTime et = offsetDateTime(e.textValue());
        OffsetDateTime at = offsetDateTime(a.textValue());
        if (et == null || at == null) {
            return e.textValue().equals(a.textValue());
        }
        return et.equals(at) && e.textValue().endsWith("Z") == a.textValue().endsWith("Z");
    }

    private static OffsetDateTime offsetDateTime(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    /** Equal JSON values, numbers compared by value at any depth. */
    public static boolean sameValue(JsonNode e, JsonNode a) {
        if (e == null || a == null) {
            return e == a;
        }
        return e.equals((x, y) -> {
            if (x.isNumber() && y.isNumber()) {
                return x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1;
            }
            return x.equals(y) ? 0 : 1;
        }, a);
    }
}
