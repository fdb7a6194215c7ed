package dev.letterbox.internal.smtp;

import dev.letterbox.Transcript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records one session as it happens: every command line, every reply line, and events (message content by size,
 * scripted faults, how the connection ended). Thread-safe (the listener writes the shutdown reply from its own
 * thread); bounded: past {@value #MAX_LINES} lines only a count is kept (and a few events, such as how the session
 * ended), so a runaway client cannot fill the heap.
 */
public final class SessionRecord {
    /** The most lines kept per session. */
    public static final int MAX_LINES = 10_000;
    private static final int MAX_EVENTS_PAST_CAP = 100;

    /** One recorded line, kept cheap: the reply object (rendered only when someone reads) and a nano time. */
    private record Entry(long nanos, Transcript.Direction direction, Object payload) {
    }

    private final long number;
    private final String client;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final List<Entry> entries = new ArrayList<>();
    private int lineCount;
    private int omitted;
    private volatile boolean ended;

    /**
     * @param number the session's number on its server, from 1
     * @param client the client's address and port
     */
    public SessionRecord(long number, String client) {
        this.number = number;
        this.client = client;
    }

    /** @return the session's number on its server, from 1 */
    public long number() {
        return number;
    }

    /** @return the client's address and port, such as {@code 127.0.0.1:53124} */
    public String client() {
        return client;
    }

    /** @return when the connection was accepted */
    public Instant startedAt() {
        return startedAt;
    }

    /** @return true once the connection has closed */
    public boolean ended() {
        return ended;
    }

    void end() {
        ended = true;
    }

    void client(String line) {
        add(Transcript.Direction.CLIENT, line, 1);
    }

    void server(Reply reply) {
        add(Transcript.Direction.SERVER, reply, reply.lines().size());
    }

    void event(String text) {
        add(Transcript.Direction.EVENT, text, 1);
    }

    private synchronized void add(Transcript.Direction direction, Object payload, int lines) {
        // past the cap, events (how the session ended, above all) are still kept, up to a few
        if (lineCount + lines > MAX_LINES
                && (direction != Transcript.Direction.EVENT || lineCount >= MAX_LINES + MAX_EVENTS_PAST_CAP)) {
            omitted += lines;
            return;
        }
        entries.add(new Entry(System.nanoTime(), direction, payload));
        lineCount += lines;
    }

    /** @return how many lines were recorded so far (the index the next one gets) */
    public synchronized int size() {
        return lineCount;
    }

    /**
     * What the session said so far, for a {@link Transcript}.
     *
     * @param lines the lines kept, in order
     * @param omitted how many lines were not kept: past {@value #MAX_LINES}, or past the maximum asked for
     */
    public record Snapshot(List<Transcript.Line> lines, int omitted) {
    }

    /**
     * Renders the lines so far: a reply becomes one line per line of text, as it went on the wire.
     *
     * @param max the most lines to return, from the first
     * @return the lines and how many were not kept
     */
    public synchronized Snapshot snapshot(int max) {
        return new Snapshot(List.copyOf(lines(max)), lineCount > max ? 0 : omitted);
    }

    private List<Transcript.Line> lines(int max) {
        List<Transcript.Line> out = new ArrayList<>(Math.min(max, lineCount));
        for (Entry e : entries) {
            if (out.size() >= max) {
                break;
            }
            Instant at = startedAt.plusNanos(e.nanos() - startNanos);
            if (e.payload() instanceof Reply r) {
                List<String> text = r.lines();
                for (int i = 0; i < text.size() && out.size() < max; i++) {
                    String line = r.code() + (i == text.size() - 1 ? " " : "-")
                            + (r.enhanced() == null ? "" : r.enhanced() + " ") + text.get(i);
                    out.add(new Transcript.Line(at, e.direction(), line));
                }
            } else {
                out.add(new Transcript.Line(at, e.direction(), (String) e.payload()));
            }
        }
        return out;
    }

}
