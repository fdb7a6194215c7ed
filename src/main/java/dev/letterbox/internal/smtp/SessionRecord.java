package dev.letterbox.internal.smtp;

import dev.letterbox.Transcript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records one session as it happens: every command line, every reply line, and events (message content by size,
 * scripted faults, how the connection ended). Thread-safe (the listener writes the shutdown reply from its own
 * thread); bounded: past {@value #MAX_LINES} lines only a count is kept, so a runaway client cannot fill the heap.
 */
public final class SessionRecord {
    /** The most lines kept per session. */
    public static final int MAX_LINES = 10_000;

    private final long number;
    private final String client;
    private final Instant startedAt = Instant.now();
    private final List<Transcript.Line> lines = new ArrayList<>();
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
        add(Transcript.Direction.CLIENT, line);
    }

    void server(Reply reply) {
        String prefix = reply.code() + "-";
        List<String> text = reply.lines();
        for (int i = 0; i < text.size(); i++) {
            if (i == text.size() - 1) {
                prefix = reply.code() + " ";
            }
            add(Transcript.Direction.SERVER, prefix + (reply.enhanced() == null ? "" : reply.enhanced() + " ")
                    + text.get(i));
        }
    }

    void event(String text) {
        add(Transcript.Direction.EVENT, text);
    }

    private synchronized void add(Transcript.Direction direction, String text) {
        if (lines.size() >= MAX_LINES) {
            omitted++;
            return;
        }
        lines.add(new Transcript.Line(Instant.now(), direction, text));
    }

    /** @return how many lines were recorded so far (the index the next one gets) */
    public synchronized int size() {
        return lines.size();
    }

    /** @return a copy of the lines so far */
    public synchronized List<Transcript.Line> lines() {
        return List.copyOf(lines);
    }

    /** @return how many lines were not kept because the session went past {@value #MAX_LINES} */
    public synchronized int omitted() {
        return omitted;
    }
}
