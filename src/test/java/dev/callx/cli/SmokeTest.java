package dev.callx.cli;

import static dev.callx.testing.Api.json;
import static dev.callx.testing.Api.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmokeTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @Test
    void vaaniExportsTheDocumentedExample() {
        server.enqueue(json(Api.vaaniOnlyPage()));
        Result r = CallxRunner.callx().env("VAANI_API_KEY", "vk-secret-123").run("vaani", "--base-url",
                server.baseUrl(), "-v");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).hasSize(1);
        RecordedRequest req = server.takeRequest();
        assertThat(req.getUrl().encodedPath()).isEqualTo("/api/call-history");
        assertThat(req.getUrl().queryParameter("page")).isEqualTo("1");
        assertThat(req.getUrl().queryParameter("page_size")).isEqualTo("200");
        assertThat(req.getHeaders().get("X-API-Key")).isEqualTo("vk-secret-123");
        assertThat(server.requestCount()).isEqualTo(1);
    }
}
