package dev.letterbox.internal.smtp;

import dev.letterbox.testing.SmtpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Envelope;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MAIL FROM and RCPT TO paths (RFC 5321 section 4.1.2, RFC 6531), recipients limits and parameters. */
class AddressTest extends ServerPerTest {
    private static final String BODY = "Subject: x\r\n\r\nhi";
    private Envelope deliver(SmtpTestClient c, String mailFrom, String... rcpts) {
        c.command("MAIL FROM:" + mailFrom).assertReply(250, "2.1.0");
        for (String r : rcpts) {
            c.command("RCPT TO:" + r).assertReply(250, "2.1.5");
        }
        c.command("DATA").assertCode(354);
        c.send(BODY + "\r\n.\r\n");
        c.read().assertReply(250, "2.0.0");
        return server.mailbox().awaitMessage().envelope();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<no-at-sign>", "<@example.com>", "<a@>", "<a..b@example.com>", "<.a@example.com>",
        "<a b@example.com>", "<a@exa mple.com>", "<a@example..com>", "<a@-example.com>",
        "<\"quoted-without-domain@example.com\">",
        "<@route.example:>", "<@route.example>"})
    void badSenderSyntaxIsAnswered501WithSenderCode(String path) {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:" + path).assertReply(501, "5.1.7").assertTextContains("sender");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<no-at-sign>", "<a@>", "<a..b@example.com>", "<a@example..com>", "<a@[1.2.3.4>"})
    void badRecipientSyntaxIsAnswered501WithRecipientCode(String path) {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);

            c.command("RCPT TO:" + path).assertReply(501, "5.1.3").assertTextContains("recipient");
        }
    }

    @Test
    void localPartOfSixtyFourOctetsIsAcceptedAndSixtyFiveRefused() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<" + "a".repeat(64) + "@example.com>").assertCode(250);
            c.command("RCPT TO:<" + "b".repeat(65) + "@example.com>").assertReply(553, "5.1.3")
                    .assertTextContains("64 octets");
        }
    }

    @Test
    void domainLabelOverSixtyThreeOctetsIsRefused() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@" + "x".repeat(64) + ".example>").assertReply(501, "5.1.7")
                    .assertTextContains("63 octets");
        }
    }

    @Test
    void pathOverTwoHundredFiftySixOctetsIsRefused() {
        String domain = ("d".repeat(60) + ".").repeat(4) + "example";
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<" + "r".repeat(10) + "@" + domain + ">").assertReply(501, "5.1.3")
                    .assertTextContains("256 octets");
        }
    }

    @Test
    void nullReversePathIsAccepted() {
        try (SmtpTestClient c = connectEhlo()) {
            Envelope envelope = deliver(c, "<>", "<b@example.com>");

            assertThat(envelope.mailFrom()).isEmpty();
            assertThat(envelope.isNullSender()).isTrue();
        }
    }

    @Test
    void nullPathIsRefusedAsRecipient() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);

            c.command("RCPT TO:<>").assertReply(501, "5.1.3").assertTextContains("empty address");
        }
    }

    @Test
    void postmasterWithoutDomainIsAcceptedAsRecipient() {
        try (SmtpTestClient c = connectEhlo()) {
            assertThat(deliver(c, "<a@example.com>", "<Postmaster>").recipients()).containsExactly("Postmaster");
        }
    }

    @Test
    void quotedLocalPartsAreAccepted() {
        try (SmtpTestClient c = connectEhlo()) {
            Envelope envelope = deliver(c, "<\"john doe\"@example.com>", "<\"say \\\"hi\\\"\"@example.com>",
                    "<\"a>b\"@example.com>");

            assertThat(envelope.mailFrom()).isEqualTo("\"john doe\"@example.com");
            assertThat(envelope.recipients())
                    .containsExactly("\"say \\\"hi\\\"\"@example.com", "\"a>b\"@example.com");
        }
    }

    @Test
    void addressLiteralsAreAccepted() {
        try (SmtpTestClient c = connectEhlo()) {
            Envelope envelope = deliver(c, "<a@[192.0.2.1]>", "<b@[IPv6:2001:db8::1]>");

            assertThat(envelope.mailFrom()).isEqualTo("a@[192.0.2.1]");
            assertThat(envelope.recipients()).containsExactly("b@[IPv6:2001:db8::1]");
        }
    }

    @Test
    void sourceRouteIsAcceptedAndDropped() {
        try (SmtpTestClient c = connectEhlo()) {
            Envelope envelope = deliver(c, "<@a.example,@b.example:joe@c.example>",
                    "<@a.example,@b.example:ann@c.example>");

            assertThat(envelope.mailFrom()).isEqualTo("joe@c.example");
            assertThat(envelope.recipients()).containsExactly("ann@c.example");
        }
    }

    @Test
    void utf8AddressesAreAcceptedWithTheSmtputf8Parameter() {
        try (SmtpTestClient c = connectEhlo()) {
            Envelope envelope = deliver(c, "<jürgen@bücher.example> SMTPUTF8", "<用户@例子.广告>");

            assertThat(envelope.mailFrom()).isEqualTo("jürgen@bücher.example");
            assertThat(envelope.mailParameter("smtputf8")).isEmpty();
            assertThat(envelope.recipients()).containsExactly("用户@例子.广告");
        }
    }

    @Test
    void utf8SenderIsRefusedWithoutTheSmtputf8Parameter() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<jürgen@bücher.example>").assertReply(553, "5.6.7").assertTextContains("SMTPUTF8");
        }
    }

    @Test
    void utf8RecipientIsRefusedWithoutTheSmtputf8Parameter() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);

            c.command("RCPT TO:<用户@例子.广告>").assertReply(553, "5.6.7").assertTextContains("SMTPUTF8");
        }
    }

    @Test
    void hundredRecipientsAreAcceptedThenTheNextGets452() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            for (int i = 1; i <= 100; i++) {
                c.command("RCPT TO:<r" + i + "@example.com>").assertReply(250, "2.1.5");
            }

            c.command("RCPT TO:<r101@example.com>").assertReply(452, "4.5.3");

            c.command("DATA").assertCode(354);
            c.send(BODY + "\r\n.\r\n");
            c.read().assertReply(250, "2.0.0");
            List<String> recipients = server.mailbox().awaitMessage().envelope().recipients();
            assertThat(recipients).hasSize(100).startsWith("r1@example.com").endsWith("r100@example.com");
        }
    }

    @Test
    void recipientLimitIsConfigurable() {
        try (SmtpServer roomy = SmtpServer.start(ServerOptions.builder().maxRecipients(150).build());
             SmtpTestClient c = SmtpTestClient.connectEhlo(roomy.host(), roomy.port())) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            for (int i = 1; i <= 150; i++) {
                c.command("RCPT TO:<r" + i + "@example.com>").assertReply(250, "2.1.5");
            }

            c.command("RCPT TO:<r151@example.com>").assertReply(452, "4.5.3");
        }
    }

    @Test
    void duplicateRecipientIsStoredOnce() {
        try (SmtpTestClient c = connectEhlo()) {
            Envelope envelope = deliver(c, "<a@example.com>", "<b@example.com>", "<c@example.com>",
                    "<b@example.com>");

            assertThat(envelope.recipients()).containsExactly("b@example.com", "c@example.com");
        }
    }

    @Test
    void unknownMailParameterIsAnswered555() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> FROB=1").assertReply(555, "5.5.4").assertTextContains("FROB");
        }
    }

    @Test
    void unknownRcptParameterIsAnswered555() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);

            c.command("RCPT TO:<b@example.com> FROB").assertReply(555, "5.5.4").assertTextContains("FROB");
        }
    }

    @Test
    void parametersAfterHeloAreAnswered555() {
        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);
            c.command("HELO client.example").assertCode(250);

            c.command("MAIL FROM:<a@example.com> BODY=8BITMIME").assertReply(555, "5.5.4").assertTextContains("EHLO");
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<b@example.com> NOTIFY=NEVER").assertReply(555, "5.5.4");
        }
    }
}
