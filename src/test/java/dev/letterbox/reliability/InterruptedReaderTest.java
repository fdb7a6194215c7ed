package dev.letterbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Attachment;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Smtp;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A thread that is interrupted while it reads a spilled message does not break the message for everyone else: the
 * captured file is read without an interruptible channel (an interrupt would close it for every part).
 */
class InterruptedReaderTest {

    @Test
    void aReaderWithItsInterruptFlagSetLeavesTheSpilledMessageReadable() {
        byte[] pdf = new byte[40_000];
        new Random(18).nextBytes(pdf);
        try (BothStorages servers = new BothStorages()) {
            SmtpServer server = servers.server(true);
            ReceivedMessage m = Smtp.deliver(server, "shop@example.com", List.of("ann@example.com"), """
                    From: shop@example.com
                    Subject: report
                    MIME-Version: 1.0
                    Content-Type: multipart/mixed; boundary="b"

                    --b
                    Content-Type: text/plain

                    See the attachment.
                    --b
                    Content-Type: application/pdf; name="report.pdf"
                    Content-Transfer-Encoding: base64

                    %s
                    --b--
                    """.formatted(Base64.getMimeEncoder().encodeToString(pdf)));
            Attachment report = m.attachments().get(0);

            Thread.currentThread().interrupt();
            byte[] readWhileInterrupted;
            try {
                readWhileInterrupted = report.bytes();
            } finally {
                Thread.interrupted(); // clear it again
            }

            assertThat(readWhileInterrupted).isEqualTo(pdf);
            assertThat(report.bytes()).isEqualTo(pdf);
            assertThat(m.textBody()).isEqualTo("See the attachment.");
        }
    }
}
