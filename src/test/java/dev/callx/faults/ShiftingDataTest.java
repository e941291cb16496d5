package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * New calls arrive at the head of a newest-first list between two page requests, so every record
 * shifts down: the export must still hold every record that existed when it started, each once.
 * Ravan sessions, which can be bounded by time, are asked for calls started before the run began.
 */
class ShiftingDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @ParameterizedTest
    @EnumSource(FakePlatform.class)
    void newCallsAtTheHeadNeitherDuplicateNorLoseRecords(FakePlatform platform) throws Exception {
        int initial = 1_000;
        List<ObjectNode> records = new ArrayList<>(FakePlatform.records(platform, initial,
                i -> CallxRunner.NOW.minus(Duration.ofMinutes(i + 10))));
        Dispatcher dispatcher = new Dispatcher() {
            private int arrived;

            @Override
            public synchronized MockResponse dispatch(RecordedRequest request) {
                int page = Integer.parseInt(request.getUrl().queryParameter("page"));
                int size = Integer.parseInt(request.getUrl().queryParameter(platform.sizeParam));
                String before = request.getUrl().queryParameter("started_before");
                List<ObjectNode> visible = before == null ? records : records.stream()
                        .filter(r -> Instant.parse(r.get("startedAt").asText()).isBefore(Instant.parse(before)))
                        .toList();
                String body = platform.page(visible, page, size);
                for (int k = 0; k < 7; k++) {
                    // seven new calls arrive after each page is served
                    arrived++;
                    records.add(0, platform.record(100_000 + arrived, CallxRunner.NOW.plusSeconds(arrived)));
                }
                return new MockResponse.Builder().code(200).body(body).build();
            }
        };
        server.dispatchWith(dispatcher);
        CallxRunner runner = CallxRunner.callx().env(platform.keyEnv, "key");
        if (platform.secretEnv != null) {
            runner.env(platform.secretEnv, "secret");
        }
        List<String> args = new ArrayList<>(platform.args);
        args.addAll(List.of("--base-url", server.baseUrl(), "--page-size", "50", "-v"));
        Result r = runner.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Set<String> ids = new HashSet<>();
        for (String line : r.outLines()) {
            assertThat(ids.add(JSON.readTree(line).get("id").asText())).as("written twice: " + line).isTrue();
        }
        for (int i = 0; i < initial; i++) {
            assertThat(ids).as("call-" + i + " existed at the start").contains("call-" + i);
        }
        if (platform == FakePlatform.SESSIONS) {
            // bounded by started_before = the start of the run, the pages did not shift at all
            assertThat(server.takeRequest().getUrl().queryParameter("started_before"))
                    .isEqualTo(CallxRunner.NOW.toString());
            assertThat(ids).hasSize(initial);
        } else {
            assertThat(r.err()).contains("duplicate");
        }
    }

    static JsonNode parse(String line) throws Exception {
        return JSON.readTree(line);
    }
}
