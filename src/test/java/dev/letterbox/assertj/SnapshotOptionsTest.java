package dev.letterbox.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SnapshotOptionsTest {

    @Test
    void defaultsMaskWhatChangesFromRunToRun() {
        assertThat(SnapshotOptions.defaults().maskedHeaders())
                .containsExactly("Date", "Message-ID", "Received", "DKIM-Signature", "X-Mailer", "Content-ID");
        assertThat(SnapshotOptions.defaults().directory()).isEmpty();
    }

    @Test
    void maskAddsAndUnmaskRemovesIgnoringCaseWithoutChangingTheOriginal() {
        SnapshotOptions options = SnapshotOptions.defaults().mask("X-Request-Id", "date").unmask("content-id");

        assertThat(options.maskedHeaders())
                .containsExactly("Date", "Message-ID", "Received", "DKIM-Signature", "X-Mailer", "X-Request-Id");
        assertThat(SnapshotOptions.defaults().maskedHeaders()).contains("Content-ID").doesNotContain("X-Request-Id");
        assertThat(options).isEqualTo(SnapshotOptions.defaults().unmask("Content-ID").mask("x-request-id"))
                .hasSameHashCodeAs(SnapshotOptions.defaults().unmask("Content-ID").mask("x-request-id"));
        assertThat(options.toString()).isEqualTo("SnapshotOptions{masked=[Date, Message-ID, Received,"
                + " DKIM-Signature, X-Mailer, X-Request-Id]}");
    }

    @Test
    void directoryIsKeptAndShown() {
        SnapshotOptions options = SnapshotOptions.defaults().directory(Path.of("snaps"));

        assertThat(options.directory()).contains(Path.of("snaps"));
        assertThat(options.toString()).endsWith(", directory=snaps}");
        assertThat(options).isNotEqualTo(SnapshotOptions.defaults());
    }

    @Test
    void unmaskingAHeaderThatIsNotMaskedIsRefused() {
        assertThatThrownBy(() -> SnapshotOptions.defaults().unmask("X-Mailr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"X-Mailr\" is not masked, so it cannot be unmasked; masked are [Date, Message-ID,"
                        + " Received, DKIM-Signature, X-Mailer, Content-ID]");
    }

    @Test
    void aHeaderNameWithAColonOrSpaceIsRefused() {
        assertThatThrownBy(() -> SnapshotOptions.defaults().mask("X-Id:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a header name must be non-empty, without a colon or white space, such as"
                        + " \"X-Request-Id\", but was \"X-Id:\"");
        assertThatThrownBy(() -> SnapshotOptions.defaults().mask(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
