package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ServerOptions;
import dev.letterbox.testing.SmtpTestClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listener reuses the thread of an ended session for the next connection, and lets idle threads go. */
class SessionThreadPoolTest {
    private static final SessionHost DISCARD = DeliveringHost.to((envelope, content) -> content.release());

    @Test
    void theThreadOfAnEndedSessionServesTheNextConnection() throws Exception {
        SmtpListener listener = SmtpListener.start(ServerOptions.defaults(), DISCARD, 60_000);
        try {
            int port = listener.port();
            quitOnce(listener);
            List<Thread> afterFirst = ServerThreads.sessionThreads(port);
            assertThat(afterFirst).hasSize(1);
            awaitIdle(afterFirst.get(0));

            try (SmtpTestClient second = SmtpTestClient.connectEhlo(listener.host(), port)) {
                second.command("NOOP").assertCode(250);

                assertThat(ServerThreads.sessionThreads(port)).as("threads serving the second connection")
                        .containsExactlyElementsOf(afterFirst);
            }
        } finally {
            listener.close();
        }
        assertThat(ServerThreads.of(listener.port())).as("threads of the closed listener").isEmpty();
    }

    @Test
    void anInterruptOfOneSessionDoesNotReachTheIdleThreadNorTheNextSession() throws Exception {
        SmtpListener listener = SmtpListener.start(ServerOptions.defaults(), DISCARD, 60_000);
        try {
            int port = listener.port();
            Thread thread;
            try (SmtpTestClient c = SmtpTestClient.connectEhlo(listener.host(), port)) {
                thread = ServerThreads.sessionThreads(port).get(0);
                thread.interrupt(); // blocked in a socket read: the flag stays set through the session
                c.command("QUIT").assertCode(221);
                c.assertClosedByServer();
            }

            awaitIdle(thread); // parked: with the flag still set, parkNanos would return at once and spin

            try (SmtpTestClient next = SmtpTestClient.connectEhlo(listener.host(), port)) {
                next.command("NOOP").assertCode(250);
                assertThat(ServerThreads.sessionThreads(port)).containsExactly(thread);
                assertThat(thread.isInterrupted()).as("interrupt flag of the thread serving the next session")
                        .isFalse();
            }
        } finally {
            listener.close();
        }
    }

    @Test
    void anIdleSessionThreadEndsAfterItsWaitWhileTheListenerRuns() throws Exception {
        SmtpListener listener = SmtpListener.start(ServerOptions.defaults(), DISCARD, 50);
        try {
            List<Thread> threads;
            try (SmtpTestClient c = SmtpTestClient.connectEhlo(listener.host(), listener.port())) {
                threads = ServerThreads.sessionThreads(listener.port()); // while its session runs
                c.command("QUIT").assertCode(221);
                c.assertClosedByServer();
            }
            assertThat(threads).hasSize(1);

            threads.get(0).join(5_000);

            assertThat(threads.get(0).isAlive()).as("idle thread %s alive 5 s after its session", threads.get(0))
                    .isFalse();
            assertThat(listener.isClosed()).isFalse();
            quitOnce(listener); // and the listener still serves, on a new thread
        } finally {
            listener.close();
        }
    }

    @Test
    void twoIdleThreadsServeTwoLaterConcurrentConnectionsAndCloseEndsThemAll() throws Exception {
        SmtpListener listener = SmtpListener.start(ServerOptions.defaults(), DISCARD, 60_000);
        int port = listener.port();
        try {
            List<Thread> first;
            try (SmtpTestClient a = SmtpTestClient.connectEhlo(listener.host(), port);
                 SmtpTestClient b = SmtpTestClient.connectEhlo(listener.host(), port)) {
                first = ServerThreads.sessionThreads(port); // both sessions run at once: a thread each
                a.command("QUIT").assertCode(221);
                b.command("QUIT").assertCode(221);
                a.assertClosedByServer();
                b.assertClosedByServer();
            }
            assertThat(first).hasSize(2);
            first.forEach(SessionThreadPoolTest::awaitIdle);

            try (SmtpTestClient a = SmtpTestClient.connectEhlo(listener.host(), port);
                 SmtpTestClient b = SmtpTestClient.connectEhlo(listener.host(), port)) {
                a.command("NOOP").assertCode(250);
                b.command("NOOP").assertCode(250);

                assertThat(ServerThreads.sessionThreads(port)).as("threads serving the later connections")
                        .containsExactlyInAnyOrderElementsOf(first);
            }
        } finally {
            listener.close();
        }
        assertThat(ServerThreads.of(port)).as("threads of the closed listener, idle for 60 s before").isEmpty();
    }

    private static void quitOnce(SmtpListener listener) {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(listener.host(), listener.port())) {
            c.command("QUIT").assertCode(221);
            c.assertClosedByServer();
        }
    }

    /** Waits until the thread waits in the pool for its next session (timed: the pool's idle wait). */
    private static void awaitIdle(Thread t) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (t.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("%s still in its session after 10 s", t.getName()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
