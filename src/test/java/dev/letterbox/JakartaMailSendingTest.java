package dev.letterbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JakartaMailSendingTest {

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
