package dev.letterbox.internal.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Compares a normalised message with its snapshot file, and writes the file when there is none yet or when asked to
 * update it. The file is UTF-8; its line ends are read as {@code \n} whatever they are (a checkout with
 * {@code core.autocrlf} must not make every snapshot differ).
 */
public final class SnapshotFile {

    /** What a comparison found. */
    public sealed interface Outcome {
    }

    /** The snapshot matched. */
    public record Matched() implements Outcome {
    }

    /**
     * The snapshot was written.
     *
     * @param created true if there was none, false if a differing one was rewritten
     * @param diff for a rewritten one, the unified diff of the change; empty for a new one
     */
    public record Written(boolean created, String diff) implements Outcome {
    }

    /**
     * The snapshot differs and was left as it is.
     *
     * @param expected the snapshot's text
     * @param diff the unified diff, snapshot first
     */
    public record Differs(String expected, String diff) implements Outcome {
    }

    private SnapshotFile() {
    }

    /**
     * Compares a normalised message with its snapshot.
     *
     * @param file the snapshot file
     * @param actual the normalised message
     * @param update whether a differing snapshot is rewritten
     * @return what was found (and done)
     * @throws UncheckedIOException if the file cannot be read or written
     */
    public static Outcome check(Path file, String actual, boolean update) {
        Optional<String> expected = read(file);
        if (expected.isPresent() && expected.get().equals(actual)) {
            return new Matched();
        }
        String diff = expected.map(e -> UnifiedDiff.of(e, actual, "snapshot " + file.getFileName(),
                "received message")).orElse("");
        if (expected.isPresent() && !update) {
            return new Differs(expected.get(), diff);
        }
        write(file, actual);
        return new Written(expected.isEmpty(), diff);
    }

    private static Optional<String> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return Optional.of(text.replace("\r\n", "\n"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot " + file.toAbsolutePath() + ": " + e, e);
        }
    }
}
