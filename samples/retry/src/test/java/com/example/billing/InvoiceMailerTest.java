package com.example.billing;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.SmtpStage;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

@CaptureMail
class InvoiceMailerTest {

    private static InvoiceMailer mailer(Mailbox mailbox) {
        Properties smtp = mailbox.smtpProperties();
        smtp.setProperty("mail.smtp.timeout", "1000");
        return new InvoiceMailer(smtp, 4, Duration.ofMillis(10));
    }

    @Test
    void invoiceIsDeliveredOnTheThirdAttemptAfterTwoTemporaryFailures(Mailbox mailbox) throws Exception {
        mailbox.on(SmtpStage.END_OF_DATA).times(2).reply(451, "4.3.0 Try again later");

        int attempts = mailer(mailbox).send("ann@example.com", "2026-0042");

        assertThat(attempts).isEqualTo(3);
        assertThat(mailbox.awaitMessage()).hasSubject("Invoice 2026-0042").hasRecipients("ann@example.com");
        assertThat(mailbox.transcripts()).hasSize(3)
                .allSatisfy(t -> assertThat(t.commands()).contains("MAIL FROM:<billing@shop.example>"));
    }

    @Test
    void droppedConnectionIsRetried(Mailbox mailbox) throws Exception {
        mailbox.on(SmtpStage.MAIL).once().disconnect();

        int attempts = mailer(mailbox).send("ann@example.com", "2026-0043");

        assertThat(attempts).isEqualTo(2);
        assertThat(mailbox.awaitMessage()).hasSubject("Invoice 2026-0043");
    }

    @Test
    void permanentRefusalIsNotRetried(Mailbox mailbox) {
        mailbox.on(SmtpStage.RCPT).matching("gone@.*").reply(550, "5.1.1 No such user");

        assertThatThrownBy(() -> mailer(mailbox).send("gone@example.com", "2026-0044"))
                .isInstanceOf(MessagingException.class);

        assertThat(mailbox.transcripts()).as("one attempt only").hasSize(1);
        assertThat(mailbox.transcripts().get(0).replies()).contains("550 5.1.1 No such user");
        assertThat(mailbox).isEmpty();
    }

    @Test
    void serverThatStopsAnsweringIsGivenUpAfterTheLastAttempt(Mailbox mailbox) {
        mailbox.on(SmtpStage.DATA).stall();

        assertThatThrownBy(() -> mailer(mailbox).send("ann@example.com", "2026-0045"))
                .isInstanceOf(MessagingException.class);

        assertThat(mailbox.transcripts()).as("every attempt stalled").hasSize(4);
        assertThat(mailbox).isEmpty();
    }
}
