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

    /** Waits (by joining, with a timeout) until every session thread of the port but the acceptor (#0) has ended. */
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
