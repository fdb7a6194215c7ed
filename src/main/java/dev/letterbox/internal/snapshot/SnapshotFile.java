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
 * {@code core.autocrlf} must not make every snapshot differ), a byte order mark at its start is ignored (editors on
 * Windows add one), and so is a missing or extra line end at its very end (editors add or remove one): both texts
 * are compared as {@link #canonical(String)} makes them. A difference always comes with a non-empty diff.
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

    private static final String BOM = "\uFEFF";

    private SnapshotFile() {
    }

    /**
     * Compares a normalised message with its snapshot.
     *
     * @param file the snapshot file
     * @param received the normalised message
     * @param update whether a differing snapshot is rewritten
     * @return what was found (and done)
     * @throws UncheckedIOException if the file cannot be read or written
     */
    public static Outcome check(Path file, String received, boolean update) {
        String actual = canonical(received);
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
            if (text.startsWith(BOM)) {
                text = text.substring(1);
            }
            return Optional.of(canonical(text.replace("\r\n", "\n")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    /**
     * Returns a text as snapshots are compared: ending with exactly one {@code \n} (an empty text stays empty).
     *
     * @param text lines ending in {@code \n}
     * @return the text with the line ends at its very end made one
     */
    public static String canonical(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        return end == 0 ? "" : text.substring(0, end) + "\n";
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
