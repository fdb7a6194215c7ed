package dev.letterbox.internal.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Violation;
import dev.letterbox.ViolationCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What strict mode will refuse a message for (once it is wired at the end of DATA): its first REJECT finding. */
class FirstRejectionTest {

    private static WireChecks.Scan scan(String message) {
        return WireChecks.scan(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)), Map.of());
    }

    @Test
    void theFirstRejectionSkipsWarnings() {
        String message = "From: a@example.com\r\nMessage-ID: <x@example.com>\r\n\r\nbare\nline\r\n";

        WireChecks.Scan scan = scan(message);

        assertThat(scan.violations()).extracting(Violation::code)
                .containsExactly(ViolationCode.MISSING_DATE, ViolationCode.BARE_LF);
        assertThat(scan.firstRejection(Set.of())).map(Violation::code).contains(ViolationCode.BARE_LF);
        assertThat(scan.firstRejection(Set.of(ViolationCode.BARE_LF))).isEmpty();
        assertThat(scan("From: a@example.com\r\nMessage-ID: <x@example.com>\r\n\r\nfine\r\n").firstRejection(Set.of()))
                .isEmpty();
    }
}
