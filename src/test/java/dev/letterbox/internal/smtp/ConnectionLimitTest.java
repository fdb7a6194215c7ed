package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.SmtpTestClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The server never serves more sessions than its cap, and a failure to start one costs only that connection. */
class ConnectionLimitTest {

    @Test
    void connectionBeyondTheCapGets421AndTheServerServesAgainOnceSessionsEnd() throws Exception {
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().maxConnections(2).build())) {
            try (SmtpTestClient a = SmtpTestClient.connect(server.host(), server.port());
                 SmtpTestClient b = SmtpTestClient.connect(server.host(), server.port())) {
                a.expect(220);
                b.expect(220);
                try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
                    c.read().assertReply(421, "4.3.2").assertTextContains("Too many connections");
                    c.assertClosedByServer();
                }
            }
            ServerThreads.awaitSessionsEnded(server.port());

            try (SmtpTestClient d = SmtpTestClient.connect(server.host(), server.port())) {
                d.expect(220);
            }
            assertThat(server.isRunning()).isTrue();
            assertThat(server.failure()).isNull();
        }
    }

    @Test
    void failingToStartASessionThreadCostsOnlyTheConnectionsThatHitIt() {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        SmtpListener listener = SmtpListener.start(ServerOptions.defaults(),
                DeliveringHost.to((e, content) -> content.release()), thread -> {
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new OutOfMemoryError("unable to create native thread: possibly out of memory");
                    }
                    thread.start();
                });
        try {
            for (int i = 0; i < 3; i++) {
                try (SmtpTestClient c = SmtpTestClient.connect(listener.host(), listener.port())) {
                    c.read().assertReply(421, "4.3.2").assertTextContains("Cannot serve this connection now",
                            "unable to create native thread");
                    c.assertClosedByServer();
                }
            }

            try (SmtpTestClient c = SmtpTestClient.connectEhlo(listener.host(), listener.port())) {
                c.command("NOOP").assertReply(250, "2.0.0");
            }
            assertThat(listener.failure()).isNull();
            assertThat(listener.isClosed()).isFalse();
        } finally {
            listener.close();
        }
    }

    @Test
    void listenerWhoseAcceptKeepsFailingStopsAndSaysWhy() throws Exception {
        SmtpListener listener = SmtpListener.start(ServerOptions.defaults(),
                DeliveringHost.to((e, content) -> content.release()));
        try {
            Thread acceptor = ServerThreads.of(listener.port()).stream()
                    .filter(t -> t.getName().endsWith("-0")).findFirst().orElseThrow();

            listener.breakSocketForTests();
            acceptor.join(30_000);

            assertThat(acceptor.isAlive()).as("the acceptor gave up").isFalse();
            assertThat(listener.isClosed()).isFalse();
            assertThat(listener.failure()).as("the reason is kept").isNotNull()
                    .hasMessageContaining("Socket is closed");
        } finally {
            listener.close();
        }
    }
}
