package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** -v logs every request: method, URL without query values (SPEC section 3), status, duration, attempt number. */
class VerboseLogTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @Test
    void everyRequestIsLoggedWithItsAttempt() {
        String page = Api.vaaniOnlyPage();
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        server.enqueue(new MockResponse.Builder().code(200).body(page).build());
        Result r = CallxRunner.callx().env("VAANI_API_KEY", "vk-secret-key").run("vaani", "--base-url",
                server.baseUrl(), "-v", "--param", "access_token=tok-secret-value");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> requests = r.errLines().stream().filter(l -> l.contains(" GET ")).toList();
        assertThat(requests).as(r.toString()).hasSize(2);
        String url = server.url("/api/call-history").toString();
        assertThat(requests.get(0)).as(r.toString()).matches("callx vaani: GET " + url.replace("?", "\\?")
                + "\\?page=\\*\\*\\*\\*&page_size=\\*\\*\\*\\*&access_token=\\*\\*\\*\\* "
                + "-> 503 Service Unavailable, 4 bytes, "
                + "\\d+ ms \\(attempt 1/6\\)");
        assertThat(requests.get(1)).as(r.toString()).contains("-> 200 OK", "(attempt 2/6)");
        assertThat(r.err()).doesNotContain("vk-secret-key", "tok-secret-value");
    }
}
