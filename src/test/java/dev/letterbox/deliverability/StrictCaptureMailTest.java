package dev.letterbox.deliverability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.testing.SmtpTestClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @CaptureMail(strict = true)} gives the test a server that refuses what providers would. */
@CaptureMail(strict = true)
class StrictCaptureMailTest {

    @Test
    void theAnnotatedServerRefusesAMessageWithoutFrom(Mailbox mailbox) {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(mailbox.host(), mailbox.port())) {
            c.sendMessage("shop@example.com", List.of("ann@example.com"), ("To: ann@example.com\r\n"
                    + "Message-ID: <a@example.com>\r\n\r\nHi\r\n").getBytes(StandardCharsets.US_ASCII))
                    .assertReply(550, "5.6.0").assertTextContains("MISSING_FROM");
        }

        assertThat(mailbox.messages()).isEmpty();
    }
}
