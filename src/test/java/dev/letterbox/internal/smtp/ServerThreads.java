package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

/** Finds the threads a server started, by their documented name {@code letterbox-smtp-<port>-<n>}. */
final class ServerThreads {
    private ServerThreads() {
    }

    static List<Thread> of(int port) {
        String prefix = "letterbox-smtp-" + port + "-";
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
                .collect(Collectors.toList());
    }

    /** @return the threads of the port other than the acceptor (#0) */
    static List<Thread> sessionThreads(int port) {
        String acceptor = "letterbox-smtp-" + port + "-0";
        return of(port).stream().filter(t -> !t.getName().equals(acceptor)).collect(Collectors.toList());
    }

    /**
     * Waits (by joining, with a timeout) until every session thread of the port but the acceptor (#0) has ended: a
     * thread whose session ended ends {@link SmtpListener#IDLE_THREAD_MILLIS} later unless another connection came.
     */
    static void awaitSessionsEnded(int port) throws InterruptedException {
        String acceptor = "letterbox-smtp-" + port + "-0";
        for (Thread t : of(port)) {
            if (!t.getName().equals(acceptor)) {
                t.join(5_000);
                assertThat(t.isAlive()).as("session thread %s still alive after 5 s", t.getName()).isFalse();
            }
        }
    }
}
