package dev.letterbox.assertj;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.commons.mail2.jakarta.HtmlEmail;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The point of snapshots: the same mail sent twice by a real mail library (a new Message-ID, Date, MIME boundaries
 * and Content-IDs each time) matches one snapshot.
 */
@CaptureMail
class SnapshotStabilityTest {
    private static final byte[] PDF = "%PDF-1.4 Rechnung März".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @TempDir
    Path snapshots;

    @Test
    void jakartaMailSentTwiceMatchesOneSnapshot(Mailbox mailbox, Session session, TestInfo test) throws Exception {
        sendWithJakartaMail(session);
        sendWithJakartaMail(session);

        List<ReceivedMessage> both = mailbox.awaitMessages(2);

        String snapshot = sameSnapshot(both, test, "jakarta");
        Assertions.assertThat(snapshot).contains("Subject: Grüße, Ann ✔\n")
                .contains("<p>Grüße <img src=\"cid:masked-cid-1\"></p>")
                .contains("Content-ID: <masked-cid-1>\n")
                .contains("(attachment \"Rechnung März.pdf\": application/pdf, 23 bytes, sha256 ");
    }

    @Test
    void commonsEmailWithAnEmbeddedImageSentTwiceMatchesOneSnapshot(Mailbox mailbox, TestInfo test) throws Exception {
        sendWithCommonsEmail(mailbox);
        sendWithCommonsEmail(mailbox);

        List<ReceivedMessage> both = mailbox.awaitMessages(2);

        String snapshot = sameSnapshot(both, test, "commons");
        Assertions.assertThat(snapshot).contains("<img src=\"cid:masked-cid-1\">").contains("Content-ID: <masked-cid-1>\n")
                .contains("(inline part \"logo.png\": image/png, 12 bytes, sha256 ");
    }

    @Test
    void springMimeMessageHelperSentTwiceMatchesOneSnapshot(Mailbox mailbox, TestInfo test) throws Exception {
        sendWithSpring(mailbox);
        sendWithSpring(mailbox);

        List<ReceivedMessage> both = mailbox.awaitMessages(2);

        String snapshot = sameSnapshot(both, test, "spring");
        Assertions.assertThat(snapshot).contains("From: Café Shop <shop@example.com>\n")
                .contains("(attachment \"Rechnung März.pdf\": application/pdf, 23 bytes, sha256 ");
    }

    /** Takes the snapshot of the first message (which fails, saying it wrote it) and checks the second against it. */
    private String sameSnapshot(List<ReceivedMessage> both, TestInfo test, String name) throws Exception {
        Assertions.assertThat(both.get(0).messageId()).isNotEqualTo(both.get(1).messageId());
        Assertions.assertThat(both.get(0).raw()).isNotEqualTo(both.get(1).raw());
        SnapshotOptions options = SnapshotOptions.defaults().directory(snapshots);

        assertThatThrownBy(() -> assertThat(both.get(0)).matchesSnapshot(name, options))
                .hasMessageContaining("but there was no snapshot yet");
        assertThat(both.get(1)).matchesSnapshot(name, options);

        Path file = snapshots.resolve(getClass().getName()).resolve(
                test.getTestMethod().orElseThrow().getName() + "-" + name + ".eml.txt");
        return Files.readString(file);
    }

    private static void sendWithJakartaMail(Session session) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("shop@example.com", "Café Shop", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
        message.setSubject("Grüße, Ann ✔", "UTF-8");
        String cid = UUID.randomUUID() + "@shop.example"; // as mail code often makes them
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Grüße", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Grüße <img src=\"cid:" + cid + "\"></p>", "UTF-8", "html");
        MimeBodyPart logo = new MimeBodyPart();
        logo.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(PNG, "image/png")));
        logo.setContentID("<" + cid + ">");
        logo.setDisposition(MimeBodyPart.INLINE);
        MimeMultipart related = new MimeMultipart("related", html, logo);
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        MimeMultipart alternative = new MimeMultipart("alternative", text, relatedPart);
        MimeBodyPart alternativePart = new MimeBodyPart();
        alternativePart.setContent(alternative);
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(PDF, "application/pdf")));
        pdf.setFileName("Rechnung März.pdf");
        pdf.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart("mixed", alternativePart, pdf));
        Transport.send(message);
    }

    private static void sendWithCommonsEmail(Mailbox mailbox) throws Exception {
        HtmlEmail html = new HtmlEmail();
        html.setHostName(mailbox.host());
        html.setSmtpPort(mailbox.port());
        html.setCharset("UTF-8");
        html.setFrom("shop@example.com");
        html.addTo("ann@example.com");
        html.setSubject("Your order");
        String cid = html.embed(new ByteArrayDataSource(PNG, "image/png"), "logo.png"); // random each time
        html.setHtmlMsg("<p>Grüße <img src=\"cid:" + cid + "\"></p>");
        html.setTextMsg("Grüße");
        html.attach(new ByteArrayDataSource(PDF, "application/pdf"), "invoice.pdf", "Invoice");
        html.send();
    }

    private static void sendWithSpring(Mailbox mailbox) throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mailbox.host());
        sender.setPort(mailbox.port());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("shop@example.com", "Café Shop");
        helper.setTo("ann@example.com");
        helper.setSubject("Grüße, Ann ✔");
        helper.setText("Grüße aus Köln", "<p>Grüße aus <b>Köln</b> <img src=\"cid:logo\"></p>");
        helper.addInline("logo", new ByteArrayResource(PNG), "image/png");
        helper.addAttachment("Rechnung März.pdf", new ByteArrayDataSource(PDF, "application/pdf"));
        sender.send(message);
    }
}
