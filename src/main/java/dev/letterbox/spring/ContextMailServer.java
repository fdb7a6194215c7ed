package dev.letterbox.spring;

import dev.letterbox.Mailbox;
import dev.letterbox.SmtpServer;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server of one application context, registered in it as a bean, with the test that uses its mailbox now: tests
 * on one context take turns, and one that meets another fails instead of reading that test's mail.
 */
final class ContextMailServer implements AutoCloseable {
    /** The bean name of this holder. */
    static final String BEAN_NAME = "letterboxContextMailServer";
    /** The bean name of the {@link Mailbox}. */
    static final String MAILBOX_BEAN_NAME = "letterboxMailbox";

    private final SmtpServer server;
    private final AtomicReference<String> runningTest = new AtomicReference<>();

    ContextMailServer(SmtpServer server) {
        this.server = server;
    }

    Mailbox mailbox() {
        return server.mailbox();
    }

    /**
     * Starts a test on this context's mailbox: makes the mailbox as new for it ({@link Mailbox#reset()}: no messages,
     * no rules of an earlier test).
     *
     * @param test the test, as {@code Class.method}
     * @throws IllegalStateException if another test is running on this context
     */
    void begin(String test) {
        String other = runningTest.compareAndExchange(null, test);
        if (other != null) {
            throw new IllegalStateException(test + " started while " + other + " is running, on the same Spring"
                    + " application context and so the same Letterbox mailbox (" + server.host() + ":"
                    + server.port() + "): each would see the other's mail. Tests of classes with @SpringCaptureMail"
                    + " hold the JUnit resource lock \"dev.letterbox.spring.SpringCaptureMail\"; run these in the same"
                    + " thread (@Execution(ExecutionMode.SAME_THREAD)) or give them different options, and so"
                    + " different contexts.");
        }
        server.mailbox().reset();
    }

    /**
     * Ends a test started with {@link #begin(String)}.
     *
     * @param test the test, as given to {@code begin}
     */
    void end(String test) {
        runningTest.updateAndGet(current -> test.equals(current) ? null : current);
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "ContextMailServer{" + server + "}";
    }
}
