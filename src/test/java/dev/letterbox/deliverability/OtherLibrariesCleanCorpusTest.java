package dev.letterbox.deliverability;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.ViolationCode;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import org.apache.commons.mail2.jakarta.HtmlEmail;
import org.apache.commons.mail2.jakarta.SimpleEmail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Mail as Spring's MimeMessageHelper, Apache Commons Email 2 and Simple Java Mail 8 write it in default use, sent to
 * the server the way each sends: no violations.
 */
class OtherLibrariesCleanCorpusTest {
    private static final byte[] PDF = "%PDF-1.4 Rechnung März".getBytes(StandardCharsets.UTF_8);
    private static SmtpServer server;

    @BeforeAll
    static void start() {
        server = SmtpServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void clear() {
        server.mailbox().clear();
    }

    private static ReceivedMessage received() {
        return server.mailbox().awaitMessage();
    }

    @Test
    void springMimeMessageHelperMultipartWithAttachmentHasNoViolations() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("shop@example.com", "Café Shop");
        helper.setTo("ann@example.com");
        helper.setSubject("Grüße, Ann ✔");
        helper.setText("Grüße aus Köln", "<p>Grüße aus <b>Köln</b></p>");
        helper.addAttachment("Rechnung März.pdf", new ByteArrayDataSource(PDF, "application/pdf"));

        sender.send(message);

        assertThat(received()).hasNoViolations();
    }

    @Test
    void springMimeMessageHelperPlainTextHasNoViolations() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom("shop@example.com");
        helper.setTo("ann@example.com");
        helper.setSubject("Welcome");
        helper.setText("Welcome, Ann. " + "A long line. ".repeat(200));

        sender.send(message);

        assertThat(received()).hasNoViolations();
    }

    @Test
    void commonsEmailSimpleAndHtmlEmailHaveNoViolations() throws Exception {
        SimpleEmail simple = new SimpleEmail();
        simple.setHostName(server.host());
        simple.setSmtpPort(server.port());
        simple.setCharset("UTF-8");
        simple.setFrom("shop@example.com", "Café Shop");
        simple.addTo("ann@example.com");
        simple.setSubject("Grüße");
        simple.setMsg("Grüße aus Köln");
        simple.send();
        assertThat(received()).hasNoViolations();
        server.mailbox().clear();

        HtmlEmail html = new HtmlEmail();
        html.setHostName(server.host());
        html.setSmtpPort(server.port());
        html.setCharset("UTF-8");
        html.setFrom("shop@example.com");
        html.addTo("ann@example.com");
        html.setSubject("Your order");
        html.setHtmlMsg("<p>Grüße</p>");
        html.setTextMsg("Grüße");
        html.attach(new ByteArrayDataSource(PDF, "application/pdf"), "invoice.pdf", "Invoice");
        html.send();
        assertThat(received()).hasNoViolations();
    }

    @SuppressWarnings("try") // Mailer.close() may throw InterruptedException; caught below like any failure
    private static void sendWithSimpleJavaMail(String attachmentName) {
        try (Mailer mailer = MailerBuilder.withSMTPServer(server.host(), server.port())
                .withTransportStrategy(TransportStrategy.SMTP).buildMailer()) {
            mailer.sendMail(EmailBuilder.startingBlank()
                    .from("Café Shop", "shop@example.com")
                    .to("Ann", "ann@example.com")
                    .withSubject("Grüße, Ann ✔")
                    .withPlainText("Grüße aus Köln")
                    .withHTMLText("<p>Grüße aus <b>Köln</b></p>")
                    .withAttachment(attachmentName, PDF, "application/pdf")
                    .buildEmail());
        } catch (Exception e) {
            throw new IllegalStateException("Simple Java Mail could not send: " + e, e);
        }
    }

    @Test
    void simpleJavaMailWithHtmlAndAttachmentHasNoViolations() {
        sendWithSimpleJavaMail("invoice.pdf");

        assertThat(received()).hasNoViolations();
    }

    @Test
    void simpleJavaMailWritesANonAsciiAttachmentNameRawIntoTheContentType() {
        // a real finding (README): Content-Type: application/pdf; filename="Rechnung März.pdf"; name="..." in raw
        // UTF-8, without SMTPUTF8; the Content-Disposition beside it is correctly RFC 2231-encoded
        sendWithSimpleJavaMail("Rechnung März.pdf");

        ReceivedMessage m = received();

        assertThat(m).hasViolation(ViolationCode.RAW_NON_ASCII_HEADER_WITHOUT_SMTPUTF8)
                .hasNoViolationsExcept(ViolationCode.RAW_NON_ASCII_HEADER_WITHOUT_SMTPUTF8);
        org.assertj.core.api.Assertions.assertThat(m.violations()).singleElement()
                .satisfies(v -> org.assertj.core.api.Assertions.assertThat(v.place()).startsWith("part 2, line "));
    }
}
