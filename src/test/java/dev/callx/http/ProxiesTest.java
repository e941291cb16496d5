package dev.callx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The proxy environment read as curl reads it (curl's manual: ENVIRONMENT, --noproxy), without a network. */
class ProxiesTest {
    private static final HttpUrl HTTPS = HttpUrl.get("https://api.ravan.ai/v1/calls");
    private static final HttpUrl HTTP = HttpUrl.get("http://api.ravan.ai/v1/calls");

    private static HttpUrl via(Proxies p, String url) {
        return p.proxyFor(HttpUrl.get(url));
    }

    @Test
    void eachSchemeHasItsOwnVariableAndAllProxyFillsTheOneThatIsUnset() {
        Proxies p = Proxies.fromEnv(Map.of("HTTPS_PROXY", "http://secure:3128", "ALL_PROXY", "http://all:8080"));
        assertThat(p.proxyFor(HTTPS)).isEqualTo(HttpUrl.get("http://secure:3128/"));
        assertThat(p.proxyFor(HTTP)).isEqualTo(HttpUrl.get("http://all:8080/"));
        assertThat(p.any()).isTrue();

        Proxies only = Proxies.fromEnv(Map.of("http_proxy", "http://plain:3128"));
        assertThat(only.proxyFor(HTTP)).isEqualTo(HttpUrl.get("http://plain:3128/"));
        assertThat(only.proxyFor(HTTPS)).isNull();
        assertThat(only.any()).isTrue();

        Proxies none = Proxies.fromEnv(Map.of("HTTP_PROXY", "  ", "NO_PROXY", "*"));
        assertThat(none.any()).isFalse();
        assertThat(none.proxyFor(HTTP)).isNull();
        assertThat(Proxies.NONE.any()).isFalse();
    }

    @Test
    void theLowerCaseNameWinsWhenBothAreSet() {
        Proxies p = Proxies.fromEnv(Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2",
                "all_proxy", "http://all-lower:3", "ALL_PROXY", "http://all-upper:4"));
        assertThat(p.proxyFor(HTTPS).host()).isEqualTo("lower");
        assertThat(p.proxyFor(HTTP).host()).isEqualTo("all-lower");
        Proxies upper = Proxies.fromEnv(Map.of("ALL_PROXY", "http://all-upper:4"));
        assertThat(upper.proxyFor(HTTP).host()).isEqualTo("all-upper");
        assertThat(upper.proxyFor(HTTPS).host()).isEqualTo("all-upper");
    }

    @Test
    void withoutASchemeAProxyIsHttpAndWithoutAPortItIs1080() {
        assertThat(via(Proxies.fromEnv(Map.of("https_proxy", "proxy.corp")), "https://x.io/"))
                .isEqualTo(HttpUrl.get("http://proxy.corp:1080/"));
        assertThat(via(Proxies.fromEnv(Map.of("https_proxy", "http://proxy.corp")), "https://x.io/").port())
                .isEqualTo(1080);
        assertThat(via(Proxies.fromEnv(Map.of("https_proxy", "u:p@proxy.corp/")), "https://x.io/").port())
                .isEqualTo(1080);
        assertThat(via(Proxies.fromEnv(Map.of("https_proxy", "proxy.corp:80")), "https://x.io/").port())
                .isEqualTo(80);
    }

    @Test
    void aProxyOfAnotherSchemeIsAUsageErrorNamingTheVariableWithoutItsPassword() {
        assertThatThrownBy(() -> Proxies.fromEnv(Map.of("HTTPS_PROXY", "socks5://bob:hunter2@socks.corp:1080")))
                .isInstanceOfSatisfying(CallxException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("HTTPS_PROXY is not an http:// proxy URL")
                .hasMessageContaining("it starts 'socks5://****@socks.corp...'")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> Proxies.fromEnv(Map.of("all_proxy", "https://p:1")))
                .hasMessageContaining("all_proxy is not an http:// proxy URL")
                .hasMessageContaining("it starts 'https://p:1'");
        assertThatThrownBy(() -> Proxies.fromEnv(Map.of("http_proxy", "http://")))
                .hasMessageContaining("http_proxy is not");
        // the https side set, all_proxy's value for http: the error names the variable it came from
        assertThatThrownBy(() -> Proxies.fromEnv(Map.of("HTTPS_PROXY", "http://ok:1", "ALL_PROXY", "ftp://x")))
                .hasMessageContaining("ALL_PROXY is not");
        assertThatThrownBy(() -> Proxies.fromEnv(Map.of("HTTPS_PROXY", "http://ok:1", "all_proxy", "ftp://x")))
                .hasMessageContaining("all_proxy is not");
        // up to 24 characters are quoted whole
        assertThatThrownBy(() -> Proxies.fromEnv(Map.of("https_proxy", "https://abcdefghijk:1234")))
                .hasMessageContaining("it starts 'https://abcdefghijk:1234'");
        assertThatThrownBy(() -> Proxies.fromEnv(Map.of("https_proxy", "https://abcdefghijkl:1234")))
                .hasMessageContaining("it starts 'https://abcdefghijkl:123...'");
    }

    @Test
    void userinfoIsMaskedWithOrWithoutAScheme() {
        assertThat(Proxies.withoutUserinfo("http://bob:pw@proxy:3128")).isEqualTo("http://****@proxy:3128");
        assertThat(Proxies.withoutUserinfo("bob:pw@proxy:3128")).isEqualTo("****@proxy:3128");
        assertThat(Proxies.withoutUserinfo("http://proxy:3128/a@b")).isEqualTo("http://proxy:3128/a@b");
        assertThat(Proxies.withoutUserinfo("http://b@c:pw@proxy/x@y")).isEqualTo("http://****@proxy/x@y");
        assertThat(Proxies.withoutUserinfo("@proxy")).isEqualTo("****@proxy");
        assertThat(Proxies.withoutUserinfo("http://@proxy")).isEqualTo("http://****@proxy");
        assertThat(Proxies.withoutUserinfo("proxy")).isEqualTo("proxy");
        assertThat(Proxies.withoutUserinfo("http://proxy")).isEqualTo("http://proxy");
        assertThat(Proxies.withoutUserinfo("a/@b")).isEqualTo("a/@b");
        assertThat(Proxies.withoutUserinfo("/u@h")).isEqualTo("/u@h");
        assertThat(Proxies.withoutUserinfo("://u:p@h")).isEqualTo("://****@h");
    }

    @Test
    void theSecretsAreThePasswordRawEncodedAndAsTheBasicToken() {
        Proxies p = Proxies.fromEnv(Map.of("https_proxy", "http://bob:p%40ss@proxy:3128", "http_proxy", "http://proxy:3128"));
        // "bob:p@ss" in base64
        assertThat(p.secrets()).containsExactly("p@ss", "p%40ss", "Ym9iOnBAc3M=");
        assertThat(Proxies.fromEnv(Map.of("http_proxy", "http://bob:pw@proxy:1")).secrets())
                .containsExactly("pw", "pw", "Ym9iOnB3");
        assertThat(Proxies.fromEnv(Map.of("http_proxy", "http://bob@proxy:1")).secrets()).isEmpty();
    }

    @Test
    void noProxyNamesMatchThemselvesAndTheirSubdomainsInAnyCase() {
        Proxies p = Proxies.fromEnv(Map.of("https_proxy", "http://proxy:3128",
                "NO_PROXY", " Example.COM , .internal.corp,,localhost "));
        assertThat(via(p, "https://example.com/")).isNull();
        assertThat(via(p, "https://API.example.com/")).isNull();
        assertThat(via(p, "https://x.internal.corp/")).isNull();
        assertThat(via(p, "https://internal.corp/")).isNull();
        assertThat(via(p, "https://localhost/")).isNull();
        assertThat(via(p, "https://notexample.com/")).isNotNull();
        assertThat(via(p, "https://example.com.evil.io/")).isNotNull();
        assertThat(via(p, "https://corp/")).isNotNull();
        assertThat(via(Proxies.fromEnv(Map.of("https_proxy", "http://proxy:3128", "no_proxy", "*")),
                "https://anything.io/")).isNull();
        assertThat(via(Proxies.fromEnv(Map.of("https_proxy", "http://proxy:3128", "no_proxy", "a.io",
                "NO_PROXY", "b.io")), "https://b.io/")).isNotNull();
    }

    @Test
    void noProxyAddressesAndCidrRangesMatchLiteralIpv4Hosts() {
        Proxies p = Proxies.fromEnv(Map.of("https_proxy", "http://proxy:3128",
                "no_proxy", "10.0.0.0/8,192.168.1.0/24,172.16.5.4/32,127.0.0.1,8.8.8.8/33,1.2.3.4/x,a.b.c.d/8"));
        assertThat(via(p, "https://10.255.1.2/")).isNull();
        assertThat(via(p, "https://10.0.0.0/")).isNull();
        assertThat(via(p, "https://11.0.0.1/")).isNotNull();
        assertThat(via(p, "https://9.255.255.255/")).isNotNull();
        assertThat(via(p, "https://192.168.1.255/")).isNull();
        assertThat(via(p, "https://192.168.2.1/")).isNotNull();
        assertThat(via(p, "https://172.16.5.4/")).isNull();
        assertThat(via(p, "https://172.16.5.5/")).isNotNull();
        assertThat(via(p, "https://127.0.0.1/")).isNull();
        assertThat(via(p, "https://8.8.8.8/")).isNotNull(); // /33 is no range
        assertThat(via(p, "https://1.2.3.4/")).isNotNull();
        assertThat(via(p, "https://ten.example/")).isNotNull();
        Proxies all = Proxies.fromEnv(Map.of("https_proxy", "http://proxy:3128", "no_proxy", "0.0.0.0/0"));
        assertThat(via(all, "https://203.0.113.9/")).isNull();
        assertThat(via(all, "https://example.com/")).isNotNull();
        Proxies high = Proxies.fromEnv(Map.of("https_proxy", "http://proxy:3128", "no_proxy", "200.100.0.0/16"));
        assertThat(via(high, "https://200.100.250.1/")).isNull();
        assertThat(via(high, "https://200.101.0.1/")).isNotNull();
        assertThat(via(high, "https://100.100.0.1/")).isNotNull();
    }
}
