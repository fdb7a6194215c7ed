package dev.letterbox;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** Jakarta Mail configured as for production (STARTTLS, required STARTTLS, implicit TLS) against each TLS mode. */
class TlsSendingTest {

    static void send(Session session) throws MessagingException {
        MimeMessage msg = new MimeMessage(session);
        msg.setFrom(new InternetAddress("shop@example.com"));
        msg.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
        msg.setSubject("Over TLS");
        msg.setText("hello");
        Transport.send(msg);
    }

    @Test
    void startTlsEnabledClientUpgradesWhenOffered() throws Exception {
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().tls(TlsMode.OFFERED).build())) {
            Session session = server.mailbox().session();
            org.assertj.core.api.Assertions.assertThat(session.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");

            send(session);

            assertThat(server.mailbox().awaitMessage()).usedTls().hasSubject("Over TLS");
        }
    }

    @Test
    void startTlsRequiredClientSendsToAServerThatRequiresIt() throws Exception {
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().tls(TlsMode.REQUIRED).build())) {
            Session session = server.mailbox().session();
            org.assertj.core.api.Assertions.assertThat(session.getProperty("mail.smtp.starttls.required")).isEqualTo("true");

            send(session);

            assertThat(server.mailbox().awaitMessage().envelope()).usedTls();
        }
    }

    @Test
    void sslEnabledClientSpeaksImplicitTls() throws Exception {
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().tls(TlsMode.IMPLICIT).build())) {
            Session session = server.mailbox().session();
            org.assertj.core.api.Assertions.assertThat(session.getProperty("mail.smtp.ssl.enable")).isEqualTo("true");

            send(session);

            assertThat(server.mailbox().awaitMessage()).usedTls();
        }
    }

    @Test
    void plaintextMessageFailsUsedTls() throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            send(server.mailbox().session());

            ReceivedMessage m = server.mailbox().awaitMessage();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertThat(m).usedTls())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("to have TLS in force")
                    .hasMessageContaining("plaintext");
        }
    }
}
