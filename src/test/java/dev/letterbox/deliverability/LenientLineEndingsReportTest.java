package dev.letterbox.deliverability;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.ViolationCode;
import dev.letterbox.testing.SmtpTestClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What lenientLineEndings lets through is still reported: the accepted message shows BARE_LF among its violations. */
class LenientLineEndingsReportTest {
    private static final String BARE = "From: shop@example.com\r\nDate: Tue, 3 Mar 2026 10:15:30 +0100\r\n"
            + "Message-ID: <a@example.com>\r\n\r\nwritten\non Unix\r\n";

    @Test
    void aBareLineFeedAcceptedUnderLenientLineEndingsIsReportedAsAViolation() {
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().lenientLineEndings(true).build())) {
            ReceivedMessage message = Delivery.deliver(server, "", BARE.getBytes(StandardCharsets.US_ASCII));

            assertThat(message).hasViolation(ViolationCode.BARE_LF)
                    .hasNoViolationsExcept(ViolationCode.BARE_LF);
            org.assertj.core.api.Assertions.assertThat(message.violations().get(0).place()).isEqualTo("line 5");
        }
    }

    @Test
    void theSameMessageIsRefusedByDefault() {
        try (SmtpServer server = SmtpServer.start();
             SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.sendMessage("shop@example.com", List.of("ann@example.com"), BARE.getBytes(StandardCharsets.US_ASCII))
                    .assertReply(550, "5.5.2");
        }
    }
}
