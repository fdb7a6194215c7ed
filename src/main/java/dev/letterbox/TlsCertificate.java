package dev.letterbox;

import dev.letterbox.internal.tls.LocalhostCertificate;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;

/**
 * The certificate a server with TLS presents when you give it no {@code SSLContext} of your own: self-signed, for
 * {@code localhost}, {@code 127.0.0.1} and {@code ::1}, made when Letterbox was built. Its private key ships inside
 * the Letterbox jar, so trust it in tests only. Use it to make other clients trust the server:
 *
 * <pre>{@code
 * Files.writeString(dir.resolve("letterbox.pem"), TlsCertificate.localhost().pem());   // curl --cacert, python
 * SSLContext client = TlsCertificate.localhost().clientSslContext();                   // Java clients
 * KeyStore trust = TlsCertificate.localhost().trustStore();                            // Spring, keystores
 * }</pre>
 */
public final class TlsCertificate {
    private static final TlsCertificate LOCALHOST = new TlsCertificate();

    private TlsCertificate() {
    }

    /**
     * Returns the built-in certificate.
     *
     * @return the certificate for localhost, 127.0.0.1 and ::1
     * @throws IllegalStateException if the certificate cannot be loaded (a broken build)
     */
    public static TlsCertificate localhost() {
        LocalhostCertificate.get();
        return LOCALHOST;
    }

    /** @return the X.509 certificate */
    public X509Certificate x509Certificate() {
        return LocalhostCertificate.get().certificate();
    }

    /** @return the certificate as PEM text, for {@code curl --cacert} or python's {@code ssl.create_default_context} */
    public String pem() {
        return LocalhostCertificate.get().pem();
    }

    /**
     * Makes a trust store holding this certificate only, for clients configured with a {@code KeyStore}.
     *
     * @return a new PKCS12 key store on every call, with no password
     */
    public KeyStore trustStore() {
        return LocalhostCertificate.get().trustStore();
    }

    /**
     * Returns a client context that trusts this certificate and nothing else, for Java clients (its
     * {@code getSocketFactory()} suits Jakarta Mail's {@code mail.smtp.ssl.socketFactory}).
     *
     * @return the shared client context
     */
    public SSLContext clientSslContext() {
        return LocalhostCertificate.get().clientContext();
    }

    /** @return a short description, without loading anything */
    @Override
    public String toString() {
        return "TlsCertificate{localhost, 127.0.0.1, ::1}";
    }
}
