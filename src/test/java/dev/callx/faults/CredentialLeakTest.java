package dev.callx.faults;

import static dev.callx.testing.Api.json;
import static dev.callx.testing.Api.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Credentials go to the configured scheme, host and port only. */
class CredentialLeakTest {
    private static final String VAANI_PAGE = Api.vaaniOnlyPage();
    private static final String ZUDU_PAGE = Api.zuduOnlyPage();

    /** The origin callx is configured with. */
    @RegisterExtension
    final PlatformServer configured = new PlatformServer();

    /** Another origin, on another port of the same host. */
    @RegisterExtension
    final PlatformServer other = new PlatformServer();

    private static MockResponse redirectTo(String location) {
        return new MockResponse.Builder().code(302).addHeader("Location", location).build();
    }

    @Test
    void redirectToAnotherPortLosesEveryCredentialHeader() {
        other.enqueue(json(ZUDU_PAGE));
        configured.enqueue(redirectTo(other.url("/api/calls?page=0&limit=100").toString()));

        Result r = CallxRunner.callx().env("ZUDU_API_KEY", "zk-live-123").env("ZUDU_API_SECRET", "zs-live-456")
                .run("calls", "--base-url", configured.baseUrl());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(configured.takeRequest().getHeaders().get("X-API-KEY")).isEqualTo("zk-live-123");
        Headers leaked = other.takeRequest().getHeaders();
        assertThat(leaked.get("X-API-KEY")).isNull();
        assertThat(leaked.get("X-API-SECRET")).isNull();
        assertThat(leaked.toString()).doesNotContain("zk-live-123", "zs-live-456");
    }

    @Test
    void redirectToAnotherHostLosesTheApiKeyAndTheBearerToken() {
        other.enqueue(json(VAANI_PAGE));
        // 127.0.0.1 and localhost are different hosts to a browser and to callx
        configured.enqueue(redirectTo("http://127.0.0.1:" + other.port() + "/api/call-history"));

        Result r = CallxRunner.callx().env("VAANI_API_KEY", "vk-live-789")
                .run("vaani", "--base-url", configured.baseUrl());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest followed = other.takeRequest();
        assertThat(followed.getHeaders().get("X-API-Key")).isNull();
        assertThat(followed.getHeaders().toString()).doesNotContain("vk-live-789");
    }

    @Test
    void redirectWithinTheConfiguredOriginKeepsTheCredential() {
        configured.enqueue(redirectTo("/v2/api/call-history?page=1&page_size=200"));
        configured.enqueue(json(VAANI_PAGE));

        Result r = CallxRunner.callx().env("VAANI_API_KEY", "vk-live-789")
                .run("vaani", "--base-url", configured.baseUrl());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        configured.takeRequest();
        assertThat(configured.takeRequest().getHeaders().get("X-API-Key")).isEqualTo("vk-live-789");
    }

    @Test
    void plainHttpToARemoteHostIsRefusedBeforeAnyRequest() {
        Result r = CallxRunner.callx().env("VAANI_API_KEY", "vk-live-789")
                .run("vaani", "--base-url", "http://api.vaanivoice.ai");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--allow-http").doesNotContain("vk-live-789");
    }

    @Test
    void plainHttpToLoopbackIsAllowed() {
        configured.enqueue(json(VAANI_PAGE));
        Result r = CallxRunner.callx().env("VAANI_API_KEY", "k")
                .run("vaani", "--base-url", "http://127.0.0.1:" + configured.port());
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }
}
