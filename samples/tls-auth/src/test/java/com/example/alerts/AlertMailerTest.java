package com.example.alerts;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.TlsCertificate;
import dev.letterbox.TlsMode;
import jakarta.mail.AuthenticationFailedException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The mailer keeps its production settings; only the server's address and the certificate's trust come from the test. */
@CaptureMail(tls = TlsMode.REQUIRED, users = "alerts:s3cret", authRequired = true)
class AlertMailerTest {

    /** The one test-only setting: trust Letterbox's built-in certificate (production uses the JVM's trust store). */
    private static Properties trustLetterbox() {
        Properties trust = new Properties();
        trust.put("mail.smtp.ssl.socketFactory", TlsCertificate.localhost().clientSslContext().getSocketFactory());
        return trust;
    }

    @Test
    void sendsTheAlertOverTlsAsTheConfiguredUser(Mailbox mailbox) throws Exception {
        AlertMailer mailer = new AlertMailer(mailbox.host(), mailbox.port(), "alerts", "s3cret", trustLetterbox());

        mailer.send("oncall@example.com", "disk full", "/var is at 99%");

        assertThat(mailbox.awaitMessage())
                .usedTls()
                .wasAuthenticatedAs("alerts")
                .hasRecipients("oncall@example.com")
                .hasSubject("[ALERT] disk full");
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsSent(Mailbox mailbox) {
        AlertMailer mailer = new AlertMailer(mailbox.host(), mailbox.port(), "alerts", "wrong", trustLetterbox());

        assertThatThrownBy(() -> mailer.send("oncall@example.com", "disk full", "..."))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(mailbox).isEmpty();
    }

    @Test
    void theTranscriptShowsTheDialogueButNotThePassword(Mailbox mailbox) throws Exception {
        new AlertMailer(mailbox.host(), mailbox.port(), "alerts", "s3cret", trustLetterbox())
                .send("oncall@example.com", "disk full", "...");
        mailbox.awaitMessage();

        String transcript = mailbox.transcripts().get(0).toString();
        org.assertj.core.api.Assertions.assertThat(transcript).contains("STARTTLS", "TLS started", "AUTH", "***")
                .doesNotContain(java.util.Base64.getEncoder().encodeToString("s3cret".getBytes()));
    }
}
