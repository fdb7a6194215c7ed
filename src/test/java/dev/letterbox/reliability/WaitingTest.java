package dev.letterbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Smtp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Waiting never blocks the server: a timed-out wait describes what arrived outside the mailbox's lock, so clients
 * keep delivering and {@code close()} returns meanwhile; and a closed server ends every wait at once, saying so.
 * The waits of these tests are bounded (a minute) so that a regression fails instead of hanging.
 */
class WaitingTest {
    private static final Duration LONG = Duration.ofMinutes(10);

    @Test
    void deliveryCompletesWhileATimedOutAwaitDescribesTheMailbox() throws Exception {
        try (SmtpServer server = SmtpServer.start(); GateCharsets.Gate gate = GateCharsets.Gate.create()) {
            deliver(server, gate.encodedWord("held up"));
            Task<Throwable> waiting = inThread("awaiter",
                    () -> catchThrowable(() -> server.mailbox().awaitMessages(2, Duration.ZERO)));
            gate.awaitEntered(); // the timed-out await is describing message [0], and stays there

            Task<ReceivedMessage> second = inThread("deliverer", () -> deliver(server, "second"));

            assertThat(second.get().subject()).isEqualTo("second");
            gate.release();
            assertThat(waiting.get())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Timed out after 0 s waiting for 2 messages")
                    .hasMessageContaining("received 1:")
                    .hasMessageContaining("Subject: held up");
        }
    }

    @Test
    void closeReturnsWhileATimedOutAwaitDescribesTheMailbox() throws Exception {
        SmtpServer server = SmtpServer.start();
        try (GateCharsets.Gate gate = GateCharsets.Gate.create()) {
            deliver(server, gate.encodedWord("held up")); // and awaited: the next awaitMessage waits for [1]
            Task<Throwable> waiting = inThread("awaiter",
                    () -> catchThrowable(() -> server.mailbox().awaitMessage(Duration.ZERO)));
            gate.awaitEntered();

            Task<Void> closing = inThread("closer", () -> {
                server.close();
                return null;
            });

            closing.get();
            assertThat(server.isRunning()).isFalse();
            gate.release();
            assertThat(waiting.get()).isInstanceOf(AssertionError.class);
        } finally {
            server.close();
        }
    }

    @Test
    void closeEndsAnAwaitMessageAtOnceSayingTheServerWasClosed() throws Exception {
        SmtpServer server = SmtpServer.start();
        try {
            deliver(server, "first"); // and awaited: the next awaitMessage waits for [1]
            Task<Throwable> waiting = inThread("awaiter",
                    () -> catchThrowable(() -> server.mailbox().awaitMessage(LONG))).awaitTimedWaiting();

            server.close();

            assertThat(waiting.get())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Stopped waiting for message [1] at " + server.host() + ":" + server.port()
                            + ": the server was closed; received 1:")
                    .hasMessageContaining("[0] from=<shop@example.com>");
        } finally {
            server.close();
        }
    }

    @Test
    void closeEndsAnAwaitMessagesAndAQuietPeriodAtOnce() throws Exception {
        SmtpServer server = SmtpServer.start();
        try {
            Task<Throwable> messages = inThread("awaiter",
                    () -> catchThrowable(() -> server.mailbox().awaitMessages(3, LONG))).awaitTimedWaiting();
            Task<Throwable> quiet = inThread("quiet",
                    () -> catchThrowable(() -> server.mailbox().awaitNoMoreMessages(LONG))).awaitTimedWaiting();

            server.close();

            assertThat(messages.get()).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("waiting for 3 messages").hasMessageContaining("the server was closed");
            assertThat(quiet.get()).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("the server was closed");
        } finally {
            server.close();
        }
    }

    @Test
    void awaitingOnAClosedServerFailsAtOnce() {
        SmtpServer server = SmtpServer.start();
        server.close();

        for (ThrowingCallable wait : List.<ThrowingCallable>of(
                () -> server.mailbox().awaitMessage(LONG),
                () -> server.mailbox().awaitMessages(1, LONG),
                () -> server.mailbox().awaitNoMoreMessages(LONG))) {
            assertThat(catchThrowable(wait)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("the server was closed");
        }
    }

    private static ReceivedMessage deliver(SmtpServer server, String subject) {
        return Smtp.deliver(server, "shop@example.com", List.of("ann@example.com"), """
                From: shop@example.com
                To: ann@example.com
                Subject: %s

                body
                """.formatted(subject));
    }

    /** A task running in a thread of its own (named, daemon), not in a shared pool a blocked task could starve. */
    private record Task<T>(Thread thread, CompletableFuture<T> result) {
        T get() throws Exception {
            return result.get(1, TimeUnit.MINUTES);
        }

        /** Waits (without sleeping) until the thread is parked in a timed wait, or has finished. */
        Task<T> awaitTimedWaiting() {
            while (!result.isDone() && thread.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            return this;
        }
    }

    private static <T> Task<T> inThread(String name, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(task.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "waiting-test-" + name);
        t.setDaemon(true);
        t.start();
        return new Task<>(t, result);
    }
}
