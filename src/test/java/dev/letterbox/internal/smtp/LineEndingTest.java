package dev.letterbox.internal.smtp;

import dev.letterbox.testing.SmtpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bare CR and bare LF inside DATA (RFC 5321 section 2.3.8): never a line end, refused by default, stored unchanged
 * when lenient; and SMTP smuggling attempts never split one DATA stream into two messages.
 */
class LineEndingTest {
    private static final String HEADER = "Subject: x\r\n\r\n";

    private static SmtpServer strict() {
        return SmtpServer.start();
    }

    private static SmtpServer lenient() {
        return SmtpServer.start(ServerOptions.builder().lenientLineEndings(true).build());
    }

    /** Opens a transaction, sends DATA and the given stream (which includes its terminator), returns the reply. */
    private static SmtpTestClient.Response sendData(SmtpTestClient c, String stream) {
        c.command("MAIL FROM:<a@example.com>").assertCode(250);
        c.command("RCPT TO:<b@example.com>").assertCode(250);
        c.command("DATA").assertCode(354);
        c.send(stream);
        return c.read();
    }

    @Test
    void bareLineFeedIsRefusedByDefault() {
        try (SmtpServer server = strict();
             SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {

            SmtpTestClient.Response reply = sendData(c, HEADER + "line one\nline two\r\n.\r\n");

            assertThat(reply.code()).isBetween(500, 599);
            assertThat(reply.enhanced()).startsWith("5.");
            reply.assertTextContains("bare <LF>", "line 3", "nothing was stored");
            c.command("NOOP").assertReply(250, "2.0.0");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void bareCarriageReturnIsRefusedByDefault() {
        try (SmtpServer server = strict();
             SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {

            SmtpTestClient.Response reply = sendData(c, HEADER + "line one\rline two\r\n.\r\n");

            assertThat(reply.code()).isBetween(500, 599);
            reply.assertTextContains("bare <CR>");
            c.command("NOOP").assertReply(250, "2.0.0");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void sessionCanSendAGoodMessageAfterARefusedOne() {
        try (SmtpServer server = strict();
             SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            assertThat(sendData(c, HEADER + "bad\n\r\n.\r\n").code()).isGreaterThanOrEqualTo(500);

            sendData(c, HEADER + "good\r\n.\r\n").assertReply(250, "2.0.0");

            assertThat(server.mailbox().awaitMessages(1)).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb\r\n", "a\rb\r\n", "a\n\nb\r\n", "a\r\rb\r\n", "a\n.\nb\r\n", "a\n.\r\nb\r\n",
        "trailing bare lf\n", "trailing bare cr\r", "\n", "\r"})
    void bareLineEndingsAreStoredUnchangedWhenLenient(String content) {
        try (SmtpServer server = lenient();
             SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {

            sendData(c, HEADER + content + "\r\n.\r\n").assertReply(250, "2.0.0");

            assertThat(server.mailbox().awaitMessage().raw())
                    .isEqualTo((HEADER + content + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void stuffedDotAfterCrlfIsRemovedEvenWhenTheLineEndsInABareLf() {
        // RFC 5321 section 4.5.2: a line (ended by CRLF) that starts with a dot and has more characters loses the dot
        try (SmtpServer server = lenient();
             SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {

            sendData(c, HEADER + "a\r\n.\nb\r\n.\r\n").assertReply(250, "2.0.0");

            assertThat(new String(server.mailbox().awaitMessage().raw(), StandardCharsets.UTF_8))
                    .isEqualTo(HEADER + "a\r\n\nb\r\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n.\r\n", "\n.\n", "\r\n.\n", "\r.\r\n", "\r\n.\r", "\r.\r", ".\n"})
    void smugglingAttemptNeverYieldsTwoMessagesWhenStrict(String fakeEnd) {
        try (SmtpServer server = strict();
             SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {

            SmtpTestClient.Response reply = sendData(c, smuggled(fakeEnd));

            assertThat(reply.code()).as("the one reply to the whole stream: %s", reply).isBetween(500, 599);
            c.command("NOOP").assertReply(250, "2.0.0");   // the next reply is NOOP's: nothing smuggled was answered
            c.command("QUIT").assertCode(221);
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n.\r\n", "\n.\n", "\r\n.\n", "\r.\r\n", "\r\n.\r", "\r.\r", ".\n"})
    void smugglingAttemptNeverYieldsTwoMessagesWhenLenient(String fakeEnd) {
        try (SmtpServer server = lenient();
             SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {

            sendData(c, smuggled(fakeEnd)).assertReply(250, "2.0.0");

            c.command("NOOP").assertReply(250, "2.0.0");
            c.command("QUIT").assertCode(221);
            List<ReceivedMessage> messages = server.mailbox().awaitMessages(1);
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).envelope().recipients()).containsExactly("b@example.com");
            assertThat(new String(messages.get(0).raw(), StandardCharsets.UTF_8))
                    .contains("RCPT TO:<victim@example.com>", "Subject: smuggled");
        }
    }

    private static String smuggled(String fakeEnd) {
        return HEADER + "innocent" + fakeEnd + "MAIL FROM:<evil@example.com>\r\nRCPT TO:<victim@example.com>\r\n"
                + "DATA\r\nSubject: smuggled\r\n\r\nevil\r\n.\r\n";
    }
}
