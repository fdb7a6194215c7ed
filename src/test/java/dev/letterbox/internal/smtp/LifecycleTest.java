package dev.letterbox.internal.smtp;

import dev.letterbox.testing.SmtpTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.Envelope;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.internal.store.RawContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting and closing: threads, sockets, ports, and what a client in flight sees. */
class LifecycleTest {

    @Test
    void startReturnsOnceThePortAcceptsConnections() {
        try (SmtpServer server = SmtpServer.start();
             SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {

            c.expect(220);

            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isPositive();
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void threadsAreDaemonAndNamedAfterThePortAndGoneAfterClose() {
        SmtpServer server = SmtpServer.start();
        int port = server.port();
        try (SmtpTestClient first = SmtpTestClient.connectEhlo(server.host(), port);
             SmtpTestClient second = SmtpTestClient.connectEhlo(server.host(), port)) {
            first.command("NOOP").assertCode(250);
            second.command("NOOP").assertCode(250);

            List<Thread> threads = ServerThreads.of(port);

            assertThat(threads).hasSizeGreaterThanOrEqualTo(3)   // the acceptor and one per session
                    .allSatisfy(t -> {
                        assertThat(t.isDaemon()).as("%s is daemon", t.getName()).isTrue();
                        assertThat(t.getName()).matches("letterbox-smtp-" + port + "-\\d+");
                    });
            server.close();
        }
        assertThat(ServerThreads.of(port)).as("threads of the closed server").isEmpty();
    }

    @Test
    void closeWithASessionMidDataAnswers421ClosesTheSocketEndsEveryThreadAndFreesThePort() throws IOException {
        SmtpServer server = SmtpServer.start();
        int port = server.port();
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), port)) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<b@example.com>").assertCode(250);
            c.command("DATA").assertCode(354);
            c.send("Subject: half\r\n\r\nthe first half of the message\r\n");

            server.close();

            c.read().assertReply(421, "4.3.2");
            c.assertClosedByServer();
        }
        assertThat(server.isRunning()).isFalse();
        assertThat(ServerThreads.of(port)).as("threads of the closed server").isEmpty();
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void closeWithASessionMidDataDeliversNothingPartial() {
        // the listener level, with a sink that records every delivery: the mailbox is cleared on close, the sink not
        List<Envelope> delivered = new CopyOnWriteArrayList<>();
        SmtpListener listener = SmtpListener.start(ServerOptions.defaults(), DeliveringHost.to((Envelope e, RawContent content) -> {
            delivered.add(e);
            content.release();
        }));
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(listener.host(), listener.port())) {
            c.sendMessage("a@example.com", List.of("whole@example.com"), "Subject: whole\r\n\r\nok")
                    .assertReply(250, "2.0.0");
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<half@example.com>").assertCode(250);
            c.command("DATA").assertCode(354);
            c.send("Subject: half\r\n\r\nthe first half\r\n.");

            listener.close();

            c.read().assertReply(421, "4.3.2");
        }
        assertThat(delivered).extracting(Envelope::recipients).containsExactly(List.of("whole@example.com"));
    }

    @Test
    void failingStoreIsAnswered451AndNothingAcknowledgedIsLost() {
        List<String> stored = new CopyOnWriteArrayList<>();
        List<Boolean> failNext = new CopyOnWriteArrayList<>(List.of(true));
        SmtpListener listener = SmtpListener.start(ServerOptions.defaults(), DeliveringHost.to((Envelope e, RawContent content) -> {
            if (!failNext.isEmpty() && failNext.remove(0)) {
                throw new IllegalStateException("disk full");
            }
            stored.add(e.recipients().get(0));
            content.release();
        }));
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(listener.host(), listener.port())) {
            c.sendMessage("a@example.com", List.of("first@example.com"), "Subject: one\r\n\r\nx")
                    .assertReply(451, "4.3.0").assertTextContains("disk full").assertTextContains("nothing was stored");

            c.sendMessage("a@example.com", List.of("second@example.com"), "Subject: two\r\n\r\nx")
                    .assertReply(250, "2.0.0");
        } finally {
            listener.close();
        }
        assertThat(stored).containsExactly("second@example.com");
    }

    @Test
    void concurrentClosesBothReturnOnlyWhenEveryThreadIsGone() throws Exception {
        SmtpServer server = SmtpServer.start();
        int port = server.port();
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), port)) {
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<List<Thread>> other =
                    CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(go);
                        server.close();
                        return ServerThreads.of(port);
                    });

            go.countDown();
            server.close();
            List<Thread> aliveAfterThisClose = ServerThreads.of(port);

            assertThat(aliveAfterThisClose).isEmpty();
            assertThat(other.get(15, TimeUnit.SECONDS)).isEmpty();
            c.read().assertReply(421, "4.3.2");
            c.assertClosedByServer();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void closeAnswers421ToIdleSessionsAndIsIdempotent() {
        SmtpServer server = SmtpServer.start();
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {

            server.close();
            server.close();

            c.read().assertReply(421, "4.3.2");
            c.assertClosedByServer();
        }
    }

    @Test
    void portCanBeReusedByANewServerRightAfterClose() {
        int port;
        try (SmtpServer first = SmtpServer.start();
             SmtpTestClient c = SmtpTestClient.connectEhlo(first.host(), first.port())) {
            port = first.port();
            c.sendMessage("a@example.com", List.of("b@example.com"), "Subject: x\r\n\r\nhi").assertCode(250);
        }

        try (SmtpServer second = SmtpServer.start(ServerOptions.builder().port(port).build());
             SmtpTestClient c = SmtpTestClient.connectEhlo(second.host(), second.port())) {

            assertThat(second.port()).isEqualTo(port);
            c.command("NOOP").assertCode(250);
        }
    }

    @Test
    void bindFailureNamesTheAddressAndPort() {
        try (SmtpServer first = SmtpServer.start()) {
            ServerOptions samePort = ServerOptions.builder().port(first.port()).build();

            assertThatThrownBy(() -> SmtpServer.start(samePort))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port())
                    .hasMessageContaining("port 0");
        }
    }

    @Test
    void builderRejectsBadValuesSayingWhatIsAllowed() {
        ServerOptions.Builder b = ServerOptions.builder();

        assertThatThrownBy(() -> b.port(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("port", "0", "65535", "-1");
        assertThatThrownBy(() -> b.port(65536)).hasMessageContainingAll("1..65535", "65536");
        assertThatThrownBy(() -> b.host(" ")).hasMessageContaining("127.0.0.1");
        assertThatThrownBy(() -> b.serverName("mail test")).hasMessageContainingAll("white space", "mail test");
        assertThatThrownBy(() -> b.maxMessageSize(-1)).hasMessageContainingAll("0 (no limit)", "-1");
        assertThatThrownBy(() -> b.maxCommandLineLength(511)).hasMessageContainingAll("at least 512", "4.5.3.1.4",
                "511");
        assertThatThrownBy(() -> b.maxRecipients(99)).hasMessageContainingAll("at least 100", "4.5.3.1.8", "99");
        assertThatThrownBy(() -> b.idleTimeout(Duration.ZERO)).hasMessageContainingAll("idleTimeout", "at least 1 ms");
        assertThatThrownBy(() -> b.awaitTimeout(Duration.ofMillis(-5))).hasMessageContainingAll("awaitTimeout",
                "at least 1 ms");
        assertThatThrownBy(() -> b.spillThreshold(1023)).hasMessageContainingAll("spillThreshold", "at least 1024",
                "1023");
        assertThatThrownBy(() -> b.idleTimeout(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("idleTimeout");
        assertThat(b.build()).isEqualTo(ServerOptions.defaults());
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void closeReturnsEvenWhenAClientFloodsCommandsAndNeverReadsReplies() throws Exception {
        SmtpServer server = SmtpServer.start();
        int port = server.port();
        try (SocketChannel flooder = SocketChannel.open();
             Selector selector = Selector.open()) {
            flooder.socket().setReceiveBufferSize(1024);   // so the server's replies back up fast
            flooder.connect(new InetSocketAddress(server.host(), port));
            flooder.configureBlocking(false);
            flooder.register(selector, SelectionKey.OP_WRITE);
            ByteBuffer noops = ByteBuffer.wrap("NOOP\r\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII));
            // write commands, never read a reply, until the connection stays unwritable: by then the server's
            // replies fill every buffer, so its session is blocked writing (a heuristic; if it misfires, the test
            // only checks less)
            for (long total = 0; total < 500_000_000L; ) {
                if (!noops.hasRemaining()) {
                    noops.rewind();
                }
                int n = flooder.write(noops);
                total += n;
                if (n == 0 && selector.select(500) == 0) {
                    break;
                }
                selector.selectedKeys().clear();
            }

            server.close();
        }
        assertThat(server.isRunning()).isFalse();
        assertThat(ServerThreads.of(port)).as("threads of the closed server").isEmpty();
    }
}
