package dev.letterbox.assertj;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Smtp;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the README says of text-like attachments sent by Jakarta Mail: 7bit with LF turned into CRLF. */
class TextAttachmentByJakartaMailTest {

    @Test
    void textAttachmentArrivesAs7bitWithCrlfSoItsTextMatchesButNotItsOctets(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("items.csv"), "item;price\nbook;12.00\n", StandardCharsets.US_ASCII);
        MimeMessage message = new MimeMessage(Smtp.session());
        message.setFrom(new InternetAddress("shop@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
        MimeBodyPart text = new MimeBodyPart();
        text.setText("items attached");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.attachFile(csv.toFile(), "text/csv", null);
        message.setContent(new MimeMultipart(text, attachment));

        try (SmtpServer server = SmtpServer.start()) {
            ReceivedMessage received = Smtp.send(server, message);

            assertThat(received).attachment("items.csv")
                    .hasTextContent("item;price\nbook;12.00\n")
                    .hasContent("item;price\r\nbook;12.00\r\n".getBytes(StandardCharsets.US_ASCII));
            org.assertj.core.api.Assertions.assertThat(received.raw())
                    .asString(StandardCharsets.US_ASCII).contains("Content-Transfer-Encoding: 7bit");
            assertThatThrownBy(() -> assertThat(received).attachment("items.csv").hasContent(csv))
                    .hasMessageContaining("but they differ at offset 10: expected 0x0a, found 0x0d");
        }
    }
}
