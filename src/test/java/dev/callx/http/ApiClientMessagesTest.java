package dev.callx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.log.Log;
import dev.callx.log.Secrets;
import dev.callx.testing.PlatformServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a user reads when a request fails: the exit code of SPEC section 7 and a message naming the
 * platform, what was fetched, the HTTP status or the failure, and what to do next.
 */
class ApiClientMessagesTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final StringWriter err = new StringWriter();
    private ServerSocket raw;
    private Thread rawThread;

    @AfterEach
    void stopRawServer() throws Exception {
        if (raw != null) {
            raw.close();
            rawThread.join();
        }
    }

    private Log log(Log.Level level) {
        return new Log(new PrintWriter(err, true), level, new Secrets(), "test");
    }

    private ApiClient client(HttpUrl base, int retries) {
        return client(base, new HttpSettings(Duration.ofSeconds(10), retries, Duration.ofSeconds(60), false),
                Log.Level.VERBOSE);
    }

    private ApiClient client(HttpUrl base, HttpSettings settings, Log.Level level) {
        Target target = new Target("Vaani Voice", base, Map.of("X-API-Key", "vk-1"), "VAANI_API_KEY", null);
        return new ApiClient(target, settings, log(level), waits::add, new Random(1), Clock.systemUTC());
    }

    private CallxException failure(ApiClient client, HttpUrl url, String what) {
        return catchThrowableOfType(CallxException.class, () -> client.getJson(url, what));
    }

    /**
     * A one-line HTTP server that answers every connection with {@code bytes}, then closes it; with
     * {@code reset} the close is abortive (a TCP RST), as a crashed server or a middlebox sends.
     */
    private HttpUrl rawServer(String bytes, boolean reset) throws IOException {
        raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        rawThread = new Thread(() -> {
            while (!raw.isClosed()) {
                try (Socket s = raw.accept()) {
                    s.getInputStream().read(new byte[8192]); // the request (small, one read)
                    OutputStream out = s.getOutputStream();
                    out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (reset) {
                        s.setSoLinger(true, 0);
                    }
                } catch (IOException e) {
                    if (!raw.isClosed()) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        });
        rawThread.start();
        return HttpUrl.get("http://127.0.0.1:" + raw.getLocalPort() + "/api/call-history");
    }

    // ---- credentials that cannot be sent ----

    @Test
    void aCredentialWithALineBreakIsABadCredentialNamingTheVariableNotTheValue() {
        Target target = new Target("Vaani Voice", server.url("/"), Map.of("X-API-Key", "vk-1\r\nX-Injected: yes"),
                "VAANI_API_KEY", null);

        CallxException e = catchThrowableOfType(CallxException.class, () -> new ApiClient(target,
                HttpSettings.defaults(), log(Log.Level.NORMAL), waits::add, new Random(1), Clock.systemUTC()));

        assertThat(e).as("refused when the client is made, before any request").isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.AUTH);
        assertThat(e.getMessage()).isEqualTo("the Vaani Voice credential cannot be sent: its X-API-Key header value "
                + "holds a character other than printable ASCII. Check VAANI_API_KEY (a stray character from a copy "
                + "and paste?)");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aCredentialWithAControlCharacterIsABadCredential() {
        Target target = new Target("Zudu", server.url("/"), Map.of("X-API-KEY", "zk", "X-API-SECRET", "zs\u0007"),
                "ZUDU_API_KEY and ZUDU_API_SECRET", null);

        CallxException e = catchThrowableOfType(CallxException.class, () -> new ApiClient(target,
                HttpSettings.defaults(), log(Log.Level.NORMAL), waits::add, new Random(1), Clock.systemUTC()));

        assertThat(e.exitCode()).isEqualTo(ExitCode.AUTH);
        assertThat(e.getMessage()).contains("its X-API-SECRET header value holds a character other than printable "
                + "ASCII. Check ZUDU_API_KEY and ZUDU_API_SECRET");
    }

    @Test
    void theProxyPasswordIsMaskedWhenTheServerEchoesIt() {
        server.whenPath("/api/call-history").respond(new MockResponse.Builder().code(400)
                .body("bad query; proxy said pr0xy-pa55 was wrong").build());
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(10), 0, Duration.ofSeconds(60), false)
                .withNetwork(Network.from(Map.of("HTTPS_PROXY", "http://bob:pr0xy-pa55@proxy.corp:3128"), null));

        CallxException e = failure(client(server.url("/"), settings, Log.Level.NORMAL),
                server.url("/api/call-history"), "page 1");

        assertThat(e.exitCode()).isEqualTo(ExitCode.REJECTED);
        assertThat(e.getMessage()).contains("bad query; proxy said").doesNotContain("pr0xy-pa55");
    }

    // ---- HTTP statuses ----

    @Test
    void aRedirectWithoutLocationIsABadResponseEvenWithAJsonBody() {
        server.whenPath("/api/call-history").respond(new MockResponse.Builder().code(300)
                .addHeader("Content-Type", "application/json").body("{\"data\": []}").build());

        CallxException e = failure(client(server.url("/"), 5), server.url("/api/call-history"), "page 1");

        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_RESPONSE);
        assertThat(e.getMessage()).isEqualTo("Vaani Voice answered page 1 with a redirect callx cannot follow "
                + "(HTTP 300, Location missing). Check --base-url");
        assertThat(server.requestCount()).as("not retried").isEqualTo(1);
    }

    @Test
    void aRedirectOkHttpDoesNotFollowNamesItsLocation() {
        server.whenPath("/api/call-history").respond(new MockResponse.Builder().code(305)
                .addHeader("Location", "/api/elsewhere").build());

        CallxException e = failure(client(server.url("/"), 5), server.url("/api/call-history"), "page 1");

        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_RESPONSE);
        assertThat(e.getMessage()).isEqualTo("Vaani Voice answered page 1 with a redirect callx cannot follow "
                + "(HTTP 305, Location " + server.url("/api/elsewhere") + "). Check --base-url");
    }

    @Test
    void http400IsARejectedRequestWithThePlatformsWords() {
        server.whenPath("/api/call-history").respond(new MockResponse.Builder().code(400)
                .body("page_size must be at most 100").build());

        CallxException e = failure(client(server.url("/"), 5), server.url("/api/call-history"), "page 1");

        assertThat(e.exitCode()).isEqualTo(ExitCode.REJECTED);
        assertThat(e.getMessage()).isEqualTo("Vaani Voice rejected the request for page 1 (HTTP 400 Bad Request): "
                + "\"page_size must be at most 100\". Check the options and --param values passed");
        assertThat(server.requestCount()).as("not retried").isEqualTo(1);
        var sent = server.takeRequest();
        assertThat(sent.getHeaders().get("X-API-Key")).as("the credential").isEqualTo("vk-1");
        assertThat(sent.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(sent.getHeaders().get("User-Agent")).isEqualTo("callx");
    }

    @Test
    void http501IsAServerFailureNotRetried() {
        server.whenPath("/api/call-history").respond(new MockResponse.Builder().code(501).build());

        CallxException e = failure(client(server.url("/"), 5), server.url("/api/call-history"), "page 1");

        assertThat(e.exitCode()).isEqualTo(ExitCode.NETWORK);
        assertThat(e.getMessage()).isEqualTo("Vaani Voice failed on page 1 (HTTP 501 Not Implemented). Try again "
                + "later");
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void a404ForAPageNamesThePage() {
        server.whenPath("/api/call-history").respond(new MockResponse.Builder().code(404).build());

        CallxException e = failure(client(server.url("/"), 5), server.url("/api/call-history"), "page 3");

        assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("Vaani Voice found nothing at /api/call-history for page 3 "
                + "(HTTP 404 Not Found). Check --base-url and any id in that path");
    }

    @Test
    void a404ForAnIdNamesOnlyThePathThatHoldsIt() {
        server.whenPath("/api/contacts/ct_1").respond(new MockResponse.Builder().code(404).build());

        CallxException e = failure(client(server.url("/"), 5), server.url("/api/contacts/ct_1"), "contact ct_1");

        assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("Vaani Voice found nothing at /api/contacts/ct_1 (HTTP 404 Not Found). "
                + "Check --base-url and any id in that path");
    }

    @Test
    void aDetailNotThereYetIsNullNotAFailure() {
        server.whenPath("/api/calls/c1/transcript").respond(new MockResponse.Builder().code(404).build());

        assertThat(client(server.url("/"), 5).getJsonIfFound(server.url("/api/calls/c1/transcript"),
                "the transcript of c1")).isNull();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aDetailThatIsThereIsItsJson() {
        server.whenPath("/api/calls/c1/transcript").respondJson("{\"text\": \"hello\"}");

        ApiClient.Reply reply = client(server.url("/"), 5).getJsonIfFound(server.url("/api/calls/c1/transcript"),
                "the transcript of c1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("text").asText()).isEqualTo("hello");
    }

    @Test
    void anErrorBodyOf200CharactersIsQuotedWhole() {
        String body = "e".repeat(200);
        server.whenPath("/api/call-history").respond(new MockResponse.Builder().code(422).body(body).build());

        CallxException e = failure(client(server.url("/"), 5), server.url("/api/call-history"), "page 1");

        assertThat(e.getMessage()).contains(": \"" + body + "\". Check the options").doesNotContain("…");
    }

    @Test
    void anErrorBodyLongerThan200CharactersIsCutThere() {
        server.whenPath("/api/call-history").respond(new MockResponse.Builder().code(422)
                .body("e".repeat(200) + "TAIL").build());

        CallxException e = failure(client(server.url("/"), 5), server.url("/api/call-history"), "page 1");

        assertThat(e.getMessage()).contains(": \"" + "e".repeat(200) + "…\". Check the options")
                .doesNotContain("TAIL");
    }

    // ---- failures below HTTP ----

    @Test
    void anUnexpectedFailureNamesItsKindAndMessageAndAdvisesRetriesAndTimeout() throws IOException {
        HttpUrl url = rawServer("HELLO WORLD\r\n\r\n", false);

        CallxException e = failure(client(url.resolve("/"), 3), url, "page 1");

        assertThat(e.exitCode()).isEqualTo(ExitCode.NETWORK);
        assertThat(e.getMessage()).as("every attempt made: only a refused connection is given up early")
                .isEqualTo("could not get page 1 from Vaani Voice at http://127.0.0.1:"
                + url.port() + " after 4 attempts; last: ProtocolException: Unexpected status line: HELLO WORLD. "
                + "Try again later, or raise --retries and --timeout; check --base-url if the address is wrong");
    }

    @Test
    void aRefusedConnectionIsTriedThreeTimesAndNamesTheOriginNothingListensAt() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpUrl url = HttpUrl.get("http://127.0.0.1:" + port + "/api/call-history");

        CallxException e = failure(client(url.resolve("/"), 5), url, "page 1");

        assertThat(e.exitCode()).isEqualTo(ExitCode.NETWORK);
        assertThat(e.getMessage()).isEqualTo("could not get page 1 from Vaani Voice at http://127.0.0.1:" + port
                + " after 3 attempts; last: connection refused. Is the URL right? Nothing is listening at "
                + "http://127.0.0.1:" + port + "; check --base-url");
        assertThat(waits).hasSize(2);
        assertThat(err.toString()).as("-v shows each failed attempt")
                .containsPattern("callx test: GET http://127\\.0\\.0\\.1:" + port + "/api/call-history -> failed: "
                        + "connection refused, \\d+ ms \\(attempt 1/6\\)");
    }

    @Test
    void anErrorBodyCutShortStillCountsAsTheStatusAndIsRetried() {
        server.whenPath("/api/call-history").respond(new MockResponse.Builder().code(503)
                        .body("{\"detail\": \"overloaded, please wait\"}")
                        .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build())
                .respondJson("{\"data\": []}");

        ApiClient.Reply reply = client(server.url("/"), 5).getJson(server.url("/api/call-history"), "page 1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(waits).hasSize(1);
        assertThat(err.toString()).contains("/api/call-history -> 503 Service Unavailable, 0 bytes, ");
    }

    @Test
    void aBodyThatStallsIsCutShortByTheTimeoutAndRetried() {
        server.whenPath("/api/call-history").always(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json").body("{\"data\": []}")
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        HttpSettings settings = new HttpSettings(Duration.ofMillis(300), 1, Duration.ofSeconds(60), false);

        CallxException e = catchThrowableOfType(CallxException.class, () -> client(server.url("/"), settings,
                Log.Level.NORMAL).getJson(server.url("/api/call-history"), "page 1"));

        assertThat(e.exitCode()).isEqualTo(ExitCode.NETWORK);
        assertThat(e.getMessage()).isEqualTo("could not get page 1 from Vaani Voice: the body was cut short "
                + "(HTTP 200): timed out after 0.3s on every attempt (2). Try again later");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aBodyCutByAConnectionResetIsRetriedAsACutBody() throws IOException {
        HttpUrl url = rawServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                + "{\"data\": [", true);

        CallxException e = failure(client(url.resolve("/"), 1), url, "page 1");

        assertThat(e.exitCode()).isEqualTo(ExitCode.NETWORK);
        assertThat(e.getMessage()).startsWith("could not get page 1 from Vaani Voice: the body was cut short "
                + "(HTTP 200)").endsWith(" on every attempt (2). Try again later");
        assertThat(waits).hasSize(1);
    }

    @Test
    void theBackoffBeforeTheFirstRetryIsAtMostHalfASecond() {
        Duration wait = client(server.url("/"), 5).backoff(1);

        assertThat(wait).isBetween(Duration.ZERO, Duration.ofMillis(500));
    }
}
