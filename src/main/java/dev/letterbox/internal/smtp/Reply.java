package dev.letterbox.internal.smtp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One SMTP reply: a code, an RFC 3463 enhanced status code (null for replies that carry none: the greeting, EHLO,
 * HELO and 354) and one or more lines of text. Encoded once into the exact octets written to the wire.
 *
 * @param code the three-digit reply code
 * @param enhanced the enhanced status code such as {@code 2.0.0}, or null
 * @param lines the text lines, at least one
 */
public record Reply(int code, String enhanced, List<String> lines) {

    static final Reply OK = of(250, "2.0.0", "OK");
    static final Reply BYE = of(221, "2.0.0", "Bye");
    static final Reply START_DATA = new Reply(354, null, List.of("End data with <CR><LF>.<CR><LF>"));
    static final Reply VRFY_CANNOT = of(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");
    static final Reply BARE_LF_COMMAND = of(500, "5.5.2", "Error: command line ended in a bare <LF>; SMTP lines end"
            + " with <CR><LF> (RFC 5321 section 2.3.8), or set lenientLineEndings");
    static final Reply LINE_TOO_LONG = of(500, "5.5.2", "Error: command line too long");
    static final Reply SHUTTING_DOWN = of(421, "4.3.2", "Service shutting down, closing connection");
    static final Reply TOO_MANY_CONNECTIONS = of(421, "4.3.2", "Too many connections, try again later");
    static final Reply IDLE_TIMEOUT = of(421, "4.4.2", "Idle timeout, closing connection");
    static final Reply COMMAND_TOO_SLOW = of(421, "4.4.2", "Command line took longer than the command timeout,"
            + " closing connection");
    static final Reply DATA_TOO_SLOW = of(421, "4.4.2", "Message content took longer than the data timeout, closing"
            + " connection; nothing was stored");
    static final Reply TOO_MANY_AUTH_FAILURES = of(421, "4.7.0", "Too many authentication failures, closing"
            + " connection");
    static final Reply INTERNAL_ERROR = of(421, "4.3.0", "Internal server error, closing connection; the cause is in"
            + " the session's transcript");
    static final Reply NEED_HELO = of(503, "5.5.1", "Error: send EHLO or HELO first");
    static final Reply NEED_MAIL = of(503, "5.5.1", "Error: need MAIL command");
    static final Reply NEED_RCPT = of(503, "5.5.1", "Error: need RCPT command");
    static final Reply NESTED_MAIL = of(503, "5.5.1", "Error: nested MAIL command; send RSET first");
    static final Reply NOT_IMPLEMENTED = of(502, "5.5.1", "Command not implemented");

    /** Validates and copies the lines. */
    public Reply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code must be 200..599, was " + code);
        }
        lines = List.copyOf(lines);
        for (String l : lines) {
            if (l.indexOf('\r') >= 0 || l.indexOf('\n') >= 0) {
                // a line break inside a text line would end the reply early and desynchronise the client
                lines = lines.stream().map(x -> x.replace('\r', ' ').replace('\n', ' ')).toList();
                break;
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one line of text");
        }
    }

    /**
     * Makes a one-line reply.
     *
     * @param code the reply code
     * @param enhanced the enhanced status code, or null
     * @param text the text
     * @return the reply
     */
    public static Reply of(int code, String enhanced, String text) {
        return new Reply(code, enhanced, List.of(text));
    }

    /** @return true for 2xx and 3xx replies */
    public boolean isPositive() {
        return code < 400;
    }

    /**
     * Encodes the reply as it goes on the wire: {@code code-text CRLF} for every line but the last, {@code code text
     * CRLF} for the last; the enhanced code, if any, starts every line's text.
     *
     * @return the octets
     */
    public byte[] encode() {
        StringBuilder sb = new StringBuilder(64 * lines.size());
        for (int i = 0; i < lines.size(); i++) {
            sb.append(code).append(i == lines.size() - 1 ? ' ' : '-');
            if (enhanced != null) {
                sb.append(enhanced).append(' ');
            }
            sb.append(lines.get(i)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.UTF_8).stripTrailing();
    }
}
