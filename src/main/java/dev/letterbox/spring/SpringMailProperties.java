package dev.letterbox.spring;

import dev.letterbox.Mailbox;
import dev.letterbox.ServerOptions;
import dev.letterbox.TlsCertificate;
import dev.letterbox.TlsMode;
import dev.letterbox.internal.tls.ClientTlsSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spring Boot {@code spring.mail.*} properties that point an application's {@code JavaMailSender} at a context's
 * server, in two kinds. {@link #overrides} win over the application's own configuration: where the server is and
 * which certificate to trust, since nothing else can work against this server. {@link #defaults} lose to it: how to
 * use TLS and AUTH and the credentials, so an application configured for production (STARTTLS required, its own
 * user) sends exactly as it would there, and one configured for nothing still sends over TLS and AUTH when the
 * server asks for them.
 */
final class SpringMailProperties {
    /** The name of the SSL bundle that trusts the built-in certificate. */
    static final String BUNDLE = "letterbox";

    private SpringMailProperties() {
    }

    /**
     * The properties that win over the application's configuration: {@code spring.mail.host}, {@code spring.mail.port}
     * and, with TLS on the built-in certificate, an SSL bundle that trusts it ({@code spring.mail.ssl.bundle}).
     *
     * @param mailbox the server's mailbox
     * @return the properties, in a fixed order
     */
    static Map<String, Object> overrides(Mailbox mailbox) {
        ServerOptions options = mailbox.options();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.mail.host", mailbox.host());
        p.put("spring.mail.port", mailbox.port());
        if (options.tls() != TlsMode.OFF && options.sslContext() == null) {
            // Boot (3.2 and later) reads PEM text in place of a location; the bundle's socket factory serves both
            // implicit TLS and STARTTLS in Angus Mail
            p.put("spring.ssl.bundle.pem." + BUNDLE + ".truststore.certificate", TlsCertificate.localhost().pem());
            p.put("spring.mail.ssl.bundle", BUNDLE);
        }
        return p;
    }

    /**
     * The properties the application's configuration overrides: the TLS mode as Jakarta Mail properties, and with
     * users, {@code mail.smtp.auth=true} and the first user's name and password.
     *
     * @param options the server's options
     * @return the properties, in a fixed order, empty for a server without TLS and users
     */
    static Map<String, Object> defaults(ServerOptions options) {
        Map<String, Object> p = new LinkedHashMap<>();
        ClientTlsSettings.of(options).forEach((key, value) -> p.put("spring.mail.properties." + key, value));
        options.users().entrySet().stream().findFirst().ifPresent(user -> {
            p.put("spring.mail.username", user.getKey());
            p.put("spring.mail.password", user.getValue());
        });
        return p;
    }
}
