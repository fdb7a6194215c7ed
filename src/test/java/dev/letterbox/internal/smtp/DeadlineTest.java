package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ServerOptions;
import dev.letterbox.Transcript;
import dev.letterbox.testing.SmtpTestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client that trickles a command or a message octet by octet, each octet well within the idle timeout, is cut off
 * at the command or data deadline; waiting between commands is idling and does not count.
 */
class DeadlineTest extends ServerPerTest {
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

    @Override
    ServerOptions options() {
        return ServerOptions.builder().idleTimeout(Duration.ofSeconds(3)).commandTimeout(Duration.ofMillis(300))
                .dataTimeout(Duration.ofMillis(500)).writeTimeout(Duration.ofMillis(300)).build();
    }

    @AfterEach
    void stopClock() {
        clock.shutdownNow();
    }

    /** Writes one octet every 50 ms, as a slow-loris client does, until the text is sent or the socket fails. */
    private void trickle(SmtpTestClient c, String text) throws IOException {
        OutputStream out = c.socket().getOutputStream();
        byte[] octets = text.getBytes(StandardCharsets.US_ASCII);
        AtomicInteger next = new AtomicInteger();
        clock.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i < octets.length) {
                try {
                    out.write(octets[i]);
                    out.flush();
                } catch (IOException closed) {
                    next.set(octets.length); // the server hung up: stop
                }
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    @Test
    void commandTrickledPastTheCommandTimeoutIsCutOffWith421() throws IOException {
        try (SmtpTestClient c = connectEhlo()) {
            trickle(c, "NOOP and a lot of padding to make it slow\r\n");

            c.read().assertReply(421, "4.4.2").assertTextContains("Command line took longer than the command timeout");
            c.assertClosedByServer();
        }
    }

    @Test
    void messageTrickledPastTheDataTimeoutIsCutOffAndNothingIsStored() throws IOException {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<b@example.com>").assertCode(250);
            c.command("DATA").assertCode(354);
            trickle(c, "Subject: slow\r\n\r\nthis message arrives one octet at a time\r\n.\r\n");

            c.read().assertReply(421, "4.4.2").assertTextContains("data timeout", "nothing was stored");
            c.assertClosedByServer();
        }
        assertThat(server.mailbox().messages()).isEmpty();
    }

    @Test
    void clientThatNeverReadsItsRepliesIsDisconnectedAfterTheWriteTimeout() throws Exception {
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(new InetSocketAddress(server.host(), server.port()));
            // HELP answers three lines for six octets: the replies fill both socket buffers while nothing reads them
            byte[] flood = "HELP\r\n".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
            Future<Throwable> writer = clock.submit(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        s.getOutputStream().write(flood);
                    }
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });

            assertThat(writer.get(30, TimeUnit.SECONDS)).as("the server disconnected the client")
                    .isInstanceOf(IOException.class);
        }
        ServerThreads.awaitSessionsEnded(server.port());
        assertThat(server.mailbox().transcripts().get(0).lines()).extracting(Transcript.Line::text)
                .contains("the client did not read its replies for PT0.3S, disconnected");
    }

    @Test
    void waitingBetweenCommandsIsIdlingNotACommandTakingLong() throws Exception {
        try (SmtpTestClient c = connectEhlo()) {
            // the next command starts well after the command timeout, then arrives whole
            clock.schedule(() -> c.sendLine("NOOP"), 600, TimeUnit.MILLISECONDS).get();

            c.read().assertReply(250, "2.0.0");
        }
    }
}
