package dev.letterbox.deliverability;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Smtp;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mail built with Jakarta Mail in default use (MimeMessage, MimeMultipart, Transport.send) has no violations: the
 * checks do not cry wolf on what the most common Java mail library writes.
 */
class JakartaMailCleanCorpusTest {
    private static SmtpServer server;

    @BeforeAll
    static void start() {
        server = SmtpServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static MimeMessage addressed(String subject) throws Exception {
        MimeMessage m = new MimeMessage(Smtp.session());
        m.setFrom(new InternetAddress("shop@example.com", "Café Shop", "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, "Ann <ann@example.com>, bob@example.com");
        m.setRecipients(Message.RecipientType.CC, "carol@example.com");
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new Date());
        return m;
    }

    @Test
    void plainUtf8TextHasNoViolations() throws Exception {
        MimeMessage m = addressed("Grüße, Ann ✔");
        m.setText("Grüße aus Köln\nconfirm: https://shop.example.com/confirm?t=1\n", "UTF-8");

        ReceivedMessage received = Smtp.send(server, m);

        assertThat(received).hasNoViolations();
    }

    @Test
    void asciiTextWithAVeryLongLineHasNoViolations() throws Exception {
        MimeMessage m = addressed("Report");
        m.setText("x".repeat(5000) + "\n");

        ReceivedMessage received = Smtp.send(server, m);

        assertThat(received).hasNoViolations();
    }

    @Test
    void alternativeWithRelatedImageAndAttachmentHasNoViolations() throws Exception {
        MimeMessage m = addressed("Your order");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Your order shipped. Gruß", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Your order shipped. Gruß <img src=\"cid:logo@shop\"></p>", "UTF-8", "html");
        MimeBodyPart logo = new MimeBodyPart();
        logo.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1},
                "image/png")));
        logo.setContentID("<logo@shop>");
        logo.setDisposition(MimeBodyPart.INLINE);
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(html);
        related.addBodyPart(logo);
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(relatedPart);
        MimeBodyPart alternativePart = new MimeBodyPart();
        alternativePart.setContent(alternative);
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[] {'%', 'P', 'D', 'F', (byte) 0xE2},
                "application/pdf")));
        pdf.setFileName("Rechnung März.pdf");
        MimeMultipart mixed = new MimeMultipart();
        mixed.addBodyPart(alternativePart);
        mixed.addBodyPart(pdf);
        m.setContent(mixed);

        ReceivedMessage received = Smtp.send(server, m);

        assertThat(received).hasNoViolations();
    }
}
