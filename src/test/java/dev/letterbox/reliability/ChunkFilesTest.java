package dev.letterbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.SmtpTestClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BDAT chunks of a message that never gets its LAST chunk are released with their transaction: a spilled message's
 * temporary file is closed on RSET, on a new EHLO and when the connection ends. Counted in {@code /proc/self/fd}.
 */
class ChunkFilesTest {

    @BeforeEach
    void onLinux() {
        OpenFiles.assumeListable();
    }

    private static SmtpServer spilling() {
        return SmtpServer.start(ServerOptions.builder().spillThreshold(1024).build());
    }

    private static byte[] bigChunk() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        out.writeBytes(("BDAT " + chunk.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chunk);
        return out.toByteArray();
    }

    private static void startSpilledMessage(SmtpTestClient c) {
        c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0");
        c.command("RCPT TO:<b@example.com>").assertReply(250, "2.1.5");
        c.sendRaw(bigChunk());
        c.read().assertReply(250, "2.0.0");
    }

    private static Set<String> newSince(Set<String> before) {
        Set<String> now = new HashSet<>(OpenFiles.captureOrDeleted());
        now.removeAll(before);
        return now;
    }

    @Test
    void rsetAndEhloCloseTheFileOfAbandonedChunks() {
        try (SmtpServer server = spilling();
                SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            Set<String> before = OpenFiles.captureOrDeleted();

            startSpilledMessage(c);
            assertThat(newSince(before)).as("the spilled chunks are in a file").isNotEmpty();
            c.command("RSET").assertReply(250, "2.0.0");
            assertThat(newSince(before)).as("descriptors left open after RSET").isEmpty();

            startSpilledMessage(c);
            c.command("EHLO again.example").assertCode(250);
            assertThat(newSince(before)).as("descriptors left open after a new EHLO").isEmpty();
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void theEndOfTheConnectionClosesTheFileOfAbandonedChunks() {
        Set<String> before = OpenFiles.captureOrDeleted();
        SmtpServer server = spilling();
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            startSpilledMessage(c);
            assertThat(newSince(before)).as("the spilled chunks are in a file").isNotEmpty();
        } finally {
            server.close(); // returns when every session thread has ended
        }
        assertThat(newSince(before)).as("descriptors left open after the connection ended").isEmpty();
    }
}
