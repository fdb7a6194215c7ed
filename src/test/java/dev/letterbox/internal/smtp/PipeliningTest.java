package dev.letterbox.internal.smtp;

import dev.letterbox.testing.SmtpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Command pipelining (RFC 2920): batches written at once are answered in order, DATA ends each batch. */
class PipeliningTest extends ServerPerTest {
    @Test
    void batchOfCommandsInOneWriteIsAnsweredInOrderUpTo354() {
        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);

            c.send("EHLO client.example\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<b1@example.com>\r\n"
                    + "RCPT TO:<bad>\r\nRCPT TO:<b2@example.com>\r\nRCPT TO:<b3@example.com>\r\nDATA\r\n");

            assertThat(c.read().assertCode(250).lines()).contains("PIPELINING");
            c.read().assertReply(250, "2.1.0");
            c.read().assertReply(250, "2.1.5").assertTextContains("b1@example.com");
            c.read().assertReply(501, "5.1.3");
            c.read().assertReply(250, "2.1.5").assertTextContains("b2@example.com");
            c.read().assertReply(250, "2.1.5").assertTextContains("b3@example.com");
            c.read().assertCode(354);
            c.send("Subject: batch\r\n\r\nhi\r\n.\r\nQUIT\r\n");
            c.read().assertReply(250, "2.0.0");
            c.read().assertReply(221, "2.0.0");
            c.assertClosedByServer();
        }
        assertThat(server.mailbox().awaitMessage().envelope().recipients())
                .containsExactly("b1@example.com", "b2@example.com", "b3@example.com");
    }

    @Test
    void pipelinedTransactionsAreAllAnsweredInOrderAndStored() {
        int transactions = 20;
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            List<Integer> codes = new ArrayList<>();
            c.send(group(0));
            for (int i = 0; i < transactions; i++) {
                codes.add(c.read().assertReply(250, "2.1.0").code());
                codes.add(c.read().assertReply(250, "2.1.5").code());
                codes.add(c.read().assertReply(250, "2.1.5").code());
                codes.add(c.read().assertCode(354).code());
                // RFC 2920: the body goes only after 354; the next group follows the end marker in the same write
                String next = i + 1 < transactions ? group(i + 1) : "QUIT\r\n";
                c.send("Subject: message " + i + "\r\n\r\n.stuffed line " + i + "\r\n.\r\n" + next);
                codes.add(c.read().assertReply(250, "2.0.0").code());
            }
            c.read().assertReply(221, "2.0.0");
            assertThat(codes).hasSize(5 * transactions);
        }

        List<ReceivedMessage> messages = server.mailbox().awaitMessages(transactions);
        assertThat(messages).hasSize(transactions);
        for (int i = 0; i < transactions; i++) {
            ReceivedMessage m = messages.get(i);
            assertThat(m.envelope().mailFrom()).isEqualTo("sender" + i + "@example.com");
            assertThat(m.envelope().recipients()).containsExactly("x" + i + "@example.com", "y" + i + "@example.com");
            assertThat(new String(m.raw(), StandardCharsets.UTF_8))
                    .isEqualTo("Subject: message " + i + "\r\n\r\nstuffed line " + i + "\r\n");
        }
    }

    private static String group(int i) {
        return "MAIL FROM:<sender" + i + "@example.com>\r\nRCPT TO:<x" + i + "@example.com>\r\nRCPT TO:<y" + i
                + "@example.com>\r\nDATA\r\n";
    }

    @Test
    void rsetAndNoopInABatchAreAnsweredInOrder() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {

            c.send("MAIL FROM:<a@example.com>\r\nRSET\r\nRCPT TO:<b@example.com>\r\nNOOP\r\nBOGUS\r\n"
                    + "MAIL FROM:<c@example.com>\r\nQUIT\r\n");

            c.read().assertReply(250, "2.1.0");
            c.read().assertReply(250, "2.0.0");
            c.read().assertReply(503, "5.5.1");
            c.read().assertReply(250, "2.0.0");
            c.read().assertReply(500, "5.5.2");
            c.read().assertReply(250, "2.1.0");
            c.read().assertReply(221, "2.0.0");
            c.assertClosedByServer();
        }
    }

    @Test
    void pendingRepliesAreFlushedBeforeTheServerWaitsForTheRestOfALine() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            // two complete commands and the start of a third: the server must not sit on the two replies while it
            // waits for the rest of the third line (RFC 2920 section 3.2)

            c.send("NOOP\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<b@exa");

            c.read().assertReply(250, "2.0.0");
            c.read().assertReply(250, "2.1.0");
            c.send("mple.com>\r\n");
            c.read().assertReply(250, "2.1.5");
        }
    }
}
