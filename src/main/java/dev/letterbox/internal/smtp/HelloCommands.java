package dev.letterbox.internal.smtp;

import dev.letterbox.SmtpExtension;
import dev.letterbox.TlsMode;
import java.util.ArrayList;
import java.util.List;

/** EHLO and HELO: name the client, reset the transaction, and (EHLO) list the extensions this session offers now. */
final class HelloCommands {
    private static final SmtpExtension[] EXTENSIONS = SmtpExtension.values(); // in the order the EHLO reply lists them

    private HelloCommands() {
    }

    static Outcome ehlo(SessionState s, String arg) throws ReplyException {
        String name = clientName(arg, "EHLO");
        List<String> lines = new ArrayList<>();
        lines.add(s.options().serverName() + " greets " + name);
        for (SmtpExtension e : EXTENSIONS) {
            if (s.enabled(e)) {
                lines.add(keyword(e, s.options().maxMessageSize()));
            }
        }
        TlsMode tls = s.options().tls();
        if (s.tls() == null && (tls == TlsMode.OFFERED || tls == TlsMode.REQUIRED)) {
            lines.add("STARTTLS"); // not after the handshake (RFC 3207 section 4.2)
        }
        if (s.authOffered()) {
            lines.add(s.plainAuthAllowed() ? "AUTH PLAIN LOGIN CRAM-MD5" : "AUTH CRAM-MD5");
        }
        Reply reply = new Reply(250, null, lines);
        return Outcome.reply(name, () -> {
            s.greet(name, true);
            return reply;
        });
    }

    static Outcome helo(SessionState s, String arg) throws ReplyException {
        String name = clientName(arg, "HELO");
        return Outcome.reply(name, () -> {
            s.greet(name, false);
            return new Reply(250, null, List.of(s.options().serverName()));
        });
    }

    /** @return the EHLO keyword of an extension, such as {@code SIZE 10000} */
    private static String keyword(SmtpExtension e, long maxMessageSize) {
        return switch (e) {
            case PIPELINING -> "PIPELINING";
            case SIZE -> maxMessageSize > 0 ? "SIZE " + maxMessageSize : "SIZE";
            case EIGHT_BIT_MIME -> "8BITMIME";
            case SMTPUTF8 -> "SMTPUTF8";
            case ENHANCED_STATUS_CODES -> "ENHANCEDSTATUSCODES";
            case CHUNKING -> "CHUNKING";
            case BINARYMIME -> "BINARYMIME";
            case DSN -> "DSN";
        };
    }

    private static String clientName(String arg, String verb) throws ReplyException {
        String name = arg.trim();
        if (name.isEmpty()) {
            throw new ReplyException(501, "5.5.4", "Syntax: " + verb + " needs your domain or address literal");
        }
        if (name.indexOf(' ') >= 0) {
            throw new ReplyException(501, "5.5.4", "Syntax: " + verb + " takes one domain or address literal, got \""
                    + name + "\"");
        }
        return name;
    }
}
