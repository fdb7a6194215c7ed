package dev.letterbox;

import dev.letterbox.internal.smtp.SessionHost;
import dev.letterbox.internal.smtp.SessionRecord;
import dev.letterbox.internal.smtp.SmtpListener;
import dev.letterbox.internal.store.RawContent;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An in-process SMTP server (RFC 5321) that captures every message it accepts into its {@link Mailbox}. Usable on its
 * own, without JUnit:
 *
 * <pre>{@code
 * try (SmtpServer server = SmtpServer.start()) {
 *     sendMail(server.host(), server.port());
 *     ReceivedMessage m = server.mailbox().awaitMessage();
 * }
 * }</pre>
 */
public final class SmtpServer implements AutoCloseable {
    private final ServerOptions options;
    private final Mailbox mailbox;
    private final SmtpListener listener;

    private SmtpServer(ServerOptions options) {
        this.options = options;
        this.mailbox = new Mailbox(this, options);
        this.listener = SmtpListener.start(options, new Host(mailbox));
    }

    /** What the sessions of this server use: the mailbox's script, transcripts and messages. */
    private record Host(Mailbox mailbox) implements SessionHost {
        @Override
        public SessionRecord open(String client) {
            return mailbox.openSession(client);
        }

        @Override
        public SmtpEffect scripted(SmtpStage stage, String subject, SessionRecord session) {
            return mailbox.script().effect(stage, subject, session);
        }

        @Override
        public void deliver(Envelope envelope, RawContent content, SessionRecord session) {
            mailbox.add(new ReceivedMessage(envelope, content, session));
        }
    }

    /**
     * Starts a server with the default options: loopback, a random free port.
     *
     * @return the running server; its port accepts connections when this returns
     * @throws UncheckedIOException if no port can be bound
     */
    public static SmtpServer start() {
        return start(ServerOptions.defaults());
    }

    /**
     * Starts a server.
     *
     * @param options the options
     * @return the running server; its port accepts connections when this returns
     * @throws UncheckedIOException if the address and port cannot be bound (the message names them)
     * @throws NullPointerException if options is null
     */
    public static SmtpServer start(ServerOptions options) {
        return new SmtpServer(Objects.requireNonNull(options, "options"));
    }

    /** @return the IP address the server listens on, such as {@code 127.0.0.1} */
    public String host() {
        return listener.host();
    }

    /** @return the port the server listens on */
    public int port() {
        return listener.port();
    }

    /** @return the options the server was started with */
    public ServerOptions options() {
        return options;
    }

    /** @return the mailbox that holds every accepted message */
    public Mailbox mailbox() {
        return mailbox;
    }

    /**
     * Tells whether the server accepts connections: true until {@link #close()} is called, unless accepting failed
     * for good (see {@link #failure()}).
     *
     * @return true while it serves
     */
    public boolean isRunning() {
        return !listener.isClosed() && listener.failure() == null;
    }

    /**
     * Returns why the server stopped accepting connections on its own, such as a process out of file descriptors for
     * a long time; a transient shortage costs only the connections that hit it, and is not reported here.
     *
     * @return the failure, or null if the server accepts (or was closed normally)
     */
    public Throwable failure() {
        return listener.failure();
    }

    /**
     * Stops the server: ends every wait on its mailbox at once (with an {@link AssertionError} saying the server was
     * closed), answers {@code 421 4.3.2} to sessions in flight, closes every socket, waits for every thread it started
     * to end, then closes and deletes the temporary files of captured messages. Idempotent.
     */
    @Override
    public void close() {
        mailbox.serverClosed(); // first: waits end at once, not after the sessions
        listener.close();
        mailbox.clear();
    }

    @Override
    public String toString() {
        return "SmtpServer{" + host() + ":" + port() + (isRunning() ? "" : ", closed") + "}";
    }
}
