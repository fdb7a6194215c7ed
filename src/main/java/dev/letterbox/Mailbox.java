package dev.letterbox;

import dev.letterbox.internal.diagnostics.MessageDescription;
import dev.letterbox.internal.diagnostics.ReportLocation;
import dev.letterbox.internal.smtp.Script;
import dev.letterbox.internal.smtp.SessionRecord;
import dev.letterbox.internal.tls.ClientTlsSettings;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages one {@link SmtpServer} accepted, in arrival order. Thread-safe: the server adds while tests read and
 * wait. Every wait uses a condition signalled on arrival, never a sleep loop, and fails with a message that lists what
 * did arrive. Waiting never holds up the server: a failure is described after the mailbox is unlocked, and closing
 * the server ends every wait at once.
 *
 * <p>In a JUnit Jupiter test, get one by declaring a parameter or a field of type {@code Mailbox} in a class or method
 * annotated with {@link CaptureMail} (or with a {@link LetterboxExtension} registered). Without either, JUnit reports
 * {@code No ParameterResolver registered for parameter [dev.letterbox.Mailbox ...]}: add {@code @CaptureMail}.
 *
 * <p><b>Awaited messages.</b> The await methods keep one count per mailbox, the messages <em>awaited</em> so far:
 * {@link #awaitMessage()} returns the next message after them and counts it, {@link #awaitMessages(int)
 * awaitMessages(n)} raises the count to {@code n} if it was lower, and {@link #clear()} resets it to zero.
 * {@link #awaitNoMoreMessages(Duration)} fails if more messages than that count arrive.
 *
 * <p><b>Failure paths.</b> {@link #on(SmtpStage)} scripts what the server does wrong, so a test can check how the code
 * under test copes with a refused recipient, "try again later", a dropped line or a silent server:
 * <pre>{@code
 * mailbox.on(SmtpStage.RCPT).matching("bounce@.*").reply(550, "5.1.1 No such user");
 * mailbox.on(SmtpStage.END_OF_DATA).times(2).reply(451, "4.3.0 Try again later");  // then stored
 * mailbox.on(SmtpStage.MAIL).once().disconnect();
 * }</pre>
 * {@link #transcripts()} shows what was said in every session.
 */
public final class Mailbox {
    /** The connection timeout in milliseconds put into {@link #smtpProperties()}. */
    static final int CONNECTION_TIMEOUT_MILLIS = 5_000;
    /** The read and write timeout in milliseconds put into {@link #smtpProperties()}. */
    static final int IO_TIMEOUT_MILLIS = 10_000;
    /** The most session transcripts kept; older ones are dropped first. */
    static final int MAX_TRANSCRIPTS = 10_000;

    private final SmtpServer server;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<ReceivedMessage> messages = new ArrayList<>();
    /** Read by {@link ReportLocation#of(Mailbox)}; set by the JUnit extension when a test starts. */
    private final ReportLocation reportLocation = new ReportLocation();
    private int awaited;
    private boolean closed; // guarded by lock: set once the server is closing
    private List<ReceivedMessage> atClose = List.of(); // guarded by lock: what had arrived when the server closed
    private int awaitedAtClose; // guarded by lock
    private final Script script;
    private final List<SessionRecord> sessions = new ArrayList<>(); // guarded by lock
    private long sessionCount; // guarded by lock

    Mailbox(SmtpServer server, ServerOptions options) {
        this.server = server;
        this.script = new Script(options.rules());
    }

    /** @return the address the server listens on, for the code under test to connect to */
    public String host() {
        return server.host();
    }

    /** @return the port the server listens on */
    public int port() {
        return server.port();
    }

    /** @return the options of the server this mailbox belongs to, such as its {@code awaitTimeout()} */
    public ServerOptions options() {
        return server.options();
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
     * Returns the Jakarta Mail properties that point a client at this server: {@code mail.smtp.host},
     * {@code mail.smtp.port}, {@code mail.smtp.connectiontimeout} (5000 ms), {@code mail.smtp.timeout} and
     * {@code mail.smtp.writetimeout} (10000 ms each), and {@code mail.smtp.localhost} ({@code localhost}, so the client
     * does not look up the machine's name for its EHLO). Pass them to your own {@code Session} or to Spring's
     * {@code spring.mail.properties.*}.
     *
     * <p>With TLS ({@link ServerOptions#tls()}), they also say how to use it: {@code mail.smtp.starttls.enable=true}
     * (and {@code mail.smtp.starttls.required=true} when the server requires it) or {@code mail.smtp.ssl.enable=true}
     * for implicit TLS; with the built-in certificate, {@code mail.smtp.ssl.socketFactory} is a socket factory that
     * trusts it and nothing else (an object, not a string: for string-only configuration such as Spring's
     * {@code spring.mail.properties.*}, use {@code mail.smtp.ssl.trust=127.0.0.1} or
     * {@link TlsCertificate#trustStore()}). With users configured ({@link ServerOptions#users()}),
     * {@code mail.smtp.auth=true}; the user name and password stay yours to give, as in
     * {@code Transport.send(message, "alice", "secret")} or an {@code Authenticator}.
     *
     * @return a new, modifiable copy on every call
     */
    public Properties smtpProperties() {
        Properties p = new Properties();
        ServerOptions options = options();
        ClientTlsSettings.of(options).forEach(p::setProperty);
        if (options.tls() != TlsMode.OFF && options.sslContext() == null) {
            p.put("mail.smtp.ssl.socketFactory", TlsCertificate.localhost().clientSslContext().getSocketFactory());
        }
        p.setProperty("mail.smtp.host", host());
        p.setProperty("mail.smtp.port", String.valueOf(port()));
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(CONNECTION_TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.timeout", String.valueOf(IO_TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.writetimeout", String.valueOf(IO_TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.localhost", "localhost");
        return p;
    }

    /**
     * Creates a Jakarta Mail session configured with {@link #smtpProperties()}, so that
     * {@code Transport.send(message)} delivers to this server.
     *
     * @return a new session on every call
     */
    public Session session() {
        return Session.getInstance(smtpProperties());
    }

    /**
     * Waits for the next message after the ones awaited so far, up to the default await timeout, and returns it.
     * Successive calls return successive messages; {@link #clear()} starts over. The default timeout is 10 s unless
     * set with {@link ServerOptions.AbstractBuilder#awaitTimeout(Duration)}, {@link CaptureMail#awaitTimeout()}, the builder of
     * {@link LetterboxExtension} or the JUnit configuration parameter {@code letterbox.await.timeout}.
     *
     * @return the message
     * @throws AssertionError if none arrives in time, or at once when the server is closed; its message says which and
     *     lists what did arrive
     * @throws IllegalStateException if the waiting thread is interrupted
     */
    public ReceivedMessage awaitMessage() {
        return awaitMessage(server.options().awaitTimeout());
    }

    /**
     * Waits for the next message after the ones awaited so far, and returns it; it then counts as awaited.
     *
     * @param timeout how long to wait at most
     * @return the message
     * @throws AssertionError if none arrives in time, or at once when the server is closed; its message says which and
     *     lists what did arrive
     * @throws IllegalStateException if the waiting thread is interrupted
     * @throws NullPointerException if timeout is null
     */
    public ReceivedMessage awaitMessage(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        Shortfall shortfall;
        lock.lock();
        try {
            shortfall = awaitCount(awaited + 1, timeout, "message " + MessageDescription.index(awaited));
            if (shortfall == null) {
                return messages.get(awaited++);
            }
        } finally {
            lock.unlock();
        }
        throw shortfall.failure();
    }

    /**
     * Waits until at least {@code count} messages arrived in all, up to the default await timeout (see
     * {@link #awaitMessage()}). The first {@code count} messages then count as awaited.
     *
     * @param count how many messages to wait for
     * @return a snapshot of every message received so far (at least {@code count}), oldest first
     * @throws AssertionError if fewer arrive in time, or at once when the server is closed; its message says which
     *     and lists what did arrive
     * @throws IllegalArgumentException if count is negative
     */
    public List<ReceivedMessage> awaitMessages(int count) {
        return awaitMessages(count, server.options().awaitTimeout());
    }

    /**
     * Waits until at least {@code count} messages arrived in all. The first {@code count} messages then count as
     * awaited.
     *
     * @param count how many messages to wait for
     * @param timeout how long to wait at most
     * @return a snapshot of every message received so far (at least {@code count}), oldest first
     * @throws AssertionError if fewer arrive in time, or at once when the server is closed; its message says which
     *     and lists what did arrive
     * @throws IllegalArgumentException if count is negative
     * @throws IllegalStateException if the waiting thread is interrupted
     * @throws NullPointerException if timeout is null
     */
    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        Objects.requireNonNull(timeout, "timeout");
        Shortfall shortfall;
        lock.lock();
        try {
            shortfall = awaitCount(count, timeout, count + (count == 1 ? " message" : " messages"));
            if (shortfall == null) {
                awaited = Math.max(awaited, count);
                return List.copyOf(messages);
            }
        } finally {
            lock.unlock();
        }
        throw shortfall.failure();
    }

    /**
     * Checks that nothing else is sent: waits for the quiet period and fails as soon as the mailbox holds more messages
     * than were awaited so far (see the class description), including ones that arrived before this call. Waiting uses
     * a condition signalled on arrival, so a failure is reported at once, and success after exactly the quiet period.
     *
     * <pre>{@code
     * mailbox.awaitMessage();                               // the one message we expect
     * mailbox.awaitNoMoreMessages(Duration.ofMillis(200));  // and no second one within 200 ms
     * }</pre>
     *
     * @param quietPeriod how long to watch for further messages; at least zero
     * @throws AssertionError if a message beyond the awaited ones is in the mailbox or arrives in the period, or at
     *     once when the server is closed; its message says which and lists every message received
     * @throws IllegalArgumentException if quietPeriod is negative
     * @throws IllegalStateException if the waiting thread is interrupted
     */
    public void awaitNoMoreMessages(Duration quietPeriod) {
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        if (quietPeriod.isNegative()) {
            throw new IllegalArgumentException("quietPeriod must not be negative, was " + quietPeriod);
        }
        List<ReceivedMessage> received;
        int awaitedSoFar;
        lock.lock();
        try {
            long remaining = quietPeriod.toNanos();
            while (messages.size() <= awaited && remaining > 0 && !closed) {
                remaining = arrived.awaitNanos(remaining);
            }
            if (messages.size() <= awaited && !closed) {
                return;
            }
            received = closed ? atClose : List.copyOf(messages);
            awaitedSoFar = closed ? awaitedAtClose : awaited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the quiet period to pass", e);
        } finally {
            lock.unlock();
        }
        // described outside the lock: describing parses the messages, and deliveries must not wait for that
        if (received.size() > awaitedSoFar) {
            throw new AssertionError("Expected no more messages at " + host() + ":" + port() + " than the "
                    + awaitedSoFar + " awaited, but " + (received.size() - awaitedSoFar) + " more arrived"
                    + " (quiet period " + format(quietPeriod) + "); received " + received.size() + ":\n"
                    + MessageDescription.list(received, "  ") + reportLine());
        }
        throw new Shortfall(this, "the quiet period of " + format(quietPeriod), quietPeriod, true, received)
                .failure();
    }

    /**
     * Removes every message and deletes their temporary files, and forgets the transcripts of sessions that have
     * ended; the count of awaited messages starts over. Scripted rules stay (see {@link #clearRules()}).
     */
    public void clear() {
        List<ReceivedMessage> removed;
        lock.lock();
        try {
            removed = new ArrayList<>(messages);
            messages.clear();
            awaited = 0;
            sessions.removeIf(SessionRecord::ended);
        } finally {
            lock.unlock();
        }
        removed.forEach(ReceivedMessage::release);
    }

    /**
     * Starts a scripted fault at a stage of the dialogue, for the rest of the test: the rule ends with its effect
     * ({@code reply}, {@code disconnect}, {@code delay}, {@code stall}, {@code accept}) and is then in force for every
     * session of this server. Rules added here are tried in the order added, before the rules of the server's options;
     * see {@link SmtpRule} for how they combine.
     *
     * <pre>{@code
     * mailbox.on(SmtpStage.RCPT).matching("bounce@.*").reply(550, "5.1.1 No such user");
     * }</pre>
     *
     * @param stage where the rule applies
     * @return the builder of the rule; its effect method adds the rule and returns it
     * @throws NullPointerException if stage is null
     */
    public SmtpRule.Builder on(SmtpStage stage) {
        return new SmtpRule.Builder(stage, script::add);
    }

    /** @return the rules added with {@link #on(SmtpStage)} (not those of the options), in order */
    public List<SmtpRule> rules() {
        return script.added();
    }

    /**
     * Removes the rules added with {@link #on(SmtpStage)}; the rules of the server's options stay, with the firings
     * they have left.
     */
    public void clearRules() {
        script.clearAdded();
    }

    /**
     * Returns what was said in every session of this server so far (since the last {@link #clear()}), oldest first:
     * commands, replies with timestamps, message content by size, and the scripted faults that fired.
     *
     * @return a snapshot of each session's transcript
     */
    public List<Transcript> transcripts() {
        List<SessionRecord> now;
        lock.lock();
        try {
            now = new ArrayList<>(sessions);
        } finally {
            lock.unlock();
        }
        List<Transcript> out = new ArrayList<>(now.size());
        now.forEach(r -> out.add(transcriptOf(r, Integer.MAX_VALUE)));
        return List.copyOf(out);
    }

    /** A snapshot of a session's transcript, of at most {@code maxLines} lines. */
    static Transcript transcriptOf(SessionRecord record, int maxLines) {
        SessionRecord.Snapshot s = record.snapshot(maxLines);
        return new Transcript(record.number(), record.client(), record.startedAt(), s.lines(), s.omitted());
    }

    /**
     * Makes the mailbox as new for the next test, as the extension does before each test of a per-class server:
     * {@link #clear()}, removes the rules added with {@link #on(SmtpStage)}, and gives the options' rules all their
     * firings again.
     */
    public void reset() {
        clear();
        script.reset();
    }

    SessionRecord openSession(String client) {
        lock.lock();
        try {
            SessionRecord record = new SessionRecord(++sessionCount, client);
            if (sessions.size() >= MAX_TRANSCRIPTS) {
                sessions.remove(0);
            }
            sessions.add(record);
            return record;
        } finally {
            lock.unlock();
        }
    }

    Script script() {
        return script;
    }

    /**
     * Describes the messages received so far, one per line, for failure messages. Each line starts with the index of
     * the message in {@link #messages()}, from {@code [0]}: {@code [0] from=<shop@example.com> to=[ann@example.com]
     * From: shop@example.com Subject: Welcome (299 octets)}.
     *
     * @return the description, or "(no messages)" when empty
     */
    public String describe() {
        return MessageDescription.list(messages(), "  ");
    }

    @Override
    public String toString() {
        return "Mailbox{" + host() + ":" + port() + ", " + messages().size() + " messages}";
    }

    void add(ReceivedMessage message) {
        message.receivedInto(reportLocation);
        lock.lock();
        try {
            messages.add(message);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks the mailbox as belonging to a closed server and wakes every wait, which then fails at once. Called when
     * the server starts closing.
     */
    void serverClosed() {
        lock.lock();
        try {
            closed = true;
            atClose = List.copyOf(messages); // the close clears the mailbox next; failures show what had arrived
            awaitedAtClose = awaited;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits, holding the lock, until {@code count} messages are there. Returns null then; otherwise (timed out, or
     * the server closed) a snapshot of what arrived, for the caller to describe after releasing the lock.
     */
    private Shortfall awaitCount(int count, Duration timeout, String what) {
        long remaining = timeout.toNanos();
        try {
            while (messages.size() < count) {
                if (closed || remaining <= 0) {
                    return new Shortfall(this, what, timeout, closed, closed ? atClose : List.copyOf(messages));
                }
                remaining = arrived.awaitNanos(remaining);
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    /** A wait that ended without what it waited for: a snapshot taken under the lock, described outside it. */
    private record Shortfall(Mailbox mailbox, String what, Duration timeout, boolean closed,
                             List<ReceivedMessage> received) {
        AssertionError failure() {
            String where = mailbox.host() + ":" + mailbox.port();
            Throwable stopped = mailbox.server.failure();
            String start = closed
                    ? "Stopped waiting for " + what + " at " + where + ": the server was closed"
                    : "Timed out after " + format(timeout) + " waiting for " + what + " at " + where
                            + (stopped == null ? "" : "; the server stopped accepting connections: " + stopped);
            return new AssertionError(start + "; received " + received.size() + ":\n"
                    + MessageDescription.list(received, "  ") + mailbox.reportLine());
        }
    }

    private String reportLine() {
        return reportLocation.line().map(line -> "\n" + line).orElse("");
    }

    private static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? TimeUnit.MILLISECONDS.toSeconds(ms) + " s" : ms + " ms";
    }
}
