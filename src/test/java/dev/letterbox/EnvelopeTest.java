package dev.letterbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
    private final Envelope envelope = Envelope.builder().helo("client.example").mailFrom("shop@example.com")
            .mailParameter("BODY", "8BITMIME")
            .recipient("Ann@Example.com", Map.of("NOTIFY", "SUCCESS"))
            .recipient("bob@example.com", Map.of("ORCPT", "rfc822;bob@example.com"))
            .recipient("BOB@example.com")
            .receivedAt(Instant.EPOCH).build();

    @Test
    void recipientParametersAreFoundIgnoringCaseLikeMessagesTo() {
        assertThat(envelope.recipientParameters("ann@example.com")).containsExactly(Map.entry("NOTIFY", "SUCCESS"));
        assertThat(envelope.recipientParameters("ANN@EXAMPLE.COM")).containsExactly(Map.entry("NOTIFY", "SUCCESS"));
    }

    @Test
    void recipientParametersPreferTheExactSpellingThenTheFirstGiven() {
        assertThat(envelope.recipientParameters("BOB@example.com")).isEmpty();
        assertThat(envelope.recipientParameters("bob@example.com")).containsKey("ORCPT");
        assertThat(envelope.recipientParameters("Bob@Example.com")).containsKey("ORCPT");
    }

    @Test
    void recipientParametersOfAnAddressThatIsNoRecipientAreRefusedListingTheRecipients() {
        assertThatThrownBy(() -> envelope.recipientParameters("carol@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'carol@example.com' is not a recipient of this envelope; recipients: [Ann@Example.com,"
                        + " bob@example.com, BOB@example.com]");
    }

    @Test
    void absentSingleValuesAreNullAndNullArgumentsAreRefused() {
        assertThat(envelope.mailParameter("body")).isEqualTo("8BITMIME");
        assertThat(envelope.mailParameter("SIZE")).isNull();
        assertThatThrownBy(() -> envelope.mailParameter(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("keyword");
        assertThatThrownBy(() -> envelope.recipientParameters(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("recipient");
    }
}
