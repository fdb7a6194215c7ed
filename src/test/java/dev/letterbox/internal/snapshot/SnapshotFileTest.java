package dev.letterbox.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileTest {
    private static final String FORM = "MAIL FROM:<shop@example.com>\nRCPT TO:<ann@example.com>\n\nSubject: Hi\n\nHello\n";

    @TempDir
    Path dir;

    @Test
    void aSnapshotWithoutItsFinalLineEndMatches() throws IOException {
        Path file = dir.resolve("a.eml.txt");
        Files.writeString(file, FORM.substring(0, FORM.length() - 1), StandardCharsets.UTF_8);

        assertThat(SnapshotFile.check(file, FORM, false)).isEqualTo(new SnapshotFile.Matched());
    }

    @Test
    void aSnapshotWithExtraLineEndsAtItsEndMatches() throws IOException {
        Path file = dir.resolve("a.eml.txt");
        Files.writeString(file, FORM + "\n\r\n", StandardCharsets.UTF_8);

        assertThat(SnapshotFile.check(file, FORM, false)).isEqualTo(new SnapshotFile.Matched());
    }

    @Test
    void aByteOrderMarkAtTheStartOfTheSnapshotIsIgnored() throws IOException {
        Path file = dir.resolve("a.eml.txt");
        Files.writeString(file, "\uFEFF" + FORM.replace("\n", "\r\n"), StandardCharsets.UTF_8);

        assertThat(SnapshotFile.check(file, FORM, false)).isEqualTo(new SnapshotFile.Matched());
    }

    @Test
    void aDifferenceAlwaysComesWithADiff() throws IOException {
        Path file = dir.resolve("a.eml.txt");
        Files.writeString(file, FORM.replace("Hello", "Hello "), StandardCharsets.UTF_8);

        SnapshotFile.Outcome outcome = SnapshotFile.check(file, FORM, false);

        assertThat(outcome).isInstanceOfSatisfying(SnapshotFile.Differs.class,
                d -> assertThat(d.diff()).contains("-Hello \n+Hello\n"));
    }
}
