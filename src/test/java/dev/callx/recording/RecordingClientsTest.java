package dev.callx.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callx.error.CallxException;
import dev.callx.http.ApiClient;
import dev.callx.http.HttpSettings;
import dev.callx.http.Target;
import dev.callx.log.Log;
import dev.callx.log.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Who gets credentials: the platform's own origin only; a pre-signed URL elsewhere none, and https only. */
class RecordingClientsTest {
    private static final HttpUrl BASE = HttpUrl.get("https://api.vaanivoice.ai/");

    private final List<Target> made = new ArrayList<>();

    private static ApiClient client(Target target) {
        Log log = new Log(new PrintWriter(new StringWriter()), Log.Level.NORMAL, new Secrets(), "test");
        return new ApiClient(target, HttpSettings.defaults(), log, d -> { }, new Random(1), Clock.systemUTC());
    }

    private final ApiClient platform = client(new Target("Vaani Voice", BASE, Map.of("X-API-Key", "vk-secret"),
            "VAANI_API_KEY", null));

    private RecordingClients clients() {
        return new RecordingClients(platform, BASE, "Vaani Voice", t -> {
            made.add(t);
            return client(t);
        });
    }

    @Test
    void theStreamEndpointOnThePlatformsOriginGetsThePlatformClient() {
        // api-docs/vaani-stream.txt: recording_api holds https://api.vaanivoice.ai/api/stream/{call_id}
        HttpUrl stream = HttpUrl.get("https://api.vaanivoice.ai/api/stream/outbound-1776774443-863aa698");
        assertThat(clients().forUrl(stream, "r")).isSameAs(platform);
        assertThat(clients().credentialed(stream)).isTrue();
        assertThat(made).isEmpty();
    }

    @Test
    void aPresignedUrlElsewhereGetsAClientWithoutAnyCredential() {
        RecordingClients c = clients();
        HttpUrl presigned = HttpUrl.get("https://storage.azure.com/recordings/call-456.mp4?sig=abc&se=2026");
        ApiClient storage = c.forUrl(presigned, "r");
        assertThat(storage).isNotSameAs(platform);
        assertThat(c.credentialed(presigned)).isFalse();
        assertThat(made).hasSize(1);
        assertThat(made.get(0).authHeaders()).isEmpty();
        assertThat(made.get(0).baseUrl()).isEqualTo(HttpUrl.get("https://storage.azure.com/"));
        // one client per origin, made once
        assertThat(c.forUrl(HttpUrl.get("https://storage.azure.com/recordings/other.mp4?sig=x"), "r")).isSameAs(storage);
        assertThat(made).hasSize(1);
    }

    @Test
    void anotherPortOrSchemeOfTheSameHostIsAnotherOrigin() {
        RecordingClients c = clients();
        assertThat(c.credentialed(HttpUrl.get("https://api.vaanivoice.ai:8443/api/stream/x"))).isFalse();
        assertThat(c.credentialed(HttpUrl.get("http://api.vaanivoice.ai/api/stream/x"))).isFalse();
        assertThat(c.credentialed(HttpUrl.get("https://cdn.vaanivoice.ai/api/stream/x"))).isFalse();
    }

    @Test
    void plainHttpToAHostThatIsNotLoopbackIsRefused() {
        RecordingClients c = clients();
        assertThatThrownBy(() -> c.forUrl(HttpUrl.get("http://storage.example.com/rec/a.ogg?sig=1"),
                "the recording of call a"))
                .isInstanceOf(CallxException.class)
                .hasMessageContaining("the recording of call a was not fetched")
                .hasMessageContaining("plain http:// to storage.example.com")
                .hasMessageNotContaining("sig=1");
        assertThat(made).isEmpty();
    }

    @Test
    void plainHttpToLoopbackIsAllowedWithoutCredentials() {
        RecordingClients c = clients();
        c.forUrl(HttpUrl.get("http://127.0.0.1:9000/recordings/zudu/a.mp4?signature=x"), "r");
        c.forUrl(HttpUrl.get("http://localhost:9001/recordings/zudu/a.mp4"), "r");
        c.forUrl(HttpUrl.get("http://[::1]:9002/recordings/zudu/a.mp4"), "r");
        assertThat(made).hasSize(3).allSatisfy(t -> assertThat(t.authHeaders()).isEmpty());
    }
}
