package dev.callx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callx.record.Field;
import dev.callx.sandbox.Sandbox;
import dev.callx.sandbox.SandboxConfig;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each of the five commands against the sandbox, end to end through HTTP: every record arrives once,
 * and every normalized field the platform provides is filled.
 */
class SandboxEndToEndTest {
    private static final int CALLS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.defaults().withCalls(CALLS)
                .withAnchor(CallxRunner.NOW.truncatedTo(ChronoUnit.MINUTES)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static CallxRunner callx() {
        CallxRunner runner = CallxRunner.callx();
        sandbox.credentials().forEach(runner::env);
        for (String name : new String[] {"RAVAN_BASE_URL", "VAANI_BASE_URL", "ZUDU_BASE_URL"}) {
            runner.env(name, sandbox.baseUrl());
        }
        return runner;
    }

    private static List<JsonNode> records(Result r) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<JsonNode> records = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String line : r.outLines()) {
            JsonNode record = JSON.readTree(line);
            assertThat(ids.add(record.get("id").asText())).as("duplicate id in " + r.args()).isTrue();
            records.add(record);
        }
        return records;
    }

    /** Every field in {@code provided} is filled in some record; every other field in none. */
    private static void assertFilled(List<JsonNode> records, Set<Field> provided) {
        for (Field f : Field.all()) {
            boolean anyFilled = records.stream().anyMatch(r -> !r.get(f.wireName()).isNull());
            assertThat(anyFilled).as(f.wireName() + (provided.contains(f) ? " is provided" : " is not provided"))
                    .isEqualTo(provided.contains(f));
        }
    }

    private static Set<Field> allBut(Field... absent) {
        Set<Field> s = EnumSet.allOf(Field.class);
        s.removeAll(List.of(absent));
        return s;
    }

    @Test
    void vaaniExportsEveryCall() throws Exception {
        List<JsonNode> records = records(callx().run("vaani"));
        assertThat(records).hasSize(CALLS);
        assertFilled(records, allBut(Field.CHANNEL, Field.CALLER_EMAIL, Field.SENTIMENT, Field.DISCONNECT_REASON,
                Field.LATENCY_MS, Field.TRANSCRIPT, Field.ERROR_MESSAGE));
    }

    @Test
    void zuduCallsExportsEveryCall() throws Exception {
        List<JsonNode> records = records(callx().run("calls"));
        assertThat(records).hasSize(CALLS);
        assertFilled(records, allBut(Field.CALLER_NAME, Field.CALLER_EMAIL, Field.AGENT_NAME, Field.TRANSCRIPT_URL,
                Field.ERROR_MESSAGE));
    }

    @Test
    void ravanSessionsExportsEveryCall() throws Exception {
        List<JsonNode> records = records(callx().run("sessions"));
        assertThat(records).hasSize(CALLS);
        assertFilled(records, allBut(Field.DIRECTION, Field.TRANSCRIPT, Field.TRANSCRIPT_URL));
    }

    @Test
    void ravanSessionsFiltersMatchTheServersCount() throws Exception {
        String agent = sandbox.ravanAgentIds().get(0);
        Result r = callx().run("sessions", "--agent", agent, "--status", "completed", "--since", "30d");
        List<JsonNode> records = records(r);
        int expected = sandbox.ravanSessionsMatching(Map.of("agent_id", agent, "status", "completed",
                "started_after", CallxRunner.NOW.minus(30, ChronoUnit.DAYS).toString()));
        assertThat(expected).isPositive();
        assertThat(records).hasSize(expected);
        Instant since = CallxRunner.NOW.minus(30, ChronoUnit.DAYS);
        assertThat(records).allSatisfy(rec -> {
            assertThat(rec.get("agent_id").asText()).isEqualTo(agent);
            assertThat(rec.get("status").asText()).isEqualTo("completed");
            assertThat(Instant.parse(rec.get("started_at").asText())).isAfterOrEqualTo(since);
        });
    }

    @Test
    void phoneHistoryFindsTheCallsOfOneNumberWithTranscripts() throws Exception {
        String phone = sandbox.examplePhone();
        List<JsonNode> records = records(callx().run("phone-history", phone, "--transcripts"));
        assertThat(records).hasSize(sandbox.ravanCallsMatchingPhone(phone)).isNotEmpty();
        assertThat(records).allSatisfy(rec -> assertThat(List.of(rec.get("from_number").asText(),
                rec.get("to_number").asText())).contains(phone));
        assertFilled(records, allBut(Field.DIRECTION, Field.TRANSCRIPT_URL));
    }

    @Test
    void contactCallsReturnsTheContactsCalls() throws Exception {
        String contact = sandbox.exampleContactId();
        List<JsonNode> records = records(callx().run("contact-calls", contact));
        assertThat(records).hasSize(sandbox.contactCallCount(contact)).isNotEmpty();
        assertFilled(records, allBut(Field.DIRECTION, Field.TRANSCRIPT, Field.TRANSCRIPT_URL));
    }

    @Test
    void inProcessSandboxPrintsOnlyRecordsOnStdout() throws Exception {
        for (String[] args : List.of(new String[] {"--sandbox", "vaani"}, new String[] {"--sandbox", "calls"},
                new String[] {"--sandbox", "sessions"},
                new String[] {"--sandbox", "phone-history", sandbox.examplePhone()},
                new String[] {"--sandbox", "contact-calls", sandbox.exampleContactId()})) {
            Result r = CallxRunner.callx().run(args);
            List<JsonNode> records = records(r);
            assertThat(records).as(r.toString()).isNotEmpty();
            if (args[1].equals("vaani") || args[1].equals("calls") || args[1].equals("sessions")) {
                assertThat(records).hasSize(CALLS);
            }
            assertThat(r.err()).as(r.toString()).isEmpty();
        }
    }

    @Test
    void inProcessSandboxRefusesABaseUrl() {
        Result r = CallxRunner.callx().run("--sandbox", "vaani", "--base-url", "https://api.vaanivoice.ai");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    }
}
