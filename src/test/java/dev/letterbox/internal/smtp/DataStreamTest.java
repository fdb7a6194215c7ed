package dev.letterbox.internal.smtp;

import dev.letterbox.testing.SmtpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DATA stream on the wire: dot-unstuffing and the end-of-data marker (RFC 5321 sections 4.1.1.4, 4.5.2). */
class DataStreamTest extends ServerPerTest {
    private byte[] sendAndCapture(String wireBody) {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<b@example.com>").assertCode(250);
            c.command("DATA").assertCode(354);
            c.send(wireBody);
            c.read().assertReply(250, "2.0.0");
            c.command("QUIT").assertCode(221);
        }
        List<ReceivedMessage> messages = server.mailbox().awaitMessages(1);
        assertThat(messages).hasSize(1);
        return messages.get(0).raw();
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void messageIsStoredWithoutTheTerminatorButWithItsLastLineEnding() {
        assertThat(text(sendAndCapture("Subject: x\r\n\r\nhi\r\n.\r\n"))).isEqualTo("Subject: x\r\n\r\nhi\r\n");
    }

    @Test
    void emptyMessageIsStoredEmpty() {
        assertThat(sendAndCapture(".\r\n")).isEmpty();
    }

    @Test
    void leadingDotIsRemovedFromStuffedLines() {
        String stored = text(sendAndCapture("Subject: x\r\n\r\n..x\r\n..\r\n...\r\nmid.dle\r\n.\r\n"));

        assertThat(stored).isEqualTo("Subject: x\r\n\r\n.x\r\n.\r\n..\r\nmid.dle\r\n");
    }

    @Test
    void stuffedDotOnTheFirstLineIsRemoved() {
        assertThat(text(sendAndCapture("..first\r\n.\r\n"))).isEqualTo(".first\r\n");
    }

    @Test
    void messageEndsOnlyAtCrlfDotCrlf() {
        server.close();
        server = SmtpServer.start(ServerOptions.builder().lenientLineEndings(true).build());
        String content = "Subject: x\r\n\r\none\n.\ntwo\n.\r\nthree\r\n.\nfour\r\n";

        byte[] stored = sendAndCapture(content + ".\r\n");

        // the "." after CRLF in "\r\n.\n" starts a CRLF-ended line with more characters, so it is stuffing
        assertThat(text(stored)).isEqualTo("Subject: x\r\n\r\none\n.\ntwo\n.\r\nthree\r\n\nfour\r\n");
    }

    @Test
    void dotLineEndsTheMessageAndWhatFollowsIsACommand() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<b@example.com>").assertCode(250);
            c.command("DATA").assertCode(354);

            c.send("Subject: x\r\n\r\nhi\r\n.\r\nNOOP\r\n");

            c.read().assertReply(250, "2.0.0");
            c.read().assertReply(250, "2.0.0").assertTextContains("OK");
        }
        assertThat(server.mailbox().awaitMessages(1)).hasSize(1);
    }

    @Test
    void terminatorSplitAcrossWritesIsRecognised() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<b@example.com>").assertCode(250);
            c.command("DATA").assertCode(354);

            for (String part : List.of("Subject: x\r\n\r\nhi\r", "\n", ".", "\r", "\n")) {
                c.send(part);
            }

            c.read().assertReply(250, "2.0.0");
        }
        assertThat(text(server.mailbox().awaitMessages(1).get(0).raw())).isEqualTo("Subject: x\r\n\r\nhi\r\n");
    }

    @Test
    void clientClosingMidDataStoresNothing() throws InterruptedException {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<b@example.com>").assertCode(250);
            c.command("DATA").assertCode(354);
            c.send("Subject: cut\r\n\r\nhalf a message\r\n");
        }
        ServerThreads.awaitSessionsEnded(server.port());
        assertThat(server.mailbox().messages()).isEmpty();
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.sendMessage("a@example.com", List.of("c@example.com"), "Subject: whole\r\n\r\nok")
                    .assertReply(250, "2.0.0");
        }
        assertThat(server.mailbox().awaitMessages(1)).extracting(m -> m.envelope().recipients())
                .containsExactly(List.of("c@example.com"));
    }

    @Test
    void idleTimeoutInsideDataGets421AndStoresNothing() throws InterruptedException {
        try (SmtpServer impatient = SmtpServer.start(ServerOptions.builder().idleTimeout(Duration.ofSeconds(1))
                .build());
             SmtpTestClient c = SmtpTestClient.connectEhlo(impatient.host(), impatient.port())) {
            // one pipelined write, so no pause of the test machine between commands can trip the timeout early
            c.send("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n");
            c.read().assertCode(250);
            c.read().assertCode(250);
            c.read().assertCode(354);
            c.send("Subject: stalled\r\n\r\nand then nothing more");

            c.read().assertReply(421, "4.4.2");

            c.assertClosedByServer();
            ServerThreads.awaitSessionsEnded(impatient.port());
            assertThat(impatient.mailbox().messages()).isEmpty();
        }
    }
}
