package dev.callx.http;

import dev.callx.error.CallxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities a run trusts: the JDK's, plus those of a PEM bundle (--ca-cert, or
 * SSL_CERT_FILE), for a self-hosted platform behind a private CA. Nothing is ever trusted
 * without a certificate chain to one of them: there is no trust-all.
 *
 * @param manager the trust manager
 * @param sockets an SSL socket factory that uses it
 */
public record Trust(X509TrustManager manager, SSLSocketFactory sockets) {
    /**
     * The JDK's authorities plus the bundle's. A file that cannot be read, or holds no
     * certificate, is a usage error naming it.
     *
     * @param source how the user named the file, for messages ("--ca-cert", "SSL_CERT_FILE")
     */
    public static Trust withBundle(Path bundle, String source) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(bundle)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw CallxException.usage(source + " " + bundle + " cannot be read: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw CallxException.usage(source + " " + bundle + " is not a PEM certificate bundle: "
                    + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw CallxException.usage(source + " " + bundle + " holds no certificate (expected PEM: "
                    + "-----BEGIN CERTIFICATE-----)");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : defaultManager().getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + n++, ca);
            }
            for (Certificate c : certificates) {
                store.setCertificateEntry("bundle-" + n++, c);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509TrustManager manager = x509(factory.getTrustManagers());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return new Trust(manager, context.getSocketFactory());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS with " + bundle + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager defaultManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return x509(factory.getTrustManagers());
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager m : managers) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("no X.509 trust manager in this Java runtime");
    }
}
