package dev.letterbox.internal.tls;

import dev.letterbox.ServerOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Jakarta Mail properties, as text, that make a client use a server's TLS mode and AUTH the way the server
 * expects: one place for {@code Mailbox.smtpProperties()} and for Spring's {@code spring.mail.properties.*}.
 */
public final class ClientTlsSettings {
    private ClientTlsSettings() {
    }

    /**
     * Returns {@code mail.smtp.starttls.enable} (and {@code .required} when the server requires it) or
     * {@code mail.smtp.ssl.enable} for implicit TLS, and {@code mail.smtp.auth=true} when the server has users.
     *
     * @param options the server's options
     * @return the properties in a fixed order; empty for a server without TLS and users
     */
    public static Map<String, String> of(ServerOptions options) {
        Map<String, String> p = new LinkedHashMap<>();
        switch (options.tls()) {
            case OFFERED -> p.put("mail.smtp.starttls.enable", "true");
            case REQUIRED -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case IMPLICIT -> p.put("mail.smtp.ssl.enable", "true");
            case OFF -> { }
        }
        if (!options.users().isEmpty()) {
            p.put("mail.smtp.auth", "true");
        }
        return p;
    }
}
