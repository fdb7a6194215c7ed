package dev.letterbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What was said in one SMTP session, line by line with timestamps: every command line, every reply line, and events
 * (message content, summarised by its size; scripted faults that fired; how the connection ended). An immutable
 * snapshot: {@link Mailbox#transcripts()} and {@link ReceivedMessage#transcript()} take a new one on every call, which
 * includes what the session said since.
 *
 * <p>At most 10,000 lines are kept per session (and past them a few events, such as how it ended);
 * {@link #omittedLines()} counts the rest.
 */
public final class Transcript {

    /** Who a line is from. */
    public enum Direction {
        /** a command line the client sent, without its CRLF */
        CLIENT,
        /** a reply line the server sent, without its CRLF */
        SERVER,
        /** something that happened that is not a line on the wire, such as "message content, 312 octets" */
        EVENT
    }

    /**
     * One line of a transcript.
     *
     * @param at when it was read, written or happened
     * @param direction who it is from
     * @param text the line
     */
    public record Line(Instant at, Direction direction, String text) {
        /**
         * Checks the components.
         *
         * @param at when it was read, written or happened
         * @param direction who it is from
         * @param text the line
         * @throws NullPointerException if any is null
         */
        public Line {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(text, "text");
        }

        /** @return such as {@code C: MAIL FROM:<a@example.com>}, {@code S: 250 2.1.0 OK} or {@code *  closed} */
        @Override
        public String toString() {
            return (direction == Direction.CLIENT ? "C: " : direction == Direction.SERVER ? "S: " : "*  ") + text;
        }
    }

    private final long number;
    private final String client;
    private final Instant startedAt;
    private final List<Line> lines;
    private final int omitted;

    Transcript(long number, String client, Instant startedAt, List<Line> lines, int omitted) {
        this.number = number;
        this.client = client;
        this.startedAt = startedAt;
        this.lines = List.copyOf(lines);
        this.omitted = omitted;
    }

    /** @return the session's number on its server, from 1 in the order connections were accepted */
    public long sessionNumber() {
        return number;
    }

    /** @return the client's address and port, such as {@code 127.0.0.1:53124} */
    public String client() {
        return client;
    }

    /** @return when the server accepted the connection */
    public Instant startedAt() {
        return startedAt;
    }

    /** @return every line kept, in order */
    public List<Line> lines() {
        return lines;
    }

    /**
     * Returns the command lines the client sent, in order: handy for {@code assertThat(t.commands()).containsExactly(
     * "EHLO client.example", "MAIL FROM:<a@example.com>", ...)}.
     *
     * @return the text of every {@link Direction#CLIENT} line
     */
    public List<String> commands() {
        return texts(Direction.CLIENT);
    }

    /**
     * Returns the reply lines the server sent, in order, such as {@code "250 2.1.0 Sender <a@example.com> OK"}.
     *
     * @return the text of every {@link Direction#SERVER} line
     */
    public List<String> replies() {
        return texts(Direction.SERVER);
    }

    /** @return how many lines were not kept because the session went past 10,000 lines */
    public int omittedLines() {
        return omitted;
    }

    private List<String> texts(Direction direction) {
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            if (l.direction() == direction) {
                out.add(l.text());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Renders the transcript for people, one line each with its offset from the start in seconds:
     * <pre>
     * Session 1 with 127.0.0.1:53124 at 2026-12-02T05:01:02.123Z
     *   +0.000 S: 220 letterbox.localhost ESMTP Letterbox ready
     *   +0.001 C: EHLO client.example
     * </pre>
     *
     * @return the text, without a final line break
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64 + 48 * lines.size());
        sb.append("Session ").append(number).append(" with ").append(client).append(" at ").append(startedAt);
        for (Line l : lines) {
            sb.append("\n  ").append(offset(l.at())).append(' ').append(l);
        }
        if (omitted > 0) {
            sb.append("\n  (").append(omitted).append(" more lines not kept)");
        }
        return sb.toString();
    }

    private String offset(Instant at) {
        long micros = Duration.between(startedAt, at).toNanos() / 1000;
        return String.format(java.util.Locale.ROOT, "+%d.%03d", micros / 1_000_000, (micros / 1000) % 1000);
    }
}
