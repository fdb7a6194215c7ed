package dev.letterbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages one {@link SmtpServer} accepted, in arrival order. Thread-safe: the server adds while tests read and
 * wait. Every wait uses a condition signalled on arrival, never a sleep loop, and fails with a message that lists what
 * did arrive.
 */
public final class Mailbox {
    private final SmtpServer server;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<ReceivedMessage> messages = new ArrayList<>();
    private int taken;

    Mailbox(SmtpServer server) {
        this.server = server;
    }

    /** @return the address the server listens on, for the code under test to connect to */
    public String host() {
        return server.host();
    }

    /** @return the port the server listens on */
    public int port() {
        return server.port();
    }

    /** @return a snapshot of every message received so far, oldest first */
    public List<ReceivedMessage> messages() {
        lock.lock();
        try {
            return List.copyOf(messages);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the messages with one envelope recipient (RCPT TO), so Bcc recipients are found too.
     *
     * @param address an address such as {@code ann@example.com}, compared ignoring case
     * @return a snapshot of the matching messages, oldest first
     */
    public List<ReceivedMessage> messagesTo(String address) {
        Objects.requireNonNull(address, "address");
        List<ReceivedMessage> result = new ArrayList<>();
        for (ReceivedMessage m : messages()) {
            for (String r : m.envelope().recipients()) {
                if (r.equalsIgnoreCase(address)) {
                    result.add(m);
                    break;
                }
            }
        }
        return result;
    }

    /**
     * Waits for the next message not yet returned by this method, up to the default await timeout, and returns it.
     * Successive calls return successive messages; {@link #clear()} starts over.
     *
     * @return the message
     * @throws AssertionError if none arrives in time; its message lists what did arrive
     * @throws IllegalStateException if the waiting thread is interrupted
     */
    public ReceivedMessage awaitMessage() {
        return awaitMessage(server.options().awaitTimeout());
    }

    /**
     * Waits for the next message not yet returned by {@code awaitMessage}, and returns it.
     *
     * @param timeout how long to wait at most
     * @return the message
     * @throws AssertionError if none arrives in time; its message lists what did arrive
     * @throws IllegalStateException if the waiting thread is interrupted
     */
    public ReceivedMessage awaitMessage(Duration timeout) {
        lock.lock();
        try {
            awaitCount(taken + 1, timeout, "message #" + (taken + 1));
            return messages.get(taken++);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least {@code count} messages arrived in all, up to the default await timeout.
     *
     * @param count how many messages to wait for
     * @return a snapshot of every message received so far (at least {@code count}), oldest first
     * @throws AssertionError if fewer arrive in time; its message lists what did arrive
     * @throws IllegalArgumentException if count is negative
     */
    public List<ReceivedMessage> awaitMessages(int count) {
        return awaitMessages(count, server.options().awaitTimeout());
    }

    /**
     * Waits until at least {@code count} messages arrived in all.
     *
     * @param count how many messages to wait for
     * @param timeout how long to wait at most
     * @return a snapshot of every message received so far (at least {@code count}), oldest first
     * @throws AssertionError if fewer arrive in time; its message lists what did arrive
     * @throws IllegalArgumentException if count is negative
     */
    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        lock.lock();
        try {
            awaitCount(count, timeout, count + (count == 1 ? " message" : " messages"));
            return List.copyOf(messages);
        } finally {
            lock.unlock();
        }
    }

    /** Removes every message and deletes their temporary files; {@link #awaitMessage()} starts over. */
    public void clear() {
        List<ReceivedMessage> removed;
        lock.lock();
        try {
            removed = new ArrayList<>(messages);
            messages.clear();
            taken = 0;
        } finally {
            lock.unlock();
        }
        removed.forEach(ReceivedMessage::release);
    }

    /**
     * Describes the messages received so far, one per line, for failure messages.
     *
     * @return the description, or "no messages" when empty
     */
    public String describe() {
        return describe(messages());
    }

    @Override
    public String toString() {
        return "Mailbox{" + host() + ":" + port() + ", " + messages().size() + " messages}";
    }

    void add(ReceivedMessage message) {
        lock.lock();
        try {
            messages.add(message);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitCount(int count, Duration timeout, String what) {
        Objects.requireNonNull(timeout, "timeout");
        long remaining = timeout.toNanos();
        try {
            while (messages.size() < count) {
                if (remaining <= 0) {
                    throw new AssertionError("Timed out after " + format(timeout) + " waiting for " + what
                            + " at " + host() + ":" + port() + "; received " + messages.size() + ":"
                            + System.lineSeparator() + describe(List.copyOf(messages)));
                }
                remaining = arrived.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    static String describe(List<ReceivedMessage> list) {
        if (list.isEmpty()) {
            return "  (no messages)";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(System.lineSeparator());
            }
            sb.append("  ").append(i + 1).append(". ").append(list.get(i).summary());
        }
        return sb.toString();
    }

    private static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? TimeUnit.MILLISECONDS.toSeconds(ms) + " s" : ms + " ms";
    }
}
