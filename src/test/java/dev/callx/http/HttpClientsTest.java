package dev.callx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.internal.tls.OkHostnameVerifier;
import org.junit.jupiter.api.Test;

class HttpClientsTest {
    private static final HttpSettings SETTINGS = new HttpSettings(Duration.ofSeconds(5), 0, Duration.ofSeconds(5),
            false);

    private static OkHttpClient client(String baseUrl) {
        Target target = new Target("Vaani Voice", HttpUrl.get(baseUrl), Map.of("X-Api-Key", "k"), "VAANI_API_KEY",
                null);
        return HttpClients.create(target, SETTINGS, 1);
    }

    private static Set<String> subjects(X509Certificate[] certificates) {
        return Arrays.stream(certificates).map(c -> c.getSubjectX500Principal().getName()).collect(Collectors.toSet());
    }

    @Test
    void anHttpsBaseUrlGetsTheJdksTrustStoreAndOkHttpsTlsSettings() throws Exception {
        OkHttpClient client = client("https://api.vaani.example/");

        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        X509TrustManager jdkDefault = (X509TrustManager) jdk.getTrustManagers()[0];
        assertThat(jdkDefault.getAcceptedIssuers()).isNotEmpty();
        assertThat(subjects(client.x509TrustManager().getAcceptedIssuers()))
                .isEqualTo(subjects(jdkDefault.getAcceptedIssuers()));
        assertThat(client.hostnameVerifier()).isSameAs(OkHostnameVerifier.INSTANCE);
        assertThat(client.connectionSpecs()).isEqualTo(new OkHttpClient().connectionSpecs())
                .contains(ConnectionSpec.MODERN_TLS);
        // a redirect from https to plain http comes back to callx, which refuses it with a message naming
        // both addresses (issue 8.6; HostileNetworkTest); http to https is never a downgrade
        assertThat(client.followSslRedirects()).isFalse();
    }

    @Test
    void anHttpBaseUrlGetsACleartextClientWithNoTls() {
        OkHttpClient client = client("http://127.0.0.1:8080/");

        assertThat(client.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
        assertThat(client.x509TrustManager()).isNull();
        assertThatThrownBy(client::sslSocketFactory).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCleartextClientSendsNothingForAnHttpsUrl() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            OkHttpClient client = client(server.url("/").toString());
            HttpUrl https = server.url("/api/call-history").newBuilder().scheme("https").build();

            assertThatThrownBy(() -> client.newCall(new Request.Builder().url(https).build()).execute())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("https://");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void aRedirectFromHttpToHttpsEndsAsTheRedirect() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(302)
                    .setHeader("Location", "https://127.0.0.1:" + server.getPort() + "/api/call-history").build());
            OkHttpClient client = client(server.url("/").toString());

            try (Response response = client.newCall(new Request.Builder().url(server.url("/api/call-history"))
                    .build()).execute()) {
                assertThat(response.code()).isEqualTo(302);
                assertThat(response.header("Location")).startsWith("https://");
            }
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aRedirectWithinHttpIsFollowed() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/v2/call-history").build());
            server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
            OkHttpClient client = client(server.url("/").toString());

            try (Response response = client.newCall(new Request.Builder().url(server.url("/api/call-history"))
                    .build()).execute()) {
                assertThat(response.code()).isEqualTo(200);
            }
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }
}
