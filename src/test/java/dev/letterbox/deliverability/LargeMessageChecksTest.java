package dev.letterbox.deliverability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.ViolationCode;
import dev.letterbox.Violation;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A message kept in a temporary file is checked from the file, and a clear error follows its deletion. */
class LargeMessageChecksTest {
    private static final String HEADERS = "From: shop@example.com\r\nDate: Tue, 3 Mar 2026 10:15:30 +0100\r\n"
            + "Message-ID: <big@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n";

    @Test
    void aSpilledMessageIsCheckedFromItsFile() {
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().spillThreshold(16 * 1024).build())) {
            String body = "a line of text\r\n".repeat(20_000) + "x".repeat(1500) + "\r\n";
            ReceivedMessage message = Delivery.deliver(server, "", (HEADERS + body).getBytes(StandardCharsets.UTF_8));

            assertThat(message.size()).isGreaterThan(300_000);
            assertThat(message.violations()).extracting(Violation::code).containsExactly(ViolationCode.LINE_TOO_LONG);
            assertThat(message.violations().get(0).place()).isEqualTo("line 20007");
        }
    }

    @Test
    void checkingAfterTheMailboxWasClearedSaysWhatHappened() {
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().spillThreshold(1024).build())) {
            ReceivedMessage message = Delivery.deliver(server, "",
                    (HEADERS + "text\r\n".repeat(1000)).getBytes(StandardCharsets.UTF_8));
            server.mailbox().clear();

            assertThatThrownBy(message::violations).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("was deleted when the mailbox was cleared or the server closed");
            assertThatThrownBy(message::dkimSignatures).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("was deleted when the mailbox was cleared or the server closed");
        }
    }
}
