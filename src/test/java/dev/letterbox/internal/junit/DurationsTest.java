package dev.letterbox.internal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void acceptsAWholeNumberWithAUnitOrIso8601() {
        assertThat(Durations.parse("500ms", "x")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("10s", "x")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse(" 2 M ", "x")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h", "x")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("PT1.5S", "x")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void refusesANumberWithoutAUnitNamingWhatItConfigures() {
        assertThatThrownBy(() -> Durations.parse("10", "awaitTimeout"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("awaitTimeout \"10\" is not a duration: write a whole number with a unit, such as"
                        + " \"500ms\", \"10s\", \"2m\" or \"1h\", or an ISO-8601 duration such as \"PT1.5S\"");
    }
}
