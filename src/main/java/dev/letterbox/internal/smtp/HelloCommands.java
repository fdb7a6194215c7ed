package dev.letterbox.internal.smtp;

import dev.letterbox.SmtpExtension;
import dev.letterbox.TlsMode;
import java.util.ArrayList;
import java.util.List;

/** EHLO and HELO: name the client, reset the transaction, and (EHLO) list the extensions this session offers now. */
final class HelloCommands {
    private HelloCommands() {
    }

    static Outcome ehlo(SessionState s, String arg) throws ReplyException {
        String name = clientName(arg, "EHLO");
        List<String> lines = new ArrayList<>();
        lines.add(s.options().serverName() + " greets " + name);
        if (s.enabled(SmtpExtension.PIPELINING)) {
            lines.add("PIPELINING");
        }
        if (s.enabled(SmtpExtension.SIZE)) {
            long max = s.options().maxMessageSize();
            lines.add(max > 0 ? "SIZE " + max : "SIZE");
        }
        if (s.enabled(SmtpExtension.EIGHT_BIT_MIME)) {
            lines.add("8BITMIME");
        }
        if (s.enabled(SmtpExtension.SMTPUTF8)) {
            lines.add("SMTPUTF8");
        }
        if (s.enabled(SmtpExtension.ENHANCED_STATUS_CODES)) {
            lines.add("ENHANCEDSTATUSCODES");
        }
        if (s.enabled(SmtpExtension.CHUNKING)) {
            lines.add("CHUNKING");
        }
        if (s.enabled(SmtpExtension.BINARYMIME)) {
            lines.add("BINARYMIME");
        }
        if (s.enabled(SmtpExtension.DSN)) {
            lines.add("DSN");
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
