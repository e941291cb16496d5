package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile or broken server and network (issue 8, items 5, 6, 9 and 10): bodies without end,
 * redirects that downgrade or loop, what is retried and how the last failure reads, proxies and a
 * private certificate authority.
 */
class HostileNetworkTest {
    private static final String PAGE = Api.vaaniOnlyPage();

    @TempDir
    Path dir;

    private static CallxRunner vaaniUser() {
        return CallxRunner.callx().env("VAANI_API_KEY", "vk-secret-1234");
    }

    private static Result vaani(CallxRunner runner, String baseUrl, String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "vaani";
        args[1] = "--base-url";
        args[2] = baseUrl;
        args[3] = "-o";
        args[4] = "jsonl";
        System.arraycopy(options, 0, args, 5, options.length);
        return runner.run(args);
    }

    // ---- item 5: unbounded responses ----

    @Test
    void aBodyLargerThanTheCapIsExit7NamingTheCap() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(Api.json("{\"data\":[{\"call_id\":\"" + "x".repeat(4000) + "\"}]}"));
            server.start();
            Result r = vaani(vaaniUser(), server.url("/").toString(), "--max-response-size", "2KB");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
            assertThat(r.err()).contains("Vaani Voice sent more than 2 KB for page 1 (HTTP 200)",
                    "--max-response-size");
            assertThat(r.out()).isEmpty();
            assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
        }
    }

    @Test
    void aGzipBombStopsAtTheCapAsItUnpacks() throws Exception {
        // 64 MB of zeros inside a JSON string, compressed to some 64 KB
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write("{\"data\":[{\"call_summary\":\"".getBytes());
            byte[] zeros = new byte[1 << 20];
            java.util.Arrays.fill(zeros, (byte) '0');
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
            gz.write("\"}]}".getBytes());
        }
        assertThat(zipped.size()).isLessThan(1 << 20);
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Encoding", "gzip")
                    .addHeader("Content-Type", "application/json").body(new Buffer().write(zipped.toByteArray()))
                    .build());
            server.start();
            Result r = vaani(vaaniUser(), server.url("/").toString(), "--max-response-size", "1MB");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
            assertThat(r.err()).contains("more than 1 MB for page 1");
        }
    }

    @Test
    void aContentLengthAboveTheCapFailsBeforeTheBodyIsRead() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(Api.json("{\"data\":[], \"pad\":\"" + "y".repeat(3000) + "\"}"));
            server.start();
            Result r = vaani(vaaniUser(), server.url("/").toString(), "--max-response-size", "1KB");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        }
    }

    /** A page of exactly {@code size} bytes: the one-record page, padded with a field callx ignores. */
    private static byte[] pageOf(int size) {
        String head = "{\"pad\":\"";
        String tail = "\"," + PAGE.substring(1);
        int pad = size - head.length() - tail.getBytes(StandardCharsets.UTF_8).length;
        byte[] page = (head + "y".repeat(pad) + tail).getBytes(StandardCharsets.UTF_8);
        assertThat(page).hasSize(size);
        return page;
    }

    /** The cap is the largest body read: a body of exactly --max-response-size passes, one byte more is exit 7, declared or not. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aBodyOfExactlyTheCapIsReadAndOneByteMoreIsNot(boolean chunked) throws Exception {
        for (int size : new int[] {2048, 2049}) {
            try (MockWebServer server = new MockWebServer()) {
                MockResponse.Builder reply = new MockResponse.Builder().code(200)
                        .addHeader("Content-Type", "application/json");
                Buffer body = new Buffer().write(pageOf(size));
                server.enqueue((chunked ? reply.chunkedBody(body, 100) : reply.body(body)).build());
                server.start();
                Result r = vaani(vaaniUser(), server.url("/").toString(), "--max-response-size", "2KB");
                if (size == 2048) {
                    assertThat(r.exitCode()).as(r.toString()).isZero();
                    assertThat(r.out().lines()).hasSize(1);
                } else {
                    assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
                    assertThat(r.err()).contains("Vaani Voice sent more than 2 KB for page 1 (HTTP 200)");
                    assertThat(r.out()).isEmpty();
                }
            }
        }
    }

    @Test
    void aCapThatIsNotASizeIsAUsageError() {
        Result r = vaani(vaaniUser(), "http://127.0.0.1:9/", "--max-response-size", "lots");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--max-response-size 'lots' is not a size");
    }

    // ---- item 6: redirects ----

    @Test
    void aRedirectFromHttpsToHttpIsRefusedNamingBothUrls() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
        HeldCertificate cert = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost")
                .build();
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        Path bundle = dir.resolve("ca.pem");
        Files.writeString(bundle, ca.certificatePem());
        try (MockWebServer plain = new MockWebServer(); MockWebServer tls = new MockWebServer()) {
            plain.enqueue(Api.json(PAGE));
            plain.start();
            tls.useHttps(serverCerts.sslSocketFactory());
            String downgrade = plain.url("/api/call-history").toString().replace("127.0.0.1", "localhost")
                    + "?page=1&token=leak-me";
            tls.enqueue(new MockResponse.Builder().code(302).addHeader("Location", downgrade).build());
            tls.start();
            String base = tls.url("/").toString().replace("127.0.0.1", "localhost");
            Result r = vaani(vaaniUser(), base, "--ca-cert", bundle.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
            assertThat(r.err()).contains("redirected page 1 from https://localhost:" + tls.getPort(),
                    "to plain http://localhost:" + plain.getPort() + "/api/call-history",
                    "refuses to follow https to http");
            assertThat(r.err()).doesNotContain("leak-me").doesNotContain("vk-secret-1234");
            assertThat(plain.getRequestCount()).as("nothing sent in clear").isZero();
        }
    }

    @Test
    void aRedirectToAnotherOriginThenA401SaysWhereItWent() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer(); MockWebServer server = new MockWebServer()) {
            elsewhere.enqueue(Api.json(401, "{\"detail\":\"who are you\"}"));
            elsewhere.start();
            server.enqueue(new MockResponse.Builder().code(307)
                    .addHeader("Location", elsewhere.url("/api/call-history?page=1&page_size=200")).build());
            server.start();
            Result r = vaani(vaaniUser(), server.url("/").toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).contains("after a redirect to http://" + elsewhere.url("/").host() + ":"
                    + elsewhere.getPort() + ", where callx sends no credentials",
                    "Check --base-url: the platform moved, or something in between redirects");
            RecordedRequest redirected = elsewhere.takeRequest(5, TimeUnit.SECONDS);
            assertThat(redirected.getHeaders().get("X-API-Key")).isNull();
        }
    }

    @Test
    void aRedirectLoopEndsAfterTwentyHopsWithExit7() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(302).addHeader("Location", request.getUrl().toString())
                            .build();
                }
            });
            server.start();
            CallxRunner runner = vaaniUser();
            Result r = vaani(runner, server.url("/").toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
            assertThat(r.err()).contains("more than 20 redirects", "redirects in a loop");
            assertThat(server.getRequestCount()).isEqualTo(21);
            assertThat(runner.waits()).isEmpty();
        }
    }

    // ---- item 9: retries ----

    @Test
    void oneTransient500IsRetried() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(Api.json(500, "{\"detail\":\"oops\"}"));
            server.enqueue(Api.json(PAGE));
            server.start();
            CallxRunner runner = vaaniUser();
            Result r = vaani(runner, server.url("/").toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(server.getRequestCount()).isEqualTo(2);
            assertThat(runner.waits()).hasSize(1);
        }
    }

    @Test
    void tlsToAPlainHttpPortIsNotRetriedAndSaysCheckHttpAgainstHttps() throws Exception {
        // a plain-http server: whatever arrives, it answers an HTTP 400 and hangs up, as web servers do
        // when a TLS handshake reaches them
        try (ServerSocket plain = new ServerSocket(0)) {
            Thread server = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (java.net.Socket s = plain.accept()) {
                        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "plain-http");
            server.setDaemon(true);
            server.start();
            CallxRunner runner = vaaniUser();
            Result r = vaani(runner, "https://127.0.0.1:" + plain.getLocalPort() + "/", "--timeout", "5s");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
            assertThat(r.err()).contains("check http:// against https://");
            assertThat(runner.waits()).as("no retry").isEmpty();
        }
    }

    @Test
    void httpsToAPlainHttpServerThatWaitsForARequestLineIsToldAtEachAttemptAndGivenUpOnSoon() throws Exception {
        // a plain-http server takes the connection and waits for a request line, which a TLS
        // ClientHello never brings: each attempt times out in the handshake (issue 10 item 2)
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            java.util.List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread server = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // never answered, never closed until the end
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-plain-http");
            server.setDaemon(true);
            server.start();
            try {
                CallxRunner runner = vaaniUser();
                Result r = vaani(runner, "https://127.0.0.1:" + silent.getLocalPort() + "/", "--timeout", "1s");
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
                assertThat(runner.waits()).as("as often as a refused connection: 3 attempts").hasSize(2);
                assertThat(r.err()).as(r.toString()).contains("retrying page 1", "(attempt 2 of ",
                        "no answer to the TLS handshake within 1s", "after 3 attempts",
                        "check http:// against https://").doesNotContain("raise --retries");
                assertThat(r.err().lines().filter(l -> l.contains("retrying")).count())
                        .as("each attempt took a second: each retry is told, whatever the wait").isEqualTo(2);
            } finally {
                for (java.net.Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aRetryAfterDateInThePastFallsBackToTheBackoff() throws Exception {
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(CallxRunner.NOW.minusSeconds(3600)
                .atOffset(ZoneOffset.UTC));
        try (MockWebServer server = new MockWebServer()) {
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", past).build());
            }
            server.enqueue(Api.json(PAGE));
            server.start();
            CallxRunner runner = vaaniUser();
            Result r = vaani(runner, server.url("/").toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(runner.waits()).hasSize(3);
            // the backoff's jitter from a seeded random: never all zero, each within its ceiling
            assertThat(runner.waits()).anySatisfy(w -> assertThat(w).isPositive());
            for (int i = 0; i < 3; i++) {
                assertThat(runner.waits().get(i)).isLessThanOrEqualTo(Duration.ofMillis(500L << i));
            }
        }
    }

    @Test
    void connectionRefusedIsRetriedAtMostTwiceAndSaysIsTheUrlRight() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CallxRunner runner = vaaniUser();
        Result r = vaani(runner, "http://127.0.0.1:" + port + "/");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(runner.waits()).hasSize(2);
        assertThat(r.err()).contains("after 3 attempts", "connection refused", "Is the URL right?");
    }

    @Test
    void aTimeoutAfterTheLastAttemptSaysRaiseTimeout() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).body(PAGE)
                    .onResponseStart(mockwebserver3.SocketEffect.Stall.INSTANCE).build());
            server.start();
            Result r = vaani(vaaniUser(), server.url("/").toString(), "--timeout", "200ms", "--retries", "0");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
            assertThat(r.err()).contains("timed out after 0.2s", "raise --timeout");
        }
    }

    @Test
    void aRetryThatWaitsMoreThanASecondSaysSoOnStderrButNotWithQuiet() throws Exception {
        for (boolean quiet : new boolean[] {false, true}) {
            try (MockWebServer server = new MockWebServer()) {
                server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "3")
                        .body("{\"detail\":\"maintenance\"}").build());
                server.enqueue(Api.json(PAGE));
                server.start();
                Result r = quiet ? vaani(vaaniUser(), server.url("/").toString(), "-q")
                        : vaani(vaaniUser(), server.url("/").toString());
                assertThat(r.exitCode()).as(r.toString()).isZero();
                String line = "callx vaani: retrying page 1 in 3s (attempt 2 of 6; HTTP 503 Service Unavailable: "
                        + "maintenance)";
                if (quiet) {
                    assertThat(r.err()).doesNotContain("retrying");
                } else {
                    assertThat(r.errLines()).contains(line);
                }
            }
        }
    }

    // ---- item 10: proxies and a private CA ----

    @Test
    void aPlainHttpProxyFromTheEnvironmentSeesTheRequests() throws Exception {
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"p\"")
                    .build());
            proxy.enqueue(Api.json(PAGE));
            proxy.start();
            CallxRunner runner = vaaniUser().env("HTTP_PROXY", "http://alice:pr0xy-pass@127.0.0.1:" + proxy.getPort());
            Result r = runner.run("vaani", "--base-url", "http://vaani.internal.example/", "--allow-http", "-o",
                    "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.outLines()).isNotEmpty();
            RecordedRequest first = proxy.takeRequest(5, TimeUnit.SECONDS);
            assertThat(first.getUrl().host()).isEqualTo("vaani.internal.example");
            RecordedRequest second = proxy.takeRequest(5, TimeUnit.SECONDS);
            assertThat(second.getHeaders().get("Proxy-Authorization"))
                    .isEqualTo(okhttp3.Credentials.basic("alice", "pr0xy-pass"));
            assertThat(r.err()).doesNotContain("pr0xy-pass");
        }
    }

    @Test
    void aProxyThatRefusesTheCredentialsIsExit3NamingTheProxyNotThePlatform() throws Exception {
        try (MockWebServer proxy = new MockWebServer()) {
            for (int i = 0; i < 3; i++) {
                proxy.enqueue(new MockResponse.Builder().code(407)
                        .addHeader("Proxy-Authenticate", "Basic realm=\"p\"").build());
            }
            proxy.start();
            CallxRunner runner = vaaniUser().env("HTTP_PROXY", "http://alice:wr0ng-pass@127.0.0.1:" + proxy.getPort());
            Result r = runner.run("vaani", "--base-url", "http://vaani.internal.example/", "--allow-http", "-o",
                    "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).as(r.toString()).contains("the proxy 127.0.0.1:" + proxy.getPort() + " (HTTP_PROXY)",
                    "refused callx's proxy credentials (HTTP 407").doesNotContain("wr0ng-pass");
            assertThat(runner.waits()).as("not retried").isEmpty();
        }
    }

    @Test
    void aProxyThatIsNotThereIsNamedInTheAdvice() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CallxRunner runner = vaaniUser().env("HTTP_PROXY", "http://127.0.0.1:" + port);
        Result r = runner.run("vaani", "--base-url", "http://vaani.internal.example/", "--allow-http", "-o", "jsonl");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(r.err()).as(r.toString()).contains("Is the proxy 127.0.0.1:" + port + " (HTTP_PROXY) running?")
                .doesNotContain("check --base-url");
    }

    @Test
    void aRedirectFromLoopbackToAnotherHostInPlainHttpIsRefused() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(302)
                    .addHeader("Location", "http://calls.elsewhere.example/api/call-history?page=1").build());
            server.start();
            Result r = vaani(vaaniUser(), server.url("/").toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
            assertThat(r.err()).as(r.toString()).contains("redirected to http://calls.elsewhere.example in plain "
                    + "http, which callx refuses outside loopback", "--allow-http");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void noProxyNamesHostsThatGoDirect() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(Api.json(PAGE));
            server.start();
            // a proxy that is not there: were it used, the export would fail
            CallxRunner byName = vaaniUser().env("http_proxy", "http://127.0.0.1:9")
                    .env("NO_PROXY", "example.com, .localhost");
            Result r = vaani(byName, server.url("/").toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();

            server.enqueue(Api.json(PAGE));
            CallxRunner byRange = vaaniUser().env("HTTP_PROXY", "http://127.0.0.1:9").env("no_proxy", "127.0.0.0/8");
            Result r2 = vaani(byRange, "http://127.0.0.1:" + server.getPort() + "/");
            assertThat(r2.exitCode()).as(r2.toString()).isZero();
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void aProxyUrlOfAnotherSchemeIsAUsageErrorThatHidesItsPassword() {
        CallxRunner runner = vaaniUser().env("HTTPS_PROXY", "socks5://bob:s3cret-word@proxy:1080");
        Result r = vaani(runner, "https://api.vaanivoice.ai/");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("HTTPS_PROXY is not an http:// proxy URL").doesNotContain("s3cret-word");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:pw1234567@h:99999", "http://a:pw1234567@h:99999", "a:pw1234567@/x",
            "http://a:pw1234567@h:99999/x@y"})
    void aProxySettingThatCannotBeUsedNeverShowsItsPassword(String value) {
        for (String variable : java.util.List.of("HTTPS_PROXY", "HTTP_PROXY", "https_proxy")) {
            Result r = vaani(vaaniUser().env(variable, value), "https://api.vaanivoice.ai/");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(r.toString()).contains(variable).doesNotContain("pw12");
        }
    }

    @Test
    void aServerOfAPrivateCaIsTrustedWithCaCertAndRefusedWithout() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
        HeldCertificate cert = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost")
                .build();
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        Path bundle = dir.resolve("private-ca.pem");
        Files.writeString(bundle, ca.certificatePem());
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(serverCerts.sslSocketFactory());
            server.enqueue(Api.json(PAGE));
            server.enqueue(Api.json(PAGE));
            server.start();
            String base = server.url("/").toString().replace("127.0.0.1", "localhost");

            CallxRunner without = vaaniUser();
            Result refused = vaani(without, base);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(6);
            assertThat(refused.err()).contains("--ca-cert");
            assertThat(without.waits()).as("a certificate failure is not retried").isEmpty();

            Result trusted = vaani(vaaniUser(), base, "--ca-cert", bundle.toString());
            assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
            assertThat(trusted.outLines()).isNotEmpty();

            Result viaEnv = vaani(vaaniUser().env("SSL_CERT_FILE", bundle.toString()), base);
            assertThat(viaEnv.exitCode()).as(viaEnv.toString()).isZero();
        }
    }

    @Test
    void aCaCertThatIsNotABundleIsAUsageError() throws IOException {
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "not a certificate");
        Result r = vaani(vaaniUser(), "https://api.vaanivoice.ai/", "--ca-cert", junk.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--ca-cert " + junk);
        Result missing = vaani(vaaniUser(), "https://api.vaanivoice.ai/", "--ca-cert", dir.resolve("no.pem")
                .toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot be read");
    }

    @Test
    void sslCertFileIsReadOnlyForTls() throws Exception {
        // many machines set SSL_CERT_FILE for every program: a plain-http run neither reads nor needs it
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "not a certificate");
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(Api.json(PAGE));
            server.start();
            Result plain = vaani(vaaniUser().env("SSL_CERT_FILE", junk.toString()), server.url("/").toString());
            assertThat(plain.exitCode()).as(plain.toString()).isZero();
        }
        Result tls = vaani(vaaniUser().env("SSL_CERT_FILE", junk.toString()), "https://api.vaanivoice.ai/");
        assertThat(tls.exitCode()).as(tls.toString()).isEqualTo(2);
        assertThat(tls.err()).contains("SSL_CERT_FILE " + junk);
    }
}
