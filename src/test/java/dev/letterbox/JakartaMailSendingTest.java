package dev.letterbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JakartaMailSendingTest {

    private static Session sessionFor(SmtpServer server, String... extra) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", server.host());
        props.setProperty("mail.smtp.port", String.valueOf(server.port()));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            props.setProperty(extra[i], extra[i + 1]);
        }
        return Session.getInstance(props);
    }

    @Test
    void plainTextMessageIsCapturedWithItsBody() throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            MimeMessage msg = new MimeMessage(sessionFor(server));
            msg.setFrom(new InternetAddress("shop@example.com"));
            msg.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
            msg.setSubject("Plain");
            msg.setText("line one\n.line with a leading dot\nlast line\n");

            Transport.send(msg);

            ReceivedMessage received = server.mailbox().awaitMessage();
            assertThat(received.mimeMessage().getContent())
                    .isEqualTo("line one\r\n.line with a leading dot\r\nlast line\r\n");
            assertThat(new String(received.raw(), StandardCharsets.US_ASCII))
                    .contains("\r\n\r\nline one\r\n.line with a leading dot\r\n");
        }
    }

    @Test
    void utf8SubjectAndBodyAreDecoded() throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            MimeMessage msg = new MimeMessage(sessionFor(server, "mail.smtp.allow8bitmime", "true"));
            msg.setFrom(new InternetAddress("shop@example.com"));
            msg.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
            msg.setSubject("Grüße aus Köln – 東京 ✓", "UTF-8");
            msg.setText("Schöne Grüße, 東京\n", "UTF-8");

            Transport.send(msg);

            ReceivedMessage received = server.mailbox().awaitMessage();
            assertThat(received.subject()).isEqualTo("Grüße aus Köln – 東京 ✓");
            assertThat(received.mimeMessage().getContent()).isEqualTo("Schöne Grüße, 東京\r\n");
        }
    }

    @Test
    void attachmentInAMultipartIsCapturedIntact() throws Exception {
        byte[] pdf = new byte[50_000];
        for (int i = 0; i < pdf.length; i++) {
            pdf[i] = (byte) (i * 31 + 7);
        }
        try (SmtpServer server = SmtpServer.start()) {
            MimeMessage msg = new MimeMessage(sessionFor(server));
            msg.setFrom(new InternetAddress("billing@example.com"));
            msg.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
            msg.setSubject("Your invoice");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Invoice attached.", "UTF-8");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new jakarta.activation.DataHandler(
                    new ByteArrayDataSource(pdf, "application/pdf")));
            attachment.setFileName("invoice-2024.pdf");
            attachment.setDisposition(Part.ATTACHMENT);
            msg.setContent(new MimeMultipart(text, attachment));

            Transport.send(msg);

            ReceivedMessage received = server.mailbox().awaitMessage();
            Multipart multipart = (Multipart) received.mimeMessage().getContent();
            assertThat(multipart.getCount()).isEqualTo(2);
            assertThat(multipart.getBodyPart(0).getContent()).isEqualTo("Invoice attached.");
            Part part = multipart.getBodyPart(1);
            assertThat(part.getFileName()).isEqualTo("invoice-2024.pdf");
            assertThat(part.getContentType()).startsWith("application/pdf");
            try (InputStream in = part.getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(pdf);
            }
        }
    }

    @Test
    void utf8AddressesAreSentWithSmtputf8() throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            Session session = sessionFor(server, "mail.mime.allowutf8", "true");
            MimeMessage msg = new MimeMessage(session);
            msg.setFrom(new InternetAddress("jürgen@bücher.example"));
            msg.setRecipient(Message.RecipientType.TO, new InternetAddress("用户@例子.广告"));
            msg.setSubject("Hallo", "UTF-8");
            msg.setText("hi", "UTF-8");

            Transport.send(msg);

            ReceivedMessage received = server.mailbox().awaitMessage();
            assertThat(received.envelope().mailFrom()).isEqualTo("jürgen@bücher.example");
            assertThat(received.envelope().mailParameters()).containsKey("SMTPUTF8");
            assertThat(received.envelope().recipients()).containsExactly("用户@例子.广告");
            assertThat(received.from()).isEqualTo("jürgen@bücher.example");
        }
    }

    @Test
    void messageSentWithJakartaMailIsCapturedWithItsEnvelope() throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            Properties props = new Properties();
            props.setProperty("mail.smtp.host", server.host());
            props.setProperty("mail.smtp.port", String.valueOf(server.port()));
            Session session = Session.getInstance(props);
            MimeMessage msg = new MimeMessage(session);
            msg.setFrom(new InternetAddress("shop@example.com"));
            msg.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
            msg.setRecipient(Message.RecipientType.BCC, new InternetAddress("audit@example.com"));
            msg.setSubject("Welcome, Ann", "UTF-8");
            msg.setText("Confirm your address", "UTF-8");

            Transport.send(msg);

            ReceivedMessage received = server.mailbox().awaitMessage();
            assertThat(received.envelope().mailFrom()).isEqualTo("shop@example.com");
            assertThat(received.envelope().recipients()).containsExactly("ann@example.com", "audit@example.com");
            assertThat(received.subject()).isEqualTo("Welcome, Ann");
            assertThat(received.from()).isEqualTo("shop@example.com");
            assertThat(server.mailbox().messagesTo("AUDIT@example.com")).containsExactly(received);
        }
    }
}
