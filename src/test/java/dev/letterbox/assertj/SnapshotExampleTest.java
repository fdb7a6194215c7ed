package dev.letterbox.assertj;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The README's snapshot example, against the snapshot committed under
 * {@code src/test/resources/letterbox-snapshots/dev.letterbox.assertj.SnapshotExampleTest/welcomesNewUser.eml.txt}.
 */
@CaptureMail
class SnapshotExampleTest {

    @Test
    void welcomesNewUser(Mailbox mailbox, Session session) throws Exception {
        new WelcomeMail(session).send("ann@example.com");

        assertThat(mailbox.awaitMessage()).matchesSnapshot();
    }

    /** The code under test: a welcome mail with a text and an HTML body and the terms as a PDF. */
    record WelcomeMail(Session session) {
        void send(String to) throws Exception {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("hello@shop.example", "Shop"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject("Welcome, Ann", "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Hello Ann,\n\nconfirm your address: https://shop.example/confirm?u=ann\n", "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText("<p>Hello Ann,</p>\n<p><a href=\"https://shop.example/confirm?u=ann\">Confirm your"
                    + " address</a></p>\n", "UTF-8", "html");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(new MimeMultipart("alternative", text, html));
            MimeBodyPart terms = new MimeBodyPart();
            terms.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(
                    "%PDF-1.4 terms".getBytes(StandardCharsets.US_ASCII), "application/pdf")));
            terms.setFileName("terms.pdf");
            message.setContent(new MimeMultipart("mixed", body, terms));
            Transport.send(message);
        }
    }
}
