package dev.letterbox;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What a real client (Jakarta Mail) sees of scripted faults: the exceptions its users' retry and error paths handle. */
@CaptureMail
class FailurePathTest {

    private static MimeMessage message(Session session, String... to) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("shop@example.com"));
        for (String r : to) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(r));
        }
        m.setSubject("Your invoice");
        m.setText("Thanks for your order.");
        return m;
    }

    private static Session session(Mailbox mailbox, String... extra) {
        Properties p = mailbox.smtpProperties();
        for (int i = 0; i + 1 < extra.length; i += 2) {
            p.setProperty(extra[i], extra[i + 1]);
        }
        return Session.getInstance(p);
    }

    @Test
    void rejectedRecipientIsReportedWithTheValidOnesAndOnlyTheseGetTheMail(Mailbox mailbox) {
        mailbox.on(SmtpStage.RCPT).matching("bounce@.*").reply(550, "5.1.1 No such user");
        Session session = session(mailbox, "mail.smtp.sendpartial", "true");

        SendFailedException e = (SendFailedException) catchSend(() -> Transport.send(
                message(session, "ann@example.com", "bounce@example.com", "bob@example.com")));

        assertThat(addresses(e.getInvalidAddresses())).containsExactly("bounce@example.com");
        assertThat(addresses(e.getValidSentAddresses())).containsExactlyInAnyOrder("ann@example.com",
                "bob@example.com");
        assertThat(e.getNextException()).as("the exception for the refused address")
                .hasMessageContaining("550 5.1.1 No such user");
        assertThat(mailbox.awaitMessage()).hasRecipients("ann@example.com", "bob@example.com");
    }

    @Test
    void withoutSendPartialARejectedRecipientStopsTheWholeMessage(Mailbox mailbox) {
        mailbox.on(SmtpStage.RCPT).matching("bounce@.*").reply(550, "5.1.1 No such user");

        SendFailedException e = (SendFailedException) catchSend(() -> Transport.send(
                message(mailbox.session(), "ann@example.com", "bounce@example.com", "bob@example.com")));

        assertThat(addresses(e.getInvalidAddresses())).containsExactly("bounce@example.com");
        assertThat(addresses(e.getValidUnsentAddresses())).containsExactlyInAnyOrder("ann@example.com",
                "bob@example.com");
        assertThat(mailbox).isEmpty();
    }

    @Test
    void retryingSenderSucceedsOnTheThirdAttemptAfterTwoTemporaryFailures(Mailbox mailbox) throws Exception {
        mailbox.on(SmtpStage.END_OF_DATA).times(2).reply(451, "4.3.0 Try again later");
        MimeMessage invoice = message(mailbox.session(), "ann@example.com");

        int attempts = 0;
        MessagingException last = null;
        while (attempts < 5) {
            attempts++;
            try {
                Transport.send(invoice);
                last = null;
                break;
            } catch (MessagingException e) {
                last = e;
            }
        }

        assertThat(last).isNull();
        assertThat(attempts).isEqualTo(3);
        assertThat(mailbox.awaitMessage()).hasSubject("Your invoice");
        assertThat(mailbox.transcripts()).hasSize(3);
        assertThat(mailbox.transcripts().get(0).replies()).contains("451 4.3.0 Try again later");
    }

    @Test
    void disconnectAfterMailIsAConnectionErrorAtTheClient(Mailbox mailbox) {
        mailbox.on(SmtpStage.MAIL).disconnect();

        Exception e = catchSend(() -> Transport.send(message(mailbox.session(), "ann@example.com")));

        assertThat(e).isInstanceOf(MessagingException.class);
        assertThat(mailbox).isEmpty();
        assertThat(mailbox.transcripts().get(0).lines()).extracting(Transcript.Line::text)
                .contains("connection closed without a reply");
    }

    @Test
    void stalledServerMakesAClientWithAReadTimeoutFail(Mailbox mailbox) {
        mailbox.on(SmtpStage.DATA).stall();
        Session session = session(mailbox, "mail.smtp.timeout", "1000");

        Exception e = catchSend(() -> Transport.send(message(session, "ann@example.com")));

        assertThat(e).isInstanceOf(MessagingException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
        assertThat(mailbox).isEmpty();
    }

    @Test
    void refusedGreetingFailsTheConnect(Mailbox mailbox) {
        mailbox.on(SmtpStage.CONNECT).reply(554, "5.7.1 No SMTP service for you");

        Exception e = catchSend(() -> Transport.send(message(mailbox.session(), "ann@example.com")));

        assertThat(e).isInstanceOf(MessagingException.class).hasMessageContaining("554");
    }

    private interface Send {
        void run() throws Exception;
    }

    private static Exception catchSend(Send send) {
        try {
            send.run();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("the send was expected to fail");
    }

    private static String[] addresses(Address[] a) {
        return a == null ? new String[0]
                : Arrays.stream(a).map(x -> ((InternetAddress) x).getAddress()).toArray(String[]::new);
    }
}
