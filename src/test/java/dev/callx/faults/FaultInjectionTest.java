package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nothing lost, nothing doubled: with a fifth of all requests failing at random (429, 503, dropped
 * connections, bodies cut mid-JSON), a 5,000-record export writes exactly the 5,000 records, once each.
 */
@Timeout(55) // each run exports 5,000 records through about 125 requests: seconds, more on a busy machine
class FaultInjectionTest {
    private static final int RECORDS = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    /** Serves the platform's pages, failing about {@code rate} of the requests in one of four ways. */
    static final class FlakyDispatcher extends Dispatcher {
        private final FakePlatform platform;
        private final List<ObjectNode> records;
        private final double rate;
        private final Random random = new Random(20261121);
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger served = new AtomicInteger();

        FlakyDispatcher(FakePlatform platform, List<ObjectNode> records, double rate) {
            this.platform = platform;
            this.records = records;
            this.rate = rate;
        }

        @Override
        public synchronized MockResponse dispatch(RecordedRequest request) {
            int page = Integer.parseInt(request.getUrl().queryParameter("page"));
            int size = Integer.parseInt(request.getUrl().queryParameter(platform.sizeParam));
            String body = platform.page(records, page, size);
            // Pages past the end may be asked for ahead of need and then cancelled (a cancelled request
            // is not retried): only pages that hold records, which every run needs, fail.
            boolean holdsRecords = (long) (page - platform.firstPage) * size < records.size();
            if (holdsRecords && random.nextDouble() < rate) {
                failures.incrementAndGet();
                switch (random.nextInt(4)) {
                    case 0:
                        return new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                                .body("{\"error\":\"slow down\"}").build();
                    case 1:
                        return new MockResponse.Builder().code(503).body("<html>busy</html>").build();
                    case 2:
                        return new MockResponse.Builder().code(200).body(body)
                                .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
                    default:
                        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                                .body(body.substring(0, body.length() / 2)).build();
                }
            }
            served.incrementAndGet();
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
                    .build();
        }
    }

    @ParameterizedTest
    @EnumSource(FakePlatform.class)
    void everyRecordExactlyOnceThroughAFifthOfFailedRequests(FakePlatform platform) throws Exception {
        List<ObjectNode> records = FakePlatform.records(platform, RECORDS,
                i -> CallxRunner.NOW.minus(Duration.ofMinutes(i)));
        FlakyDispatcher dispatcher = new FlakyDispatcher(platform, records, 0.2);
        server.dispatchWith(dispatcher);
        CallxRunner runner = CallxRunner.callx().env(platform.keyEnv, "key-" + platform.command);
        if (platform.secretEnv != null) {
            runner.env(platform.secretEnv, "secret-" + platform.command);
        }
        List<String> args = new ArrayList<>(platform.args);
        args.addAll(List.of("--base-url", server.baseUrl(), "-o", "jsonl", "--page-size", "50"));
        Result r = runner.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Set<String> ids = new HashSet<>();
        for (String line : r.outLines()) {
            JsonNode record = JSON.readTree(line);
            assertThat(ids.add(record.get("id").asText())).as("duplicate " + record.get("id")).isTrue();
        }
        assertThat(r.outLines()).hasSize(RECORDS);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < RECORDS; i++) {
            expected.add("call-" + i);
        }
        assertThat(ids).isEqualTo(expected);
        assertThat(dispatcher.failures.get()).as("the faults were really injected").isGreaterThan(5);
        assertThat(runner.waits()).as("each failure was retried after a wait").hasSize(dispatcher.failures.get());
    }
}
