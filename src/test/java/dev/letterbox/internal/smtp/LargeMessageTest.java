package dev.letterbox.internal.smtp;

import dev.letterbox.testing.SmtpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.internal.store.RawContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.jupiter.api.Test;

/** Messages above the spill threshold go to a temporary file, come back byte-exact, and the file is deleted. */
class LargeMessageTest {

    /** A message as stored and as sent on the wire (dot-stuffed, with the end marker). */
    private record Payload(byte[] stored, byte[] wire) {
    }

    /** Lines of random 8-bit octets (never CR or LF), one in ten starting with a dot. */
    private static Payload payload(int approximateSize, long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream stored = new ByteArrayOutputStream(approximateSize + 1024);
        ByteArrayOutputStream wire = new ByteArrayOutputStream(approximateSize + 1024);
        byte[] header = "Subject: large\r\nContent-Type: application/octet-stream\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        stored.writeBytes(header);
        wire.writeBytes(header);
        int lineNo = 0;
        while (stored.size() < approximateSize) {
            byte[] line = new byte[1 + random.nextInt(200)];
            for (int i = 0; i < line.length; i++) {
                byte b;
                do {
                    b = (byte) random.nextInt(256);
                } while (b == '\r' || b == '\n');
                line[i] = b;
            }
            line[0] = lineNo++ % 10 == 0 ? (byte) '.' : line[0] == '.' ? (byte) 'x' : line[0];
            stored.writeBytes(line);
            stored.writeBytes(new byte[] {'\r', '\n'});
            if (line[0] == '.') {
                wire.write('.');
            }
            wire.writeBytes(line);
            wire.writeBytes(new byte[] {'\r', '\n'});
        }
        wire.writeBytes(new byte[] {'.', '\r', '\n'});
        return new Payload(stored.toByteArray(), wire.toByteArray());
    }

    private static ReceivedMessage send(SmtpServer server, Payload payload) {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("MAIL FROM:<a@example.com> SIZE=" + payload.stored().length).assertCode(250);
            c.command("RCPT TO:<b@example.com>").assertCode(250);
            c.command("DATA").assertCode(354);
            c.sendRaw(payload.wire());
            c.read().assertReply(250, "2.0.0").assertTextContains(payload.stored().length + " octets");
            c.command("QUIT").assertCode(221);
        }
        return server.mailbox().awaitMessage();
    }

    /** The temporary file behind a message, read through private state (the public API hides it). */
    private static Path fileOf(ReceivedMessage message) {
        Method content = ReflectionSupport.findMethod(ReceivedMessage.class, "content")
                .orElseThrow(() -> new IllegalStateException("ReceivedMessage has no content() method"));
        return ((RawContent) ReflectionSupport.invokeMethod(content, message)).file();
    }

    @Test
    void messageAboveTheSpillThresholdIsCapturedByteExactInATemporaryFile() throws IOException {
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().spillThreshold(4096).build())) {
            Payload payload = payload(200 * 1024, 1);

            ReceivedMessage message = send(server, payload);

            assertThat(message.size()).isEqualTo(payload.stored().length);
            assertThat(message.raw()).isEqualTo(payload.stored());
            try (InputStream in = message.rawStream()) {
                assertThat(in.readAllBytes()).isEqualTo(payload.stored());
            }
            Path file = fileOf(message);
            assertThat(file).isNotNull().exists();
            assertThat(file.getFileName().toString()).startsWith("letterbox-").endsWith(".eml");
            assertThat(Files.size(file)).isEqualTo(payload.stored().length);
        }
    }

    @Test
    void messageBelowTheSpillThresholdStaysOnTheHeap() {
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().spillThreshold(4096).build())) {
            Payload payload = payload(3000, 2);

            ReceivedMessage message = send(server, payload);

            assertThat(message.raw()).isEqualTo(payload.stored());
            assertThat(fileOf(message)).isNull();
        }
    }

    @Test
    void temporaryFileIsDeletedWhenTheMailboxIsCleared() {
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().spillThreshold(4096).build())) {
            ReceivedMessage message = send(server, payload(20 * 1024, 3));
            message.subject();   // parsing opens the file too: clearing must still delete it
            Path file = fileOf(message);
            assertThat(file).exists();

            server.mailbox().clear();

            assertThat(file).doesNotExist();
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void threeMegabyteMessageIsCapturedByteExactAndItsFileDeletedOnClose() {
        Path file;
        try (SmtpServer server = SmtpServer.start()) {
            Payload payload = payload(3 * 1024 * 1024, 4);

            ReceivedMessage message = send(server, payload);

            assertThat(message.raw()).isEqualTo(payload.stored());
            file = fileOf(message);
            assertThat(file).exists();
        }
        assertThat(file).doesNotExist();
    }
}
