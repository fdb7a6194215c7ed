package dev.letterbox.deliverability;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.ViolationCode;
import dev.letterbox.testing.SmtpTestClient;
import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Strict mode: a message with a reject-level violation is refused at the end of DATA with a 550 that names it. */
class StrictModeTest {
    private static final String CLEAN = "From: shop@example.com\r\nTo: ann@example.com\r\nSubject: Hi\r\n"
            + "Date: Tue, 3 Mar 2026 10:15:30 +0100\r\nMessage-ID: <a@example.com>\r\n\r\nHello\r\n";
    private SmtpServer server;

    @BeforeEach
    void start() {
        server = SmtpServer.start(ServerOptions.builder().strict(true).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SmtpTestClient.Response send(String raw) {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            return c.sendMessage("shop@example.com", List.of("ann@example.com"),
                    SmtpTestClient.dotStuff(raw.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aMessageWithoutMessageIdIsRefusedWithA550NamingTheViolation() {
        SmtpTestClient.Response reply = send(CLEAN.replace("Message-ID: <a@example.com>\r\n", ""));

        reply.assertReply(550, "5.6.0").assertTextContains("Message refused (strict mode): MISSING_MESSAGE_ID at header"
                + " section: no Message-ID header field [RFC 5322 section 3.6.4; Gmail email sender guidelines];"
                + " nothing was stored");
        assertThat(server.mailbox().messages()).isEmpty();
    }

    @Test
    void aCleanMessageIsStored() {
        send(CLEAN).assertCode(250);

        assertThat(server.mailbox().awaitMessage()).hasNoViolations();
    }

    @Test
    void warningsAreStoredForTheTestToSee() {
        send(CLEAN.replace("Date: Tue, 3 Mar 2026 10:15:30 +0100\r\n", "")).assertCode(250);

        assertThat(server.mailbox().awaitMessage()).hasViolation(ViolationCode.MISSING_DATE);
    }

    @Test
    void theSessionGoesOnAfterARefusal() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.sendMessage("shop@example.com", List.of("ann@example.com"),
                    SmtpTestClient.dotStuff(("Subject: x\r\n" + "y".repeat(1200) + "\r\n\r\nHi\r\n")
                            .getBytes(StandardCharsets.US_ASCII))).assertReply(550, "5.6.0")
                    .assertTextContains("HEADER_LINE_TOO_LONG at line 2");
            c.sendMessage("shop@example.com", List.of("ann@example.com"),
                    SmtpTestClient.dotStuff(CLEAN.getBytes(StandardCharsets.US_ASCII))).assertCode(250);
        }

        assertThat(server.mailbox().awaitMessages(1)).hasSize(1);
    }

    @Test
    void theSendingCodeFailsAsItWouldInProduction() throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", server.host());
        props.setProperty("mail.smtp.port", String.valueOf(server.port()));
        MimeMessage m = new MimeMessage(jakarta.mail.Session.getInstance(props));
        m.setFrom("shop@example.com");
        m.setRecipients(Message.RecipientType.TO, "ann@example.com");
        m.setSubject("Your order");
        m.addHeader("Subject", "Your order, again");
        m.setText("Hello");

        assertThatThrownBy(() -> Transport.send(m)).isInstanceOf(SendFailedException.class)
                .hasMessageContaining("550 5.6.0 Message refused (strict mode): DUPLICATE_SINGLE_HEADER at header"
                        + " Subject, lines");
    }

    @Test
    void bareLineEndingsThatLenientLineEndingsAllowsAreNotRefusedAgain() {
        try (SmtpServer lenient = SmtpServer.start(ServerOptions.builder().strict(true).lenientLineEndings(true)
                .build());
             SmtpTestClient c = SmtpTestClient.connectEhlo(lenient.host(), lenient.port())) {
            c.sendMessage("shop@example.com", List.of("ann@example.com"),
                    CLEAN.replace("Hello\r\n", "Hello\nAnn\r\n").getBytes(StandardCharsets.US_ASCII))
                    .assertCode(250);

            assertThat(lenient.mailbox().awaitMessage()).hasViolation(ViolationCode.BARE_LF);
        }
    }

    @Test
    void rawTextInTheReplyIsAsciiOnOneLine() {
        String id = "Message-ID: caf\u00e9\r\n";

        SmtpTestClient.Response reply = send(CLEAN.replace("Message-ID: <a@example.com>\r\n", id));

        reply.assertReply(550, "5.6.0").assertTextContains("INVALID_MESSAGE_ID", "'caf??' is not <left@right>");
    }

    @Test
    void aLongFindingIsCutToFitOneReplyLine() {
        String id = "Message-ID: " + "x".repeat(900) + "\r\n";

        SmtpTestClient.Response reply = send(CLEAN.replace("Message-ID: <a@example.com>\r\n", id));

        reply.assertReply(550, "5.6.0").assertTextContains("INVALID_MESSAGE_ID", "xxx...");
        assertThat(reply.raw().length()).isLessThanOrEqualTo(512);
    }

}
