package dev.callx.cli;

import static dev.callx.testing.Api.json;
import static dev.callx.testing.Api.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC section 3: no secret is ever printed, logged, or put in an error message, even when the
 * server echoes it back; the -v request log shows requests with secrets masked.
 */
class SecretsTest {
    private static final String RAVAN_KEY = "rk-live-7f3a9c2e";
    private static final String RAVAN_TOKEN = "eyJhbGciOi.rt-secret-55d1";
    private static final String VAANI_KEY = "vk-live-1b2c3d4e";
    private static final String ZUDU_KEY = "zk-live-9e8d7c6b";
    private static final String ZUDU_SECRET = "zs-live-0a1b2c3d";
    private static final String PARAM_SECRET = "pk-live-4455aa";

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    private String base() {
        return server.baseUrl();
    }

    private static CallxRunner callx() {
        return CallxRunner.callx().env("RAVAN_API_KEY", RAVAN_KEY).env("VAANI_API_KEY", VAANI_KEY)
                .env("ZUDU_API_KEY", ZUDU_KEY).env("ZUDU_API_SECRET", ZUDU_SECRET);
    }

    private static void assertNoSecret(Result r, String... secrets) {
        for (String s : secrets) {
            assertThat(r.out()).as(r.toString()).doesNotContain(s);
            assertThat(r.err()).as(r.toString()).doesNotContain(s);
        }
    }

    /** A response that echoes what it was sent, in the body and in a header. */
    private static MockResponse echo(int code, String body, String headerValue) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("X-Echo", headerValue).body(body).build();
    }

    @Test
    void theVerboseRequestLogShowsEachRequestButNoCredential() throws Exception {
        server.enqueue(json(resource("/api/zudu-calls.json")));
        Result r = callx().run("calls", "--base-url", base(), "--page", "0", "-v");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        // SPEC section 3: no query values either (a phone number, a token)
        assertThat(r.err()).as(r.toString()).contains("GET " + base() + "api/calls?page=****&limit=****");
        assertNoSecret(r, ZUDU_KEY, ZUDU_SECRET);
        RecordedRequest req = server.takeRequest();
        assertThat(req.getHeaders().get("X-API-SECRET")).isEqualTo(ZUDU_SECRET);
    }

    @Test
    void aKeyEchoedInA401BodyAndHeaderIsNotPrinted() {
        server.enqueue(echo(401, "{\"detail\": \"invalid API key " + VAANI_KEY + "\"}", VAANI_KEY));
        Result r = callx().run("vaani", "--base-url", base(), "-v");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains("HTTP 401").contains("invalid API key ****");
        assertNoSecret(r, VAANI_KEY);
    }

    @Test
    void aKeyEchoedInA401IsNotPrintedWithoutVerboseEither() {
        server.enqueue(echo(401, "{\"message\": \"key " + RAVAN_KEY + " is revoked\"}", RAVAN_KEY));
        Result r = callx().run("sessions", "--base-url", base());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).contains("is revoked");
        assertNoSecret(r, RAVAN_KEY);
    }

    @Test
    void zuduKeyAndSecretEchoedInAnErrorAreNotPrinted() {
        server.enqueue(echo(400, "{\"status\": \"error\", \"error\": \"bad pair " + ZUDU_KEY + "/" + ZUDU_SECRET
                + "\"}", ZUDU_SECRET));
        Result r = callx().run("calls", "--base-url", base(), "-v");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).as(r.toString()).contains("bad pair ****/****");
        assertNoSecret(r, ZUDU_KEY, ZUDU_SECRET);
    }

    @Test
    void aKeyEchoedInAnHttp200FailureIsNotPrinted() {
        server.enqueue(json("{\"success\": false, \"message\": \"unknown key " + RAVAN_KEY + "\"}"));
        Result r = callx().run("contact-calls", "ct_0001", "--base-url", base(), "-v");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).as(r.toString()).contains("unknown key ****");
        assertNoSecret(r, RAVAN_KEY);
    }

    @Test
    void aKeyEchoedInABodyOfTheWrongShapeIsNotPrinted() {
        server.enqueue(json("{\"echo\": {\"X-API-Key\": \"" + VAANI_KEY + "\"}}"));
        Result r = callx().run("vaani", "--base-url", base(), "-v");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        assertNoSecret(r, VAANI_KEY);
    }

    @Test
    void aKeyEchoedInABodyThatIsNotJsonIsNotPrinted() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html>proxy saw X-API-Key: " + VAANI_KEY + "</html>").build());
        Result r = callx().run("vaani", "--base-url", base(), "-v");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        assertThat(r.err()).as(r.toString()).contains("proxy saw X-API-Key: ****");
        assertNoSecret(r, VAANI_KEY);
    }

    @Test
    void aKeyEchoedWhileRetryingIsNotLogged() {
        server.enqueue(echo(503, "{\"message\": \"overloaded, key " + VAANI_KEY + "\"}", VAANI_KEY));
        server.enqueue(echo(503, "{\"message\": \"overloaded, key " + VAANI_KEY + "\"}", VAANI_KEY));
        Result r = callx().run("vaani", "--base-url", base(), "-v", "--retries", "1");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(r.err()).as(r.toString()).contains("retrying");
        assertNoSecret(r, VAANI_KEY);
    }

    @Test
    void aBearerTokenEchoedWithoutItsSchemeIsNotPrinted() {
        server.enqueue(echo(403, "{\"message\": \"token " + RAVAN_TOKEN + " lacks scope calls:read\"}",
                RAVAN_TOKEN));
        Result r = CallxRunner.callx().env("RAVAN_TOKEN", RAVAN_TOKEN)
                .run("phone-history", "+14155550100", "--base-url", base(), "-v");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains("lacks scope calls:read").contains("RAVAN_TOKEN");
        assertNoSecret(r, RAVAN_TOKEN);
    }

    @Test
    void aSecretPassedAsParamIsSentButMaskedInTheRequestLog() throws Exception {
        server.enqueue(json(resource("/api/vaani-call-history.json")));
        Result r = callx().run("vaani", "--base-url", base(), "--page", "1", "--param", "api_key=" + PARAM_SECRET,
                "-v");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).contains("api_key=****");
        assertNoSecret(r, PARAM_SECRET, VAANI_KEY);
        RecordedRequest req = server.takeRequest();
        assertThat(req.getUrl().queryParameter("api_key")).isEqualTo(PARAM_SECRET);
    }

    @Test
    void aSecretPassedAsParamAndEchoedInAnErrorIsNotPrinted() {
        server.enqueue(echo(422, "{\"detail\": [{\"loc\": [\"query\", \"api_key\"], \"msg\": \"unknown key "
                + PARAM_SECRET + "\"}]}", PARAM_SECRET));
        Result r = callx().run("vaani", "--base-url", base(), "--param", "api_key=" + PARAM_SECRET, "-v");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).as(r.toString()).contains("query.api_key: unknown key ****");
        assertNoSecret(r, PARAM_SECRET, VAANI_KEY);
    }

    @Test
    void aNetworkFailureWithItsStackTraceShowsNoSecret() {
        // -v prints the stack trace of a failure with a cause: the connection refused on a closed port
        Result r = callx().run("vaani", "--base-url", "http://127.0.0.1:1/", "--retries", "0", "-v",
                "--param", "token=" + PARAM_SECRET);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(r.err()).as(r.toString()).contains("token=****");
        assertNoSecret(r, PARAM_SECRET, VAANI_KEY);
    }

    @Test
    void aPasswordInTheBaseUrlIsNotLogged() {
        server.enqueue(json(resource("/api/vaani-call-history.json")));
        String withPassword = base().replace("http://", "http://export:pw-live-8c7d6e@");
        Result r = callx().run("vaani", "--base-url", withPassword, "--page", "1", "-v");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).contains("GET http://****@");
        assertNoSecret(r, "export:", "pw-live-8c7d6e", VAANI_KEY);
    }

    @Test
    void quietStillShowsTheErrorLineMasked() {
        server.enqueue(echo(401, "{\"detail\": \"bad key " + VAANI_KEY + "\"}", VAANI_KEY));
        Result r = callx().run("vaani", "--base-url", base(), "-q");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).contains("HTTP 401", "bad key ****");
        assertNoSecret(r, VAANI_KEY);
    }
}
