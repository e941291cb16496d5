package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.testing.Api;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thousands of random records per platform shape — missing fields, nulls, wrong types, extra fields,
 * odd Unicode — each must be written (with warnings), in every format, and callx must never fail with
 * an internal error.
 */
class FuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int RECORDS = 1_000;

    @RegisterExtension
    final PlatformServer server = new PlatformServer();
    private static final String[] ODD = {"", " ", "Zoë", "\u202eevil\u202c", "\u200b", "\u0000nul", "\u001b[2J",
        "😀👍🏽", "中文字符", "a\r\nb", "\"quoted\", comma", "=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\ud83d",
        "1e309", "NaN", "-0", "2026-13-45T99:99:99", "9".repeat(40)};

    enum Shape {
        PHONE_HISTORY("phone-history", "/api/ravan-phone-history.json", "calls", "RAVAN_API_KEY", "+14155550100"),
        SESSIONS("sessions", "/api/ravan-call-sessions.json", "data.callSessions", "RAVAN_API_KEY", null),
        CONTACT_CALLS("contact-calls", "/api/ravan-contact-calls.json", "data", "RAVAN_API_KEY", "ct_1"),
        VAANI("vaani", "/api/vaani-call-history.json", "data", "VAANI_API_KEY", null),
        CALLS("calls", "/api/zudu-calls.json", "data.calls", "ZUDU_API_KEY", null);

        final String command;
        final String example;
        final String arrayPath;
        final String keyEnv;
        final String argument;

        Shape(String command, String example, String arrayPath, String keyEnv, String argument) {
            this.command = command;
            this.example = example;
            this.arrayPath = arrayPath;
            this.keyEnv = keyEnv;
            this.argument = argument;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (Shape s : Shape.values()) {
            for (String format : new String[] {"jsonl", "csv", "json", "table"}) {
                list.add(Arguments.of(s, format));
            }
        }
        return list.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyFuzzedRecordIsWrittenAndNothingCrashes(Shape shape, String format) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(Api.resource(shape.example));
        String[] path = shape.arrayPath.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < path.length - 1; i++) {
            parent = (ObjectNode) parent.get(path[i]);
        }
        ObjectNode example = (ObjectNode) parent.get(path[path.length - 1]).get(0);
        Random random = new Random(shape.ordinal() * 31L + format.hashCode());
        ArrayNode records = parent.putArray(path[path.length - 1]);
        String idField = shape == Shape.VAANI || shape == Shape.CALLS ? "call_id" : "id";
        for (int i = 0; i < RECORDS; i++) {
            ObjectNode r = fuzz(example, random);
            r.put(idField, "fuzz-" + i); // unique ids: de-duplication is tested elsewhere
            records.add(r);
        }
        stopAfterThisPage(body);

        server.enqueue(new MockResponse.Builder().code(200).body(body.toString()).build());
        List<String> args = new ArrayList<>(List.of(shape.command));
        if (shape.argument != null) {
            args.add(shape.argument);
        }
        args.addAll(List.of("--base-url", server.baseUrl(), "-o", format));
        if (shape != Shape.CONTACT_CALLS) {
            args.addAll(List.of("--page", shape == Shape.CALLS ? "0" : "1")); // one page holds them all
        }
        Result r = CallxRunner.callx().env(shape.keyEnv, "k").env("ZUDU_API_SECRET", "s")
                .terminal(120).run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("internal error");
        assertThat(count(format, r.out())).as("records written").isEqualTo(RECORDS);
        if (format.equals("table")) {
            assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\u0000");
        }
    }

    private static int count(String format, String out) throws Exception {
        switch (format) {
            case "jsonl":
                int n = 0;
                for (String line : out.split("\n")) {
                    JSON.readTree(line);
                    n++;
                }
                return n;
            case "json":
                return JSON.readTree(out).size();
            case "csv":
                try (CSVParser p = CSVParser.parse(new StringReader(out), CSVFormat.RFC4180)) {
                    return p.getRecords().size() - 1;
                }
            default:
                return out.split("\n").length - 1;
        }
    }

    private static void stopAfterThisPage(ObjectNode body) {
        if (body.has("pagination")) {
            ((ObjectNode) body.get("pagination")).put("has_next", false);
        }
        if (body.path("data").has("pagination")) {
            ((ObjectNode) body.get("data").get("pagination")).put("has_next_page", false);
        }
        if (body.has("total_count")) {
            body.put("total_count", RECORDS);
        }
    }

    /** A copy of the example with each field kept, dropped, nulled, retyped or made odd; extra fields added. */
    private static ObjectNode fuzz(ObjectNode example, Random random) {
        ObjectNode r = F.objectNode();
        Iterator<String> names = example.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode value = example.get(name);
            switch (random.nextInt(6)) {
                case 0 -> { } // dropped
                case 1 -> r.putNull(name);
                case 2 -> r.set(name, randomValue(random, 0));
                case 3 -> r.put(name, ODD[random.nextInt(ODD.length)]);
                default -> r.set(name, value.deepCopy());
            }
        }
        for (int k = random.nextInt(3); k > 0; k--) {
            r.set("extra_" + random.nextInt(1000), randomValue(random, 0));
        }
        return r;
    }

    private static JsonNode randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 2 ? 5 : 7)) {
            case 0: return F.numberNode(random.nextLong());
            case 1: return F.numberNode(random.nextDouble() * 1e6);
            case 2: return F.booleanNode(random.nextBoolean());
            case 3: return F.textNode(ODD[random.nextInt(ODD.length)]);
            case 4: return F.nullNode();
            case 5: {
                ObjectNode o = F.objectNode();
                o.set("k" + random.nextInt(9), randomValue(random, depth + 1));
                o.set("message", randomValue(random, depth + 1));
                return o;
            }
            default: {
                ArrayNode a = F.arrayNode();
                a.add(randomValue(random, depth + 1));
                a.add(randomValue(random, depth + 1));
                return a;
            }
        }
    }
}
