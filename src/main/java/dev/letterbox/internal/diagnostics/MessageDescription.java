package dev.letterbox.internal.diagnostics;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.Transcript;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes a captured message for people reading a failure: envelope, key headers and MIME structure. Never throws:
 * a part that cannot be read is described as such. This is the one place that formats messages for people; every
 * list numbers them from {@code [0]}, the index of {@code mailbox.messages().get(i)} and {@code message(i)}.
 */
public final class MessageDescription {

    private static final int TRIMMED_LINES = 24;

    private MessageDescription() {
    }

    /**
     * Describes one message on one line: envelope sender and recipients, From, Subject and size; an absent From or
     * Subject reads {@code (none)}.
     *
     * @param m the message
     * @return the line
     */
    public static String oneLine(ReceivedMessage m) {
        return "from=<" + m.envelope().mailFrom() + "> to=" + m.envelope().recipients() + " From: "
                + orNone(safe(m::from)) + " Subject: " + orNone(safe(m::subject)) + " (" + m.size() + " octets)";
    }

    /**
     * Describes one message on one line without parsing it: envelope sender and recipients and size, all known when
     * it was received. Cheap and free of side effects, for {@code toString()}.
     *
     * @param m the message
     * @return the line
     */
    public static String withoutParsing(ReceivedMessage m) {
        return "from=<" + m.envelope().mailFrom() + "> to=" + m.envelope().recipients() + " (" + m.size()
                + " octets)";
    }

    /**
     * Describes one message over several lines, each starting with {@code indent}.
     *
     * @param m the message
     * @param indent the prefix of every line
     * @return the description, without a final line break
     */
    public static String full(ReceivedMessage m, String indent) {
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append("Envelope: MAIL FROM:<").append(m.envelope().mailFrom()).append("> RCPT TO:")
                .append(m.envelope().recipients()).append(" HELO ").append(m.envelope().helo())
                .append(", ").append(m.size()).append(" octets\n");
        for (String name : List.of("From", "To", "Cc", "Subject")) {
            String value = safe(() -> m.header(name));
            if (value != null) {
                sb.append(indent).append(name).append(": ").append(value).append('\n');
            }
        }
        sb.append(indent).append("Structure:\n");
        String structure = safe(m::structure);
        for (String line : String.valueOf(structure).split("\n")) {
            sb.append(indent).append("  ").append(line).append('\n');
        }
        Transcript transcript = m.transcript();
        if (transcript != null) {
            sb.append(indent).append("Transcript (session ").append(transcript.sessionNumber()).append(" with ")
                    .append(transcript.client()).append("):\n");
            for (String line : trimmed(transcript)) {
                sb.append(indent).append("  ").append(line).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    /**
     * The lines of a message's transcript that matter in a failure: all of a short one; of a long one the first two
     * (greeting, EHLO) and the message's own transaction, from its MAIL command to the reply to its content.
     */
    static List<String> trimmed(Transcript t) {
        List<Transcript.Line> lines = t.lines();
        int from = 0;
        if (lines.size() > TRIMMED_LINES) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                Transcript.Line l = lines.get(i);
                if (l.direction() == Transcript.Direction.CLIENT && l.text().regionMatches(true, 0, "MAIL ", 0, 5)) {
                    from = i;
                    break;
                }
            }
            from = Math.max(from, lines.size() - TRIMMED_LINES);
        }
        List<String> out = new ArrayList<>();
        if (from > 2) {
            out.add(lines.get(0).toString());
            out.add(lines.get(1).toString());
            out.add("(" + (from - 2) + " lines)");
        } else {
            from = 0;
        }
        for (int i = from; i < lines.size(); i++) {
            out.add(lines.get(i).toString());
        }
        return out;
    }

    /**
     * Describes a list of messages, one line each, numbered by {@link #index(int)}.
     *
     * @param messages the messages
     * @param indent the prefix of every line
     * @return the description, {@code (no messages)} when empty
     */
    public static String list(List<ReceivedMessage> messages, String indent) {
        if (messages.isEmpty()) {
            return indent + "(no messages)";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(indent).append(index(i)).append(' ').append(oneLine(messages.get(i)));
        }
        return sb.toString();
    }

    /**
     * Names a position in a mailbox the way every Letterbox message does.
     *
     * @param i the 0-based position, as in {@code mailbox.messages().get(i)}
     * @return such as {@code [0]}
     */
    public static String index(int i) {
        return "[" + i + "]";
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }

    private interface Getter {
        String get();
    }

    private static String safe(Getter getter) {
        try {
            return getter.get();
        } catch (RuntimeException e) {
            return "<unreadable: " + e.getMessage() + ">";
        }
    }
}
