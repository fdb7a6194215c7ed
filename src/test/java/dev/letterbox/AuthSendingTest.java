package dev.letterbox;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Jakarta Mail with {@code mail.smtp.auth} as production code sets it, with each mechanism it has, and over TLS. */
@CaptureMail(users = "alice:secret", authRequired = true, tls = TlsMode.REQUIRED)
class AuthSendingTest {

    private static MimeMessage message(Session session) throws Exception {
        MimeMessage msg = new MimeMessage(session);
        msg.setFrom(new InternetAddress("shop@example.com"));
        msg.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
        msg.setSubject("Authenticated");
        msg.setText("hello");
        return msg;
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "LOGIN"})
    void clientAuthenticatesWithEachMechanismOverStartTls(String mechanism, Mailbox mailbox) throws Exception {
        Properties props = mailbox.smtpProperties();
        org.assertj.core.api.Assertions.assertThat(props.getProperty("mail.smtp.auth")).isEqualTo("true");
        props.setProperty("mail.smtp.auth.mechanisms", mechanism);

        Transport.send(message(Session.getInstance(props)), "alice", "secret");

        assertThat(mailbox.awaitMessage()).wasAuthenticatedAs("alice").usedTls();
        org.assertj.core.api.Assertions.assertThat(mailbox.messages().get(0).envelope().authMechanism())
                .isEqualTo(mechanism);
    }

    @Test
    void wrongPasswordFailsWithAuthenticationFailedException(Mailbox mailbox) {
        assertThatThrownBy(() -> Transport.send(message(mailbox.session()), "alice", "wrong"))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("535");
        org.assertj.core.api.Assertions.assertThat(mailbox.messages()).isEmpty();
    }

    @Test
    void messageFromAnotherUserFailsWasAuthenticatedAs(Mailbox mailbox) throws Exception {
        Transport.send(message(mailbox.session()), "alice", "secret");

        ReceivedMessage m = mailbox.awaitMessage();
        assertThatThrownBy(() -> assertThat(m).wasAuthenticatedAs("bob")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have authenticated user (AUTH)").hasMessageContaining("alice");
    }
}
