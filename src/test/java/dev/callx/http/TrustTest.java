package dev.callx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --ca-cert / SSL_CERT_FILE: the JDK's authorities plus the bundle's, never fewer; a bad file is a usage error. */
class TrustTest {
    @TempDir
    Path dir;

    private static List<X509Certificate> jdkAuthorities() throws Exception {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init((KeyStore) null);
        return List.of(((X509TrustManager) f.getTrustManagers()[0]).getAcceptedIssuers());
    }

    @Test
    void theBundlesAuthoritiesAreAddedToTheJdks() throws Exception {
        HeldCertificate first = new HeldCertificate.Builder().commonName("Private CA one").certificateAuthority(0).build();
        HeldCertificate second = new HeldCertificate.Builder().commonName("Private CA two").certificateAuthority(0).build();
        Path bundle = Files.writeString(dir.resolve("ca.pem"),
                first.certificatePem() + second.certificatePem());
        Trust trust = Trust.withBundle(bundle, "--ca-cert");
        List<X509Certificate> jdk = jdkAuthorities();
        assertThat(jdk).isNotEmpty();
        assertThat(trust.manager().getAcceptedIssuers())
                .hasSize(jdk.size() + 2)
                .contains(first.certificate(), second.certificate())
                .containsAll(jdk);
        assertThat(trust.sockets()).isNotNull();
    }

    @Test
    void aFileThatCannotBeReadIsAUsageErrorNamingIt() {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> Trust.withBundle(missing, "SSL_CERT_FILE"))
                .isInstanceOfSatisfying(CallxException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith("SSL_CERT_FILE " + missing + " cannot be read");
    }

    @Test
    void aFileWithoutACertificateIsAUsageErrorNamingIt() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> Trust.withBundle(empty, "--ca-cert"))
                .isInstanceOfSatisfying(CallxException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessage("--ca-cert " + empty + " holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)");
        Path broken = Files.writeString(dir.resolve("broken.pem"),
                "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> Trust.withBundle(broken, "--ca-cert"))
                .isInstanceOfSatisfying(CallxException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith("--ca-cert " + broken + " is not a PEM certificate bundle");
    }
}
