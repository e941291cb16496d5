package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 4: a server that echoes a key back in another form than it was sent, and URLs
 * that carry a password or a token, print nothing secret (SPEC section 3), -q included.
 */
class HostileSecretsTest {
    /** A key with the characters that encoders change: / and +. */
    private static final String KEY = "vk-live/9f8e+7d6c";
    /** Every form of {@link #KEY} a server might echo. */
    private static final List<String> KEY_FORMS = List.of(KEY, "vk-live\\/9f8e+7d6c", "vk-live\\u002f9f8e\\u002b7d6c",
            "vk-live%2F9f8e%2B7d6c", "vk-live%2f9f8e%2b7d6c", "9f8e", "7d6c");

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String base() {
        return server.url("/").toString();
    }

    private static CallxRunner callx() {
        return CallxRunner.callx().env("VAANI_API_KEY", KEY);
    }

    private static void assertNoKey(Result r) {
        for (String form : KEY_FORMS) {
            assertThat(r.err()).as(r.toString()).doesNotContain(form);
            assertThat(r.out()).as(r.toString()).doesNotContain(form);
        }
    }

    @Test
    void aKeyEchoedJsonEscapedAsPhpDoesIsMaskedWithQuiet() {
        // a field callx does not read: the error line quotes the body as received
        server.enqueue(Api.json(401, "{\"errors\": {\"auth\": \"unknown key vk-live\\/9f8e+7d6c\"}}"));
        Result r = callx().run("vaani", "--base-url", base(), "-q");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).contains("unknown key ****\"");
        assertNoKey(r);
    }

    @Test
    void zudusKeyAndSecretEchoedAsTheBase64OfTheirPairAreMasked() {
        String pair = java.util.Base64.getEncoder().encodeToString("zk-live-1234:zs-secret-5678"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        server.enqueue(Api.json(401, "{\"detail\": \"bad credentials Basic " + pair + "\"}"));
        Result r = CallxRunner.callx().env("ZUDU_API_KEY", "zk-live-1234").env("ZUDU_API_SECRET", "zs-secret-5678")
                .run("calls", "--base-url", base(), "-q");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains("bad credentials Basic ****").doesNotContain(pair)
                .doesNotContain(pair.substring(0, 20));
    }

    @Test
    void aKeyEchoedWithUnicodeEscapesIsMasked() {
        server.enqueue(Api.json(403, "{\"errors\": [\"key vk-live\\u002f9f8e\\u002B7d6c revoked\"]}"));
        Result r = callx().run("vaani", "--base-url", base());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains("key **** revoked");
        assertNoKey(r);
    }

    @Test
    void aKeyEchoedUrlEncodedInAPageThatIsNotJsonIsMasked() {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "text/html")
                .body("<p>no route for /api/call-history;key=vk-live%2F9f8e%2B7d6c</p>").build());
        Result r = callx().run("vaani", "--base-url", base(), "-q");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).as(r.toString()).contains("key=****</p>");
        assertNoKey(r);
    }

    @Test
    void aKeyEchoedInABodyOfTheWrongShapeIsMaskedInEveryForm() {
        server.enqueue(Api.json("{\"you_sent\": \"vk-live\\/9f8e+7d6c\", \"as\": \"vk-live%2f9f8e%2b7d6c\"}"));
        Result r = callx().run("vaani", "--base-url", base(), "-v");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        assertNoKey(r);
    }

    @Test
    void aBaseUrlWithAPasswordAndAQueryIsNotPrintedWhole() {
        Result r = callx().run("vaani", "--base-url", "http://u:pw-live-5e6f@h.example/?token=T0k3n-live-77");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).containsExactly("callx vaani: --base-url must not carry a query "
                + "or fragment: 'http://****@h.example/?token=****' (see 'callx vaani --help')");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aBaseUrlFromTheEnvironmentWithAFragmentIsNotPrintedWhole() {
        Result r = callx().env("VAANI_BASE_URL", "https://h.example/#access_token=T0k3n-live-77").run("vaani");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains("VAANI_BASE_URL must not carry a query or fragment: "
                + "'https://h.example/#****'").doesNotContain("T0k3n");
    }

    @Test
    void aBaseUrlThatIsNotHttpShowsNoPassword() {
        Result r = callx().run("vaani", "--base-url", "ftp://export:pw-live-5e6f@h.example/x");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).containsExactly("callx vaani: --base-url is not an http(s) URL: "
                + "'ftp://****@h.example/x' (see 'callx vaani --help')");
    }

    @Test
    void aBaseUrlWithoutASchemeShowsNoPassword() {
        Result r = callx().run("vaani", "--base-url", "export:pw-live-5e6f@h.example/?t=1");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains("'****@h.example/?t=****'").doesNotContain("pw-live");
    }

    @Test
    void theRequestLogShowsNoUserinfoAndNoQueryValues() throws Exception {
        server.enqueue(Api.json(Api.resource("/api/ravan-phone-history.json")));
        String withPassword = base().replace("http://", "http://export:pw-live-5e6f@");
        Result r = CallxRunner.callx().env("RAVAN_API_KEY", "rk-live-0001")
                .run("phone-history", "+14155550123", "--base-url", withPassword, "--page", "1", "-v");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).contains("GET http://****@" + server.getHostName() + ":" + server.getPort()
                + "/api/v1/calling/phone-history?phone=****&page=****&page_size=****")
                .doesNotContain("pw-live").doesNotContain("export:").doesNotContain("14155550123");
    }

    @Test
    void aUrlInAServerMessageShowsNoQueryValues() {
        server.enqueue(Api.json(400, "{\"detail\": \"see https://status.example/err?session=s3ss-live-42&code=9\"}"));
        Result r = callx().run("vaani", "--base-url", base());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).as(r.toString()).contains("see https://status.example/err?session=****&code=****")
                .doesNotContain("s3ss-live-42");
    }

    @Test
    void aUrlInAnArgumentPicocliRejectsShowsNoPasswordAndNoQueryValues() {
        // the option's name forgotten: picocli quotes the argument it cannot place
        Result r = callx().run("vaani", "http://u:pw-live-5e6f@h.example/?token=T0k3n-live-77");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).contains("'http://****@h.example/?token=****'")
                .doesNotContain("pw-live").doesNotContain("T0k3n");
    }
}
