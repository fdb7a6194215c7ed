package dev.letterbox.internal.smtp;

import dev.letterbox.testing.SmtpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SIZE extension (RFC 1870), the BODY parameter (RFC 6152) and the size limit on the DATA stream. */
class SizeLimitTest extends ServerPerTest {
    private static final int LIMIT = 10_000;
    @Override
    ServerOptions options() {
        return ServerOptions.builder().maxMessageSize(LIMIT).build();
    }

    /** A message of exactly {@code size} octets (as stored), every line ending in CRLF. */
    private static String messageOfSize(int size) {
        StringBuilder sb = new StringBuilder("Subject: big\r\n\r\n");
        while (sb.length() + 80 <= size) {
            sb.append("x".repeat(78)).append("\r\n");
        }
        int rest = size - sb.length();
        if (rest >= 2) {
            sb.append("y".repeat(rest - 2)).append("\r\n");
        }
        assertThat(sb.length()).isEqualTo(size);
        return sb.toString();
    }

    @Test
    void mailWithDeclaredSizeAboveTheLimitIsRefusedBeforeData() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> SIZE=" + (LIMIT + 1)).assertReply(552, "5.3.4")
                    .assertTextContains(String.valueOf(LIMIT));

            c.command("RCPT TO:<b@example.com>").assertReply(503, "5.5.1");
        }
    }

    @Test
    void mailWithDeclaredSizeAtTheLimitIsAcceptedAndRecorded() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> SIZE=" + LIMIT).assertReply(250, "2.1.0");
            c.command("RCPT TO:<b@example.com>").assertCode(250);
            c.command("DATA").assertCode(354);
            c.send("Subject: x\r\n\r\nhi\r\n.\r\n");
            c.read().assertReply(250, "2.0.0");

            assertThat(server.mailbox().awaitMessage().envelope().mailParameter("SIZE")).isEqualTo("10000");
        }
    }

    @Test
    void nonNumericSizeIsAnswered501() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> SIZE=abc").assertReply(501, "5.5.4").assertTextContains("SIZE");
            c.command("MAIL FROM:<a@example.com> SIZE=-1").assertReply(501, "5.5.4");
            c.command("MAIL FROM:<a@example.com> SIZE=99999999999999999999999").assertReply(501, "5.5.4");
        }
    }

    @Test
    void body8BitMimeAnd7BitAreAccepted() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> BODY=8BITMIME").assertReply(250, "2.1.0");
            c.command("RSET").assertCode(250);
            c.command("MAIL FROM:<a@example.com> BODY=7bit").assertReply(250, "2.1.0");
        }
    }

    @Test
    void body8BitMimeMessageIsStoredWithItsEightBitOctets() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> BODY=8BITMIME").assertCode(250);
            c.command("RCPT TO:<b@example.com>").assertCode(250);
            c.command("DATA").assertCode(354);
            String body = "Subject: x\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                    + "Content-Transfer-Encoding: 8bit\r\n\r\nGrüße\r\n";
            c.send(body + ".\r\n");
            c.read().assertReply(250, "2.0.0");

            ReceivedMessage m = server.mailbox().awaitMessage();
            assertThat(m.raw()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
            assertThat(m.envelope().mailParameter("body")).isEqualTo("8BITMIME");
        }
    }

    @Test
    void bodyBinaryMimeIsNotImplementedWithoutChunking() {
        try (SmtpServer plain = SmtpServer.start(ServerOptions.builder()
                .withoutExtensions(dev.letterbox.SmtpExtension.CHUNKING).build());
                SmtpTestClient c = SmtpTestClient.connectEhlo(plain.host(), plain.port())) {
            c.command("MAIL FROM:<a@example.com> BODY=BINARYMIME").assertReply(555, "5.5.4")
                    .assertTextContains("BINARYMIME").assertTextContains("CHUNKING");
        }
    }

    @Test
    void unknownBodyValueIsASyntaxError() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> BODY=9BIT").assertReply(501, "5.5.4").assertTextContains("BODY");
        }
    }

    @Test
    void twentyDigitSizeAboveTheLimitIsRefusedAsTooLarge() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> SIZE=99999999999999999999").assertReply(552, "5.3.4");
        }
    }

    @Test
    void twentyDigitSizeIsAcceptedWithoutALimit() {
        try (SmtpServer unlimited = SmtpServer.start();
             SmtpTestClient c = SmtpTestClient.connectEhlo(unlimited.host(), unlimited.port())) {
            c.command("MAIL FROM:<a@example.com> SIZE=99999999999999999999").assertCode(250);
        }
    }

    @Test
    void sizeOfTwentyOneDigitsIsASyntaxError() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> SIZE=123456789012345678901").assertReply(501, "5.5.4")
                    .assertTextContains("SIZE");
        }
    }

    @Test
    void messageOfExactlyTheLimitIsAccepted() {
        try (SmtpTestClient c = connectEhlo()) {
            String message = messageOfSize(LIMIT);

            c.sendMessage("a@example.com", List.of("b@example.com"), message.substring(0, message.length() - 2))
                    .assertReply(250, "2.0.0");

            assertThat(server.mailbox().awaitMessage().size()).isEqualTo(LIMIT);
        }
    }

    @Test
    void dataStreamOverTheLimitIsReadToItsEndThenRefusedAndNothingIsStored() {
        try (SmtpTestClient c = connectEhlo()) {
            String tooBig = messageOfSize(3 * LIMIT);
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<b@example.com>").assertCode(250);
            c.command("DATA").assertCode(354);

            // the body contains lines that look like commands: none of them may be answered
            c.send(tooBig + "NOOP\r\nQUIT\r\n.\r\n");

            c.read().assertReply(552, "5.3.4").assertTextContains(String.valueOf(LIMIT));
            c.command("NOOP").assertReply(250, "2.0.0");
            c.sendMessage("a@example.com", List.of("c@example.com"), "Subject: small\r\n\r\nok")
                    .assertReply(250, "2.0.0");
            List<ReceivedMessage> messages = server.mailbox().awaitMessages(1);
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).envelope().recipients()).containsExactly("c@example.com");
        }
    }
}
