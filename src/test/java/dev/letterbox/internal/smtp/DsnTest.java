package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Envelope;
import dev.letterbox.testing.SmtpTestClient;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** DSN parameters (RFC 3461): accepted, validated (xtext included) and recorded per recipient, decoded. */
class DsnTest extends ServerPerTest {

    @Test
    void dsnParametersAreRecordedAndDecodedFromXtext() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<shop@example.com> RET=hdrs ENVID=QQ314159+2Border").assertReply(250, "2.1.0");
            c.command("RCPT TO:<ann@example.com> NOTIFY=SUCCESS,failure ORCPT=rfc822;ann+2Btag@example.com")
                    .assertReply(250, "2.1.5");
            c.command("RCPT TO:<bob@example.com> NOTIFY=NEVER").assertReply(250, "2.1.5");
            c.command("RCPT TO:<cy@example.com>").assertReply(250, "2.1.5");
            c.command("DATA").assertCode(354);
            c.send("Subject: dsn\r\n\r\nhi\r\n.\r\n");
            c.read().assertReply(250, "2.0.0");
        }
        Envelope e = server.mailbox().awaitMessage().envelope();

        assertThat(e.dsnReturn()).isEqualTo("HDRS");
        assertThat(e.dsnEnvelopeId()).isEqualTo("QQ314159+order");
        assertThat(e.mailParameter("ENVID")).isEqualTo("QQ314159+2Border"); // the parameter stays as sent
        assertThat(e.dsnNotify("ann@example.com")).containsExactly("SUCCESS", "FAILURE");
        assertThat(e.dsnOriginalRecipient("ANN@example.com")).isEqualTo("rfc822;ann+tag@example.com");
        assertThat(e.dsnNotify("bob@example.com")).containsExactly("NEVER");
        assertThat(e.dsnNotify("cy@example.com")).isEmpty();
        assertThat(e.dsnOriginalRecipient("cy@example.com")).isNull();
    }

    @Test
    void withoutDsnParametersTheTypedAccessorsAreEmpty() {
        try (SmtpTestClient c = connectEhlo()) {
            c.sendMessage("a@example.com", List.of("b@example.com"), "Subject: plain\r\n\r\nhi").assertCode(250);
        }
        Envelope e = server.mailbox().awaitMessage().envelope();
        assertThat(e.dsnReturn()).isNull();
        assertThat(e.dsnEnvelopeId()).isNull();
        assertThat(e.dsnNotify("b@example.com")).isEmpty();
    }

    @Test
    void badDsnValuesGet501NamingTheProblem() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> RET=ALL").assertReply(501, "5.5.4")
                    .assertTextContains("RET must be FULL or HDRS", "ALL");
            c.command("MAIL FROM:<a@example.com> ENVID=ab+2bcd").assertReply(501, "5.5.4")
                    .assertTextContains("ENVID is not xtext", "'+' at 3");
            c.command("MAIL FROM:<a@example.com> ENVID=caf\u00e9").assertReply(501, "5.5.4")
                    .assertTextContains("ENVID is not xtext", "U+00E9 at 4 must be written as +XX");
            c.command("MAIL FROM:<a@example.com> ENVID=" + "x".repeat(101)).assertReply(501, "5.5.4")
                    .assertTextContains("ENVID longer than");
            c.command("MAIL FROM:<a@example.com> RET=FULL RET=HDRS").assertReply(501, "5.5.4")
                    .assertTextContains("RET given twice");

            c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0");
            c.command("RCPT TO:<b@example.com> NOTIFY=NEVER,SUCCESS").assertReply(501, "5.5.4")
                    .assertTextContains("NEVER must stand alone");
            c.command("RCPT TO:<b@example.com> NOTIFY=SOMETIMES").assertReply(501, "5.5.4")
                    .assertTextContains("NOTIFY must be NEVER or a list of SUCCESS, FAILURE, DELAY");
            c.command("RCPT TO:<b@example.com> NOTIFY=DELAY,DELAY").assertReply(501, "5.5.4")
                    .assertTextContains("names DELAY twice");
            c.command("RCPT TO:<b@example.com> NOTIFY=").assertReply(501, "5.5.4");
            c.command("RCPT TO:<b@example.com> ORCPT=b@example.com").assertReply(501, "5.5.4")
                    .assertTextContains("ORCPT must be addr-type;xtext");
            c.command("RCPT TO:<b@example.com> ORCPT=rfc822;").assertReply(501, "5.5.4")
                    .assertTextContains("no address after the ';'");
            c.command("RCPT TO:<b@example.com> ORCPT=rfc822;b+@example.com").assertReply(501, "5.5.4")
                    .assertTextContains("ORCPT is not xtext");
            c.command("RCPT TO:<b@example.com> NOTIFY=FAILURE").assertReply(250, "2.1.5");
        }
    }

    @Test
    void jakartaMailDsnSettingsAreRecorded() throws Exception {
        Properties props = server.mailbox().smtpProperties();
        props.setProperty("mail.smtp.dsn.notify", "SUCCESS,FAILURE");
        props.setProperty("mail.smtp.dsn.ret", "HDRS");
        MimeMessage msg = new MimeMessage(Session.getInstance(props));
        msg.setFrom(new InternetAddress("shop@example.com"));
        msg.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
        msg.setSubject("Order");
        msg.setText("shipped");

        Transport.send(msg);

        Envelope e = server.mailbox().awaitMessage().envelope();
        assertThat(e.dsnReturn()).isEqualTo("HDRS");
        assertThat(e.dsnNotify("ann@example.com")).containsExactly("SUCCESS", "FAILURE");
    }
}
