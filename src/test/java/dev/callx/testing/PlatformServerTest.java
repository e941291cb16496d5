package dev.callx.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scripted platform server the CLI tests use: what it answers, what it counts, how it fails. */
class PlatformServerTest {
    /** A client that would give up long before a test's own time limit, were an answer to wait. */
    private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10))
            .retryOnConnectionFailure(false).build();

    @AfterEach
    void closeClient() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** The status and body of a GET. */
    private record Answer(int code, String body) {
    }

    private Answer get(PlatformServer server, String pathAndQuery) throws IOException {
        try (Response r = client.newCall(new Request.Builder().url(server.url(pathAndQuery)).build()).execute()) {
            return new Answer(r.code(), r.body().string());
        }
    }

    @Test
    void enqueuedResponsesAnswerInOrderOfArrival() throws Exception {
        try (PlatformServer server = PlatformServer.serving(Api.json("{\"n\":1}"), Api.json(503, "{\"n\":2}"))) {
            assertThat(get(server, "/a")).isEqualTo(new Answer(200, "{\"n\":1}"));
            assertThat(get(server, "/b")).isEqualTo(new Answer(503, "{\"n\":2}"));
            assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/a");
            assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/b");
            assertThat(server.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void anUnscriptedRequestIsAnsweredAtOnceAndFailsTheTestNamingIt() throws Exception {
        PlatformServer server = PlatformServer.serving(Api.json("{}"));
        assertThat(get(server, "/api/call-history?page=1").code()).isEqualTo(200);

        Answer extra = get(server, "/api/call-history?page=2&page_size=200");

        assertThat(extra.code()).isEqualTo(PlatformServer.UNSCRIPTED);
        assertThat(extra.body()).contains("no answer scripted for GET /api/call-history?page=2&page_size=200");
        assertThat(server.unscripted()).containsExactly("GET /api/call-history?page=2&page_size=200");
        assertThat(server.requestCount()).as("the unscripted request is counted too").isEqualTo(2);
        assertThatThrownBy(server::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 request(s) that the test did not script")
                .hasMessageContaining("GET /api/call-history?page=2&page_size=200");
        server.close(); // a second close is harmless and does not fail again
    }

    @Test
    void aServerThatGotOnlyScriptedRequestsClosesQuietly() throws Exception {
        PlatformServer server = PlatformServer.serving(Api.json("{}"), Api.json("{\"unused\":true}"));
        get(server, "/x");
        server.close(); // an answer left over is no failure: a test may script a page that must not be fetched
        assertThat(server.unscripted()).isEmpty();
    }

    @Test
    void rulesAnswerByPageWhateverTheOrderOfArrival() throws Exception {
        try (PlatformServer server = new PlatformServer().start()) {
            for (int page = 1; page <= 3; page++) {
                server.whenQuery("page", String.valueOf(page)).respondJson("{\"page\":" + page + "}");
            }
            assertThat(get(server, "/list?page=3").body()).isEqualTo("{\"page\":3}");
            assertThat(get(server, "/list?page=1").body()).isEqualTo("{\"page\":1}");
            assertThat(get(server, "/list?page=2").body()).isEqualTo("{\"page\":2}");
            assertThat(server.sent("page")).containsExactly("3", "1", "2");
        }
    }

    @Test
    void aRuleAnswersInTurnAndThenTheRequestIsUnscripted() throws Exception {
        PlatformServer server = new PlatformServer().start();
        server.whenQuery("page", "2").respond(Api.json(503, "{\"busy\":true}"), Api.json("{\"page\":2}"));
        server.enqueueJson("{\"queued\":true}");

        assertThat(get(server, "/l?page=2").code()).isEqualTo(503);
        assertThat(get(server, "/l?page=2").body()).isEqualTo("{\"page\":2}");
        Answer third = get(server, "/l?page=2");

        assertThat(third.code()).as("the queue is not for a page whose rule is used up")
                .isEqualTo(PlatformServer.UNSCRIPTED);
        assertThat(server.unscripted()).containsExactly(
                "GET /l?page=2 (every answer scripted for page=2 was used)");
        assertThat(get(server, "/l?page=9").body()).as("a request no rule matches takes from the queue")
                .isEqualTo("{\"queued\":true}");
        assertThatThrownBy(server::close).isInstanceOf(AssertionError.class).hasMessageContaining("page=2");
    }

    @Test
    void aRuleCanAnswerAlwaysOrComputeTheAnswer() throws Exception {
        try (PlatformServer server = new PlatformServer().start()) {
            server.whenPath("/fixed").always(Api.json("{\"same\":true}"));
            server.when(r -> r.getUrl().queryParameter("echo") != null, "echo")
                    .answer(r -> Api.json("{\"echo\":\"" + r.getUrl().queryParameter("echo") + "\"}"));
            assertThat(get(server, "/fixed?x=1").body()).isEqualTo("{\"same\":true}");
            assertThat(get(server, "/fixed?x=2").body()).isEqualTo("{\"same\":true}");
            assertThat(get(server, "/other?echo=hi").body()).isEqualTo("{\"echo\":\"hi\"}");
        }
    }

    @Test
    void theFallbackDispatcherAnswersWhatNothingElseDoesAndMayDecline() throws Exception {
        PlatformServer server = new PlatformServer().start();
        server.dispatchWith(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().encodedPath().equals("/known") ? Api.json("{\"known\":true}") : null;
            }
        });
        assertThat(get(server, "/known").body()).isEqualTo("{\"known\":true}");
        assertThat(get(server, "/unknown").code()).isEqualTo(PlatformServer.UNSCRIPTED);
        assertThatThrownBy(server::close).isInstanceOf(AssertionError.class).hasMessageContaining("GET /unknown");
    }

    /** Many requests in flight at once: each is answered by its page, counted once and kept. */
    @Test
    void concurrentRequestsAreAnsweredByTheirKeyAndCountedExactly() throws Exception {
        int pages = 200;
        int threads = 8;
        try (PlatformServer server = new PlatformServer().start()) {
            for (int page = 0; page < pages; page++) {
                server.whenQuery("page", String.valueOf(page)).respondJson("{\"page\":" + page + "}");
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Answer>> answers = new ArrayList<>();
                for (int page = 0; page < pages; page++) {
                    String path = "/list?page=" + page;
                    answers.add(pool.submit(() -> {
                        go.await(10, TimeUnit.SECONDS);
                        return get(server, path);
                    }));
                }
                go.countDown();
                for (int page = 0; page < pages; page++) {
                    assertThat(answers.get(page).get(20, TimeUnit.SECONDS))
                            .isEqualTo(new Answer(200, "{\"page\":" + page + "}"));
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.requestCount()).isEqualTo(pages);
            assertThat(server.requests()).hasSize(pages);
            List<String> sent = server.sent("page");
            assertThat(sent).doesNotHaveDuplicates().hasSize(pages);
            List<RecordedRequest> taken = new ArrayList<>();
            for (int i = 0; i < pages; i++) {
                taken.add(server.takeRequest());
            }
            assertThat(taken).extracting(r -> r.getUrl().queryParameter("page")).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void takeRequestWaitsABoundedTimeThenFails() {
        try (PlatformServer server = new PlatformServer().start()) {
            assertThatThrownBy(() -> server.takeRequest(Duration.ofMillis(50))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("a request reached the platform server within PT0.05S");
        }
    }
}
