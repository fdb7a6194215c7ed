package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpRule;
import dev.letterbox.SmtpServer;
import dev.letterbox.SmtpStage;
import dev.letterbox.Transcript;
import dev.letterbox.testing.SmtpTestClient;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripted faults over a raw socket: every stage, every effect, counting, order, and where rules do not apply. */
class ScriptedFaultTest extends ServerPerTest {

    private Mailbox mailbox() {
        return server.mailbox();
    }

    @Test
    void recipientMatchingTheRuleIsRefusedAndTheEnvelopeKeepsOnlyTheAccepted() {
        mailbox().on(SmtpStage.RCPT).matching("bounce@.*").reply(550, "5.1.1 No such user");

        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<shop@example.com>").assertReply(250, "2.1.0");
            c.command("RCPT TO:<Bounce@example.com>").assertReply(550, "5.1.1").assertTextContains("No such user");
            c.command("RCPT TO:<ann@example.com>").assertReply(250, "2.1.5");
            c.command("RCPT TO:<bounce@other.example>").assertCode(550);
            c.command("DATA").assertCode(354);
            c.send("Subject: hi\r\n\r\nbody\r\n.\r\n");
            c.expect(250);
        }

        assertThat(mailbox().awaitMessage().envelope().recipients()).containsExactly("ann@example.com");
    }

    @Test
    void endOfDataRefusedTwiceThenStoredNormally() {
        mailbox().on(SmtpStage.END_OF_DATA).times(2).reply(451, "4.3.0 Try again later");

        try (SmtpTestClient c = connectEhlo()) {
            List<String> to = List.of("ann@example.com");
            c.sendMessage("shop@example.com", to, "Subject: 1\r\n\r\nx").assertReply(451, "4.3.0")
                    .assertTextContains("Try again later");
            c.sendMessage("shop@example.com", to, "Subject: 2\r\n\r\nx").assertReply(451, "4.3.0");
            c.sendMessage("shop@example.com", to, "Subject: 3\r\n\r\nx").assertReply(250, "2.0.0");
        }

        assertThat(mailbox().messages()).singleElement().extracting(ReceivedMessage::raw)
                .isEqualTo("Subject: 3\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void disconnectAtMailClosesWithoutAReplyOnceThenServesNormally() {
        mailbox().on(SmtpStage.MAIL).once().disconnect();

        try (SmtpTestClient c = connectEhlo()) {
            c.sendLine("MAIL FROM:<shop@example.com>");
            c.assertClosedByServer();
        }
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<shop@example.com>").assertReply(250, "2.1.0");
        }
    }

    @Test
    void refusedGreetingServesOnlyQuit() {
        mailbox().on(SmtpStage.CONNECT).reply(554, "5.7.1 No SMTP service here");

        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.read().assertReply(554, "5.7.1").assertTextContains("No SMTP service here");
            c.command("EHLO client.example").assertReply(503, "5.5.1").assertTextContains("send QUIT");
            c.command("MAIL FROM:<a@example.com>").assertReply(503, "5.5.1");
            c.command("QUIT").assertReply(221, "2.0.0");
            c.assertClosedByServer();
        }
    }

    @Test
    void greeting421ClosesTheConnectionForTheMatchingClientOnly() {
        mailbox().on(SmtpStage.CONNECT).matching("127\\.0\\.0\\.1").once().reply(421, "4.7.0 Too busy, try later");

        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.read().assertReply(421, "4.7.0");
            c.assertClosedByServer();
        }
        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);
        }
    }

    @Test
    void delayAtEhloThenTheUsualReply() {
        mailbox().on(SmtpStage.EHLO).delay(Duration.ofMillis(200));

        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);
            c.command("EHLO client.example").assertCode(250).assertTextContains("PIPELINING");
        }

        Transcript t = mailbox().transcripts().get(0);
        assertThat(t.lines()).extracting(Transcript.Line::toString)
                .contains("*  scripted on EHLO every time: delay PT0.2S");
    }

    @Test
    void stallAtDataLeavesTheClientWithoutAReplyUntilItGivesUp() throws Exception {
        mailbox().on(SmtpStage.DATA).stall();

        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(server.host(), server.port()));
            s.setSoTimeout(300);
            InputStream in = s.getInputStream();
            s.getOutputStream().write(("EHLO c\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String replies = readUntilTimeout(in);

            assertThat(replies).startsWith("220 ").contains("250 2.1.0", "250 2.1.5").doesNotContain("354");
            s.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readUntilTimeout(in)).as("nothing after the stall, not even for QUIT").isEmpty();
        }
        ServerThreads.awaitSessionsEnded(server.port());
        assertThat(mailbox().transcripts().get(0).lines()).extracting(Transcript.Line::text)
                .endsWith("DATA", "scripted on DATA every time: stall", "stalled: no more replies",
                        "connection closed by the client")
                .doesNotContain("QUIT", "221 2.0.0 Bye");
    }

    @Test
    void stalledSessionEndsWhenTheServerCloses() throws Exception {
        mailbox().on(SmtpStage.CONNECT).stall();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(server.host(), server.port()));
            s.setSoTimeout(300);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            int port = server.port();

            server.close();

            assertThat(ServerThreads.of(port)).isEmpty();
        }
    }

    @Test
    void positiveScriptedReplyAcceptsWithItsOwnText() {
        mailbox().on(SmtpStage.END_OF_DATA).reply(250, "2.0.0 Queued as ABC123");

        try (SmtpTestClient c = connectEhlo()) {
            c.sendMessage("a@example.com", List.of("b@example.com"), "Subject: q\r\n\r\nx")
                    .assertReply(250, "2.0.0").assertTextContains("Queued as ABC123");
        }
        assertThat(mailbox().messages()).hasSize(1);
    }

    @Test
    void scriptedReplyMayHaveSeveralLines() {
        mailbox().on(SmtpStage.RCPT).reply(550, "5.7.1 Delivery not authorized", "5.7.1 See https://example.com/why");

        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            SmtpTestClient.Response r = c.command("RCPT TO:<b@example.com>").assertReply(550, "5.7.1");
            assertThat(r.lines()).containsExactly("5.7.1 Delivery not authorized", "5.7.1 See https://example.com/why");
        }
    }

    @Test
    void rulesAreTriedInTheOrderAddedSoAcceptExemptsAddressesFromALaterRule() {
        mailbox().on(SmtpStage.RCPT).matching(".*@vip\\.example").accept();
        mailbox().on(SmtpStage.RCPT).reply(550, "5.1.1 No such user");

        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<carol@vip.example>").assertReply(250, "2.1.5");
            c.command("RCPT TO:<dave@example.com>").assertReply(550, "5.1.1");
        }
    }

    @Test
    void sequenceOfRulesGreylistsOnceThenAccepts() {
        mailbox().on(SmtpStage.RCPT).once().reply(451, "4.7.1 Greylisted, try again in a minute");

        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<b@example.com>").assertReply(451, "4.7.1");
            c.command("RCPT TO:<b@example.com>").assertReply(250, "2.1.5");
        }
    }

    @Test
    void ruleFiresOnlyWhereTheServerWouldAcceptSoClientErrorsStayVisible() {
        mailbox().on(SmtpStage.MAIL).once().reply(451, "4.3.0 Try again later");

        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:shop@example.com").assertReply(501, "5.5.4");
            c.command("MAIL FROM:<shop@example.com>").assertReply(451, "4.3.0");
            c.command("MAIL FROM:<shop@example.com>").assertReply(250, "2.1.0");
            // a nested MAIL is still refused by the phase table
            c.command("MAIL FROM:<shop@example.com>").assertReply(503, "5.5.1");
        }
    }

    @Test
    void refusalAtDataKeepsTheTransactionAndQuitCanBeDropped() {
        mailbox().on(SmtpStage.DATA).once().reply(554, "5.3.4 Message too big for today");
        mailbox().on(SmtpStage.QUIT).disconnect();

        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<b@example.com>").assertCode(250);
            c.command("DATA").assertReply(554, "5.3.4");
            c.command("DATA").assertCode(354);
            c.send("Subject: x\r\n\r\nx\r\n.\r\n");
            c.expect(250);
            c.sendLine("QUIT");
            c.assertClosedByServer();
        }
        assertThat(mailbox().messages()).hasSize(1);
    }

    @Test
    void rset421ClosesTheConnection() {
        mailbox().on(SmtpStage.RSET).reply(421, "4.3.2 Going down");

        try (SmtpTestClient c = connectEhlo()) {
            c.command("RSET").assertReply(421, "4.3.2");
            c.assertClosedByServer();
        }
    }

    @Test
    void clearRulesRestoresNormalService() {
        SmtpRule rule = mailbox().on(SmtpStage.MAIL).reply(550, "5.7.1 Not you");
        assertThat(mailbox().rules()).containsExactly(rule);

        mailbox().clearRules();

        assertThat(mailbox().rules()).isEmpty();
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0");
        }
    }

    @Test
    void rulesOfTheOptionsApplyAfterTheMailboxRules() {
        ServerOptions options = ServerOptions.builder()
                .rule(SmtpRule.on(SmtpStage.RCPT).reply(550, "5.1.1 Unknown here"))
                .build();
        try (SmtpServer scripted = SmtpServer.start(options);
             SmtpTestClient c = SmtpTestClient.connectEhlo(scripted.host(), scripted.port())) {
            scripted.mailbox().on(SmtpStage.RCPT).matching("ann@example.com").accept();

            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<ann@example.com>").assertReply(250, "2.1.5");
            c.command("RCPT TO:<bob@example.com>").assertReply(550, "5.1.1");
            assertThat(scripted.mailbox().rules()).as("the options' rules are not the mailbox's").hasSize(1);
        }
    }

    @Test
    void rulesOfOneServerNeverReachAnother() {
        mailbox().on(SmtpStage.MAIL).reply(550, "5.7.1 Not here");
        try (SmtpServer other = SmtpServer.start();
             SmtpTestClient c = SmtpTestClient.connectEhlo(other.host(), other.port())) {
            c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0");
        }
    }

    @Test
    void resetRemovesAddedRulesAndRefillsTheOptionsRules() {
        ServerOptions options = ServerOptions.builder()
                .rule(SmtpRule.on(SmtpStage.MAIL).once().reply(451, "4.3.0 Later"))
                .build();
        try (SmtpServer scripted = SmtpServer.start(options)) {
            scripted.mailbox().on(SmtpStage.RCPT).reply(550, "5.1.1 No");
            try (SmtpTestClient c = SmtpTestClient.connectEhlo(scripted.host(), scripted.port())) {
                c.command("MAIL FROM:<a@example.com>").assertCode(451);
                c.command("MAIL FROM:<a@example.com>").assertCode(250);
            }

            scripted.mailbox().reset();

            try (SmtpTestClient c = SmtpTestClient.connectEhlo(scripted.host(), scripted.port())) {
                c.command("MAIL FROM:<a@example.com>").assertCode(451);
                c.command("MAIL FROM:<a@example.com>").assertCode(250);
                c.command("RCPT TO:<b@example.com>").assertCode(250);
            }
        }
    }

    private static String readUntilTimeout(InputStream in) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        byte[] b = new byte[4096];
        try {
            int n;
            while ((n = in.read(b)) >= 0) {
                sb.append(new String(b, 0, n, StandardCharsets.US_ASCII));
            }
        } catch (SocketTimeoutException expected) {
            // the client gives up waiting, as a real one with a read timeout would
        }
        return sb.toString();
    }
}
