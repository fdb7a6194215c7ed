package dev.letterbox.deliverability;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.Violation;
import dev.letterbox.ViolationCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViolationAssertionsTest {
    private static final String NO_ID = "From: shop@example.com\nTo: ann@example.com\nSubject: Hi\n"
            + "Date: Tue, 3 Mar 2026 10:15:30 +0100\n\nHello<LF>Ann\n";
    private static final String CLEAN = "From: shop@example.com\nTo: ann@example.com\nSubject: Hi\n"
            + "Date: Tue, 3 Mar 2026 10:15:30 +0100\nMessage-ID: <a@example.com>\n\nHello\n";
    private SmtpServer server;

    @BeforeEach
    void start() {
        server = SmtpServer.start(ServerOptions.builder().lenientLineEndings(true).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void hasNoViolationsListsEachFindingWithPlaceAndSource() {
        ReceivedMessage message = Delivery.deliver(server, "", Delivery.octets(NO_ID));

        assertThatThrownBy(() -> assertThat(message).hasNoViolations())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have no violations")
                .hasMessageContaining("but had 2 violations:\n"
                        + "  REJECT MISSING_MESSAGE_ID at header section: no Message-ID header field"
                        + " [RFC 5322 section 3.6.4; Gmail email sender guidelines]\n"
                        + "  REJECT BARE_LF at line 6: bare <LF> ends the line instead of <CR><LF>"
                        + " [RFC 5321 section 2.3.8; RFC 5322 section 2.3]");
    }

    @Test
    void hasNoViolationsExceptIgnoresTheGivenCodesOnly() {
        ReceivedMessage message = Delivery.deliver(server, "", Delivery.octets(NO_ID));

        assertThat(message).hasNoViolationsExcept(ViolationCode.BARE_LF, ViolationCode.MISSING_MESSAGE_ID);
        assertThatThrownBy(() -> assertThat(message).hasNoViolationsExcept(ViolationCode.BARE_LF))
                .hasMessageContaining("to have no violations other than [BARE_LF]")
                .hasMessageContaining("but had 1 violation:\n  REJECT MISSING_MESSAGE_ID at header section");
    }

    @Test
    void hasViolationPassesForAPresentCodeAndListsTheOthersOtherwise() {
        ReceivedMessage message = Delivery.deliver(server, "", Delivery.octets(NO_ID));

        assertThat(message).hasViolation(ViolationCode.BARE_LF).hasViolation(ViolationCode.MISSING_MESSAGE_ID);
        assertThatThrownBy(() -> assertThat(message).hasViolation(ViolationCode.MISSING_DATE))
                .hasMessageContaining("to have violation:\n  MISSING_DATE")
                .hasMessageContaining("its violations are:\n  REJECT MISSING_MESSAGE_ID at header section");
    }

    @Test
    void allMessagesAreDeliverableNamesTheMessagesProvidersWouldReject() {
        Delivery.deliver(server, "", Delivery.octets(CLEAN));
        Delivery.deliver(server, "", Delivery.octets(NO_ID));

        assertThatThrownBy(() -> assertThat(server.mailbox()).allMessagesAreDeliverable())
                .hasMessageContaining("to have only deliverable messages")
                .hasMessageContaining("but 1 of 2 would be rejected:\nmessage [1] (")
                .hasMessageContaining("has 2 violations that providers reject:\n  REJECT MISSING_MESSAGE_ID");
    }

    @Test
    void allMessagesAreDeliverableIgnoresWarnings() {
        Delivery.deliver(server, "", Delivery.octets(CLEAN.replace("Date: Tue, 3 Mar 2026 10:15:30 +0100\n", "")));

        org.assertj.core.api.Assertions.assertThat(server.mailbox().messages().get(0).violations()).extracting(Violation::code)
                .containsExactly(ViolationCode.MISSING_DATE);
        assertThat(server.mailbox()).allMessagesAreDeliverable();
    }

    @Test
    void violationsAreCheckedOnceAndTheSameListIsReturned() {
        ReceivedMessage message = Delivery.deliver(server, "", Delivery.octets(NO_ID));

        org.assertj.core.api.Assertions.assertThat(message.violations()).isSameAs(message.violations());
    }
}
