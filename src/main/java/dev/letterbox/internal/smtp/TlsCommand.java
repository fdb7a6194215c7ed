package dev.letterbox.internal.smtp;

import dev.letterbox.TlsMode;

/** STARTTLS (RFC 3207): answers 220; the session then drops pipelined plaintext and runs the handshake. */
final class TlsCommand {
    static final Reply READY = Reply.of(220, "2.0.0", "Ready to start TLS");

    private TlsCommand() {
    }

    static Outcome starttls(SessionState s, String arg) throws ReplyException {
        TlsMode mode = s.options().tls();
        if (mode == TlsMode.OFF) {
            throw new ReplyException(502, "5.5.1", "STARTTLS not offered: this server runs without TLS");
        }
        if (!arg.isEmpty()) {
            throw new ReplyException(501, "5.5.4", "Syntax: STARTTLS takes no parameters");
        }
        if (s.tls() != null) {
            throw new ReplyException(503, "5.5.1", "Error: TLS already active");
        }
        if (!s.extended()) {
            throw new ReplyException(503, "5.5.1", "Error: send EHLO first; STARTTLS is an ESMTP extension");
        }
        return new Outcome(Outcome.Kind.START_TLS, "", () -> READY);
    }
}
