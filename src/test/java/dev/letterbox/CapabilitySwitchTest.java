package dev.letterbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.testing.SmtpTestClient;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Capability switches: an extension turned off is not advertised, its command and parameters are refused as if
 * unknown, and real clients fall back.
 */
class CapabilitySwitchTest {

    private static List<String> ehlo(Mailbox mailbox) {
        try (SmtpTestClient c = SmtpTestClient.connect(mailbox.host(), mailbox.port())) {
            c.expect(220);
            return c.command("EHLO client.example").assertCode(250).lines();
        }
    }

    @Test
    @CaptureMail
    void everyExtensionIsOfferedByDefault(Mailbox mailbox) {
        assertThat(ehlo(mailbox)).containsExactly("letterbox.localhost greets client.example", "PIPELINING", "SIZE",
                "8BITMIME", "SMTPUTF8", "ENHANCEDSTATUSCODES", "CHUNKING", "BINARYMIME", "DSN");
    }

    @Test
    @CaptureMail(withoutExtensions = {SmtpExtension.PIPELINING, SmtpExtension.SIZE, SmtpExtension.EIGHT_BIT_MIME,
            SmtpExtension.SMTPUTF8, SmtpExtension.ENHANCED_STATUS_CODES, SmtpExtension.CHUNKING, SmtpExtension.DSN})
    void extensionsTurnedOffAreNotAdvertised(Mailbox mailbox) {
        // BINARYMIME needs CHUNKING: it goes with it
        assertThat(ehlo(mailbox)).containsExactly("letterbox.localhost greets client.example");
        assertThat(mailbox.options().withoutExtensions()).hasSize(7);
    }

    @Test
    @CaptureMail(withoutExtensions = SmtpExtension.CHUNKING)
    void withoutChunkingBdatIsAnUnknownCommand(Mailbox mailbox) {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(mailbox.host(), mailbox.port())) {
            c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0");
            c.command("RCPT TO:<b@example.com>").assertReply(250, "2.1.5");
            c.command("BDAT 0 LAST").assertReply(500, "5.5.2").assertTextContains("command not recognized");
            c.command("MAIL FROM:<a@example.com> BODY=BINARYMIME").assertReply(503, "5.5.1"); // still in the transaction
            c.command("RSET").assertReply(250, "2.0.0");
            c.command("MAIL FROM:<a@example.com> BODY=BINARYMIME").assertReply(555, "5.5.4")
                    .assertTextContains("BODY=BINARYMIME not recognized");
        }
    }

    @Test
    @CaptureMail(withoutExtensions = SmtpExtension.BINARYMIME)
    void withoutBinarymimeChunkingStaysButBodyBinarymimeIsRefused(Mailbox mailbox) {
        assertThat(ehlo(mailbox)).contains("CHUNKING").doesNotContain("BINARYMIME");
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(mailbox.host(), mailbox.port())) {
            c.command("MAIL FROM:<a@example.com> BODY=BINARYMIME").assertReply(555, "5.5.4");
            c.command("MAIL FROM:<a@example.com> BODY=8BITMIME").assertReply(250, "2.1.0");
        }
    }

    @Test
    @CaptureMail(withoutExtensions = {SmtpExtension.SIZE, SmtpExtension.EIGHT_BIT_MIME, SmtpExtension.SMTPUTF8,
            SmtpExtension.DSN})
    void parametersOfExtensionsTurnedOffGet555(Mailbox mailbox) {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(mailbox.host(), mailbox.port())) {
            for (String parameter : new String[] {"SIZE=100", "BODY=8BITMIME", "SMTPUTF8", "RET=FULL",
                    "ENVID=x"}) {
                String keyword = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
                c.command("MAIL FROM:<a@example.com> " + parameter).assertReply(555, "5.5.4")
                        .assertTextContains(keyword, "not recognized");
            }
            c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0");
            c.command("RCPT TO:<b@example.com> NOTIFY=SUCCESS").assertReply(555, "5.5.4")
                    .assertTextContains("NOTIFY");
            c.command("RCPT TO:<b@example.com> ORCPT=rfc822;b@example.com").assertReply(555, "5.5.4")
                    .assertTextContains("ORCPT");
            c.command("RCPT TO:<b@example.com>").assertReply(250, "2.1.5");
        }
    }

    @Test
    @CaptureMail(withoutExtensions = SmtpExtension.SIZE, maxMessageSize = 50)
    void withoutSizeTheLimitIsStillEnforcedAtTheEndOfTheContent(Mailbox mailbox) {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(mailbox.host(), mailbox.port())) {
            c.sendMessage("a@example.com", List.of("b@example.com"), "Subject: big\r\n\r\n" + "x".repeat(60))
                    .assertReply(552, "5.3.4");
        }
        assertThat(mailbox.messages()).isEmpty();
    }

    @Test
    @CaptureMail(withoutExtensions = SmtpExtension.EIGHT_BIT_MIME)
    void withoutEightBitMimeEightBitContentIsStoredAndShowsAsAViolation(Mailbox mailbox) {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(mailbox.host(), mailbox.port())) {
            c.sendMessage("a@example.com", List.of("b@example.com"), "Subject: raw\r\nContent-Type: text/plain;"
                    + " charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGrüße").assertReply(250, "2.0.0");
        }
        assertThat(mailbox.awaitMessage().violations()).extracting(Violation::code)
                .contains(ViolationCode.EIGHT_BIT_WITHOUT_8BITMIME);
    }

    @Test
    @CaptureMail(withoutExtensions = SmtpExtension.ENHANCED_STATUS_CODES)
    void withoutEnhancedStatusCodesRepliesCarryNone(Mailbox mailbox) {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(mailbox.host(), mailbox.port())) {
            assertThat(c.command("MAIL FROM:<a@example.com>").assertCode(250).raw())
                    .isEqualTo("250 Sender <a@example.com> OK\r\n");
            assertThat(c.command("DATA").assertCode(503).enhanced()).isNull();
            assertThat(c.command("QUIT").assertCode(221).raw()).isEqualTo("221 Bye\r\n");
        }
    }

    @Test
    @CaptureMail(withoutExtensions = SmtpExtension.PIPELINING)
    void withoutPipeliningAClientThatPipelinesAnywayIsStillAnsweredInOrder(Mailbox mailbox) {
        try (SmtpTestClient c = SmtpTestClient.connect(mailbox.host(), mailbox.port())) {
            c.expect(220);
            c.send("EHLO client.example\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n");
            assertThat(c.read().assertCode(250).lines()).doesNotContain("PIPELINING");
            c.read().assertReply(250, "2.1.0");
            c.read().assertReply(250, "2.1.5");
            c.read().assertCode(354);
            c.send("Subject: p\r\n\r\nhi\r\n.\r\n");
            c.read().assertReply(250, "2.0.0");
        }
        assertThat(mailbox.awaitMessage().subject()).isEqualTo("p");
    }

    private static MimeMessage germanText(Session session) throws MessagingException {
        MimeMessage msg = new MimeMessage(session);
        msg.setFrom(new InternetAddress("shop@example.com"));
        msg.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
        msg.setSubject("Grüße");
        msg.setText("Grüße aus Köln, schöne Äpfel\n", "UTF-8");
        return msg;
    }

    private static Session allowing8bit(Mailbox mailbox) {
        Properties p = mailbox.smtpProperties();
        p.setProperty("mail.smtp.allow8bitmime", "true");
        return Session.getInstance(p);
    }

    @Test
    @CaptureMail
    void jakartaMailSends8BitTextWhere8bitmimeIsOffered(Mailbox mailbox) throws Exception {
        Transport.send(germanText(allowing8bit(mailbox)));

        ReceivedMessage m = mailbox.awaitMessage();
        // Angus converts the part to 8bit where the server offers 8BITMIME (it sends no BODY=8BITMIME with it)
        assertThat(m.header("Content-Transfer-Encoding")).isEqualTo("8bit");
        assertThat(m.textBody()).isEqualToNormalizingNewlines("Grüße aus Köln, schöne Äpfel\n");
    }

    @Test
    @CaptureMail(withoutExtensions = SmtpExtension.EIGHT_BIT_MIME)
    void withoutEightBitMimeJakartaMailFallsBackTo7BitEncoding(Mailbox mailbox) throws Exception {
        Transport.send(germanText(allowing8bit(mailbox)));

        ReceivedMessage m = mailbox.awaitMessage();
        assertThat(m.header("Content-Transfer-Encoding")).isEqualTo("quoted-printable");
        for (byte b : m.raw()) {
            assertThat(b & 0xFF).as("every octet is 7-bit").isLessThan(128);
        }
        assertThat(m.textBody()).isEqualToNormalizingNewlines("Grüße aus Köln, schöne Äpfel\n");
    }

    @Test
    @CaptureMail(withoutExtensions = SmtpExtension.SMTPUTF8)
    void withoutSmtputf8AUtf8AddressFailsAtTheClient(Mailbox mailbox) throws Exception {
        Properties p = mailbox.smtpProperties();
        p.setProperty("mail.mime.allowutf8", "true");
        MimeMessage msg = new MimeMessage(Session.getInstance(p));
        msg.setFrom(new InternetAddress("jürgen@bücher.example"));
        msg.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
        msg.setSubject("Hallo", "UTF-8");
        msg.setText("hi", "UTF-8");

        assertThatThrownBy(() -> Transport.send(msg)).isInstanceOf(MessagingException.class)
                .hasMessageContaining("553").hasMessageContaining("SMTPUTF8");
        assertThat(mailbox.messages()).isEmpty();
    }
}
