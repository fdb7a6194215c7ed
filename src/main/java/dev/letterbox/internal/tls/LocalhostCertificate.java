package dev.letterbox.internal.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The zero-configuration certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}: a key pair that the
 * build makes with the JDK's {@code keytool} (see the pom), loaded once per JVM and never changed afterwards. Holds
 * the server's {@link SSLContext} and a client one that trusts this certificate only.
 */
public final class LocalhostCertificate {
    private static final String RESOURCE = "localhost.p12";
    private static final char[] STORE_PASSWORD = "letterbox".toCharArray(); // a test key: the password hides nothing

    /** Loaded on first use; immutable afterwards, so sharing it between servers leaks nothing between tests. */
    private static final class Holder {
        static final LocalhostCertificate INSTANCE = load();
    }

    private final X509Certificate certificate;
    private final SSLContext serverContext;
    private final SSLContext clientContext;

    private LocalhostCertificate(X509Certificate certificate, SSLContext serverContext, SSLContext clientContext) {
        this.certificate = certificate;
        this.serverContext = serverContext;
        this.clientContext = clientContext;
    }

    /** @return the certificate, loaded on the first call */
    public static LocalhostCertificate get() {
        return Holder.INSTANCE;
    }

    /** @return the X.509 certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the context a server uses: this certificate and its private key */
    public SSLContext serverContext() {
        return serverContext;
    }

    /** @return a context for clients that trusts this certificate and nothing else */
    public SSLContext clientContext() {
        return clientContext;
    }

    /** @return the certificate in PEM form ({@code -----BEGIN CERTIFICATE-----} ...), lines of 64 characters */
    public String pem() {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the built-in certificate", e);
        }
    }

    /**
     * Makes a key store holding only this certificate, as a trusted entry.
     *
     * @return a new PKCS12 key store on every call
     */
    public KeyStore trustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("letterbox-localhost", certificate);
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a trust store for the built-in certificate", e);
        }
    }

    private static LocalhostCertificate load() {
        try (InputStream in = LocalhostCertificate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in TLS certificate " + RESOURCE + " is missing from the"
                        + " classpath (it is made by the build's generate-resources phase); rebuild Letterbox, or"
                        + " give the server your own SSLContext with ServerOptions.builder().sslContext(...)");
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, STORE_PASSWORD);
            X509Certificate cert = (X509Certificate) keys.getCertificate("localhost");
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, STORE_PASSWORD);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);
            LocalhostCertificate partial = new LocalhostCertificate(cert, server, null);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(partial.trustStore());
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            return new LocalhostCertificate(cert, server, client);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in TLS certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the built-in TLS certificate: " + e, e);
        }
    }
}
