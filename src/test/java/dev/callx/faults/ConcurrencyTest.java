package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.sandbox.Sandbox;
import dev.callx.sandbox.SandboxConfig;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parallel paging from the command line (issue 7): the same bytes whatever --concurrency, exactly
 * the requests the paging signals allow, and politeness under a server that allows two requests at once.
 */
class ConcurrencyTest {
    private static Sandbox sandbox;

    @BeforeAll
    static synchronized void start() throws Exception {
        if (sandbox != null) {
            return;
        }
        sandbox = Sandbox.start(SandboxConfig.defaults().withCalls(600)
                .withAnchor(CallxRunner.NOW.truncatedTo(ChronoUnit.MINUTES)));
    }

    @AfterAll
    static synchronized void stop() {
        sandbox.close();
        sandbox = null;
    }

    private static CallxRunner sandboxed() {
        CallxRunner runner = CallxRunner.callx();
        sandbox.credentials().forEach(runner::env);
        for (String name : new String[] {"RAVAN_BASE_URL", "VAANI_BASE_URL", "ZUDU_BASE_URL"}) {
            runner.env(name, sandbox.baseUrl());
        }
        return runner;
    }

    static List<Arguments> commandsAndFormats() {
        List<Arguments> all = new ArrayList<>();
        List<List<String>> commands = List.of(
                List.of("vaani", "--page-size", "23"),
                List.of("calls", "--page-size", "23"),
                List.of("sessions", "--page-size", "23"),
                List.of("phone-history", sandbox().examplePhone(), "--page-size", "3"),
                List.of("contact-calls", sandbox().exampleContactId()));
        for (List<String> command : commands) {
            for (String format : List.of("csv", "jsonl", "json", "table")) {
                all.add(Arguments.of(command, format));
            }
        }
        return all;
    }

    private static Sandbox sandbox() {
        if (sandbox == null) {
            try {
                start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return sandbox;
    }

    @ParameterizedTest(name = "{0} -o {1}")
    @MethodSource("commandsAndFormats")
    void concurrencyEightWritesTheSameBytesAsConcurrencyOne(List<String> command, String format) {
        List<String> base = new ArrayList<>(command);
        base.addAll(List.of("-o", format));
        Result one = sandboxed().run(with(base, "--concurrency", "1"));
        Result eight = sandboxed().run(with(base, "--concurrency", "8"));
        assertThat(one.exitCode()).as(one.toString()).isZero();
        assertThat(eight.exitCode()).as(eight.toString()).isZero();
        assertThat(one.outLines().size()).as("a real export, of several pages").isGreaterThan(6);
        assertThat(eight.out()).isEqualTo(one.out());
    }

    private static String[] with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    // ---- exact requests, through HTTP ----

    /** A platform whose list is served page by page from {@code records}, counting requests per page. */
    static final class CountingPlatform extends Dispatcher {
        final FakePlatform platform;
        final List<ObjectNode> records;
        final List<Integer> pages = new java.util.concurrent.CopyOnWriteArrayList<>();

        CountingPlatform(FakePlatform platform, int count) {
            this.platform = platform;
            this.records = FakePlatform.records(platform, count, i -> CallxRunner.NOW.minus(Duration.ofMinutes(i)));
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            int page = Integer.parseInt(request.getUrl().queryParameter("page"));
            int size = Integer.parseInt(request.getUrl().queryParameter(platform.sizeParam));
            pages.add(page);
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(platform.page(records, page, size)).build();
        }
    }

    private static Result run(MockWebServer server, FakePlatform platform, String... more) {
        CallxRunner runner = CallxRunner.callx().env(platform.keyEnv, "key-123456");
        if (platform.secretEnv != null) {
            runner.env(platform.secretEnv, "secret-123456");
        }
        List<String> args = new ArrayList<>(platform.args);
        args.addAll(List.of("--base-url", server.url("/").toString(), "-o", "jsonl"));
        args.addAll(List.of(more));
        return runner.run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(value = FakePlatform.class, names = {"VAANI", "CALLS", "PHONE_HISTORY"})
    void aTotalOnPageOneMeansExactlyThePagesThatExist(FakePlatform platform) throws Exception {
        CountingPlatform counting = new CountingPlatform(platform, 205);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(counting);
            server.start();
            Result r = run(server, platform, "--page-size", "10", "--concurrency", "8");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.outLines()).hasSize(205);
            int first = platform.firstPage;
            List<Integer> expected = new ArrayList<>();
            for (int p = first; p < first + 21; p++) {
                expected.add(p);
            }
            assertThat(counting.pages).as("21 pages exist; each asked once, none past them")
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(server.getRequestCount()).isEqualTo(21);
        }
    }

    @Test
    void withoutATotalAtMostConcurrencyMinusOnePagesPastTheEnd() throws Exception {
        CountingPlatform counting = new CountingPlatform(FakePlatform.SESSIONS, 205);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(counting);
            server.start();
            Result r = run(server, FakePlatform.SESSIONS, "--page-size", "10", "--concurrency", "8");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.outLines()).hasSize(205);
            // pages 1..21 hold records (21 is short); 22 is empty; at most 7 past page 21
            assertThat(counting.pages).contains(22).doesNotHaveDuplicates().allMatch(p -> p <= 21 + 7);
        }
    }

    @ParameterizedTest
    @EnumSource(value = FakePlatform.class, names = {"VAANI", "CALLS", "PHONE_HISTORY", "SESSIONS"})
    void limitAsksOnlyForThePagesItNeeds(FakePlatform platform) throws Exception {
        CountingPlatform counting = new CountingPlatform(platform, 500);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(counting);
            server.start();
            Result r = run(server, platform, "--page-size", "10", "--limit", "25");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.outLines()).hasSize(25);
            int first = platform.firstPage;
            assertThat(counting.pages).containsExactlyInAnyOrder(first, first + 1, first + 2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = FakePlatform.class, names = {"VAANI", "CALLS", "PHONE_HISTORY", "SESSIONS"})
    void pageStaysOneRequest(FakePlatform platform) throws Exception {
        CountingPlatform counting = new CountingPlatform(platform, 500);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(counting);
            server.start();
            Result r = run(server, platform, "--page-size", "10", "--page", String.valueOf(platform.firstPage + 4));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.outLines()).hasSize(10);
            assertThat(counting.pages).containsExactly(platform.firstPage + 4);
        }
    }

    // ---- a server that allows two requests at once ----

    @Test
    void aServerAllowingTwoRequestsAtOnceGetsACompleteExportWithFew429s() throws Exception {
        List<ObjectNode> records = FakePlatform.records(FakePlatform.VAANI, 500,
                i -> CallxRunner.NOW.minus(Duration.ofMinutes(i)));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        Dispatcher twoAtOnce = new Dispatcher() {
            private final Object lock = new Object();
            private CountDownLatch next = new CountDownLatch(1);

            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                CountDownLatch arrived;
                synchronized (lock) {
                    arrived = next;
                    next = new CountDownLatch(1);
                    arrived.countDown();
                }
                if (inFlight.incrementAndGet() > 2) {
                    inFlight.decrementAndGet();
                    refused.incrementAndGet();
                    return new MockResponse.Builder().code(429).body("{\"detail\":\"slow down\"}").build();
                }
                try {
                    // hold the request a little, or until the next one arrives, so requests overlap
                    CountDownLatch mine;
                    synchronized (lock) {
                        mine = next;
                    }
                    mine.await(50, TimeUnit.MILLISECONDS);
                    int page = Integer.parseInt(request.getUrl().queryParameter("page"));
                    served.incrementAndGet();
                    return new MockResponse.Builder().code(200).body(FakePlatform.VAANI.page(records, page, 10))
                            .build();
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        };
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(twoAtOnce);
            server.start();
            CallxRunner runner = CallxRunner.callx().env("VAANI_API_KEY", "key-123456");
            Result r = runner.run("vaani", "--base-url", server.url("/").toString(), "--page-size", "10",
                    "--concurrency", "8", "-o", "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            List<String> ids = r.outLines().stream().map(l -> l.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                expected.add("call-" + i);
            }
            assertThat(ids).isEqualTo(expected);
            assertThat(served.get()).isEqualTo(50);
            // the first burst of 8 meets 6 refusals; the limit then halves and stays near 2, probing rarely
            assertThat(refused.get()).as("429s for 50 pages").isLessThanOrEqualTo(20);
            assertThat(runner.waits()).as("each 429 waited for").hasSize(refused.get());
        }
    }
}
