package dev.letterbox;

/**
 * Whether and how a server speaks TLS, set with {@link ServerOptions.AbstractBuilder#tls(TlsMode)} or
 * {@link CaptureMail#tls()}. Without an {@code SSLContext} of your own the server uses the built-in certificate
 * ({@link TlsCertificate#localhost()}), which {@link Mailbox#session()} and {@link Mailbox#smtpProperties()} trust.
 */
public enum TlsMode {
    /** No TLS: STARTTLS is not advertised and answers {@code 502 5.5.1}. The default. */
    OFF,
    /** STARTTLS (RFC 3207) is advertised; clients may use it or send in plaintext. */
    OFFERED,
    /** STARTTLS is advertised and required: MAIL and AUTH before it get {@code 530 5.7.0}. */
    REQUIRED,
    /** TLS from the first byte, as on port 465 (RFC 8314); STARTTLS is not advertised. */
    IMPLICIT
}
