package dev.letterbox.assertj;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.Envelope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeParameterAssertTest {
    private final Map<String, String> params = new LinkedHashMap<>(Map.of("BODY", "8BITMIME"));
    private final Envelope envelope = Envelope.builder().helo("client.example").mailFrom("shop@example.com")
            .mailParameters(params).recipient("ann@example.com").receivedAt(Instant.EPOCH).build();

    @Test
    void parameterIsFoundIgnoringCase() {
        assertThat(envelope).hasParameter("body").hasParameter("BODY", "8bitmime");
    }

    @Test
    void parameterWithAnotherValueFailsShowingTheValue() {
        assertThatThrownBy(() -> assertThat(envelope).hasParameter("BODY", "7BIT"))
                .hasMessageContaining("to have MAIL parameter BODY:\n  \"7BIT\"\nbut was:\n  \"8BITMIME\"");
    }
}
