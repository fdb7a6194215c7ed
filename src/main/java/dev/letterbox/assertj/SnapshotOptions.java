package dev.letterbox.assertj;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How {@link ReceivedMessageAssert#matchesSnapshot(SnapshotOptions)} normalises a message: which header fields are
 * masked (their values written as {@code <masked>}), and optionally where the snapshot files go. Immutable: every
 * method returns new options.
 *
 * <p>{@link #defaults()} masks what changes from one run to the next although the test sends the same mail:
 * {@code Date}, {@code Message-ID}, {@code Received}, {@code DKIM-Signature}, {@code X-Mailer} and
 * {@code Content-ID}; it keeps what the test author controls (addresses, subject, {@code Return-Path}, headers of the
 * application's own). A masked {@code Content-ID} becomes {@code <masked-cid-1>}, {@code <masked-cid-2>}, ... in
 * the order of the parts, and the {@code cid:} references to it in the text parts change with it, so a generated
 * id does not matter but a reference to a missing part still shows. MIME boundaries are always masked. Names are
 * compared ignoring case.
 *
 * <pre>{@code
 * assertThat(message).matchesSnapshot(SnapshotOptions.defaults().mask("X-Request-Id").unmask("Content-ID"));
 * }</pre>
 */
public final class SnapshotOptions {
    private static final String DEFAULT_MASKED = "Date, Message-ID, Received, DKIM-Signature, X-Mailer, Content-ID";

    private static final SnapshotOptions DEFAULTS = new SnapshotOptions(names(List.of(DEFAULT_MASKED.split(", "))),
            null);

    /** Lower-case name to the name as first given, in the order given. */
    private final Map<String, String> masked;
    private final Path directory;

    private SnapshotOptions(Map<String, String> masked, Path directory) {
        this.masked = Collections.unmodifiableMap(masked);
        this.directory = directory;
    }

    /**
     * Returns the default options: {@code Date}, {@code Message-ID}, {@code Received}, {@code DKIM-Signature},
     * {@code X-Mailer} and {@code Content-ID} masked, snapshots where the JUnit extension puts them.
     *
     * @return the defaults
     */
    public static SnapshotOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Masks these header fields as well, for values the application makes differently each run (a request id, a
     * timestamp of its own).
     *
     * @param headers header names, such as {@code X-Request-Id}
     * @return new options
     * @throws IllegalArgumentException if a name is empty or contains a colon or white space
     */
    public SnapshotOptions mask(String... headers) {
        Map<String, String> m = new LinkedHashMap<>(masked);
        for (String h : checked(headers)) {
            m.putIfAbsent(h.toLowerCase(Locale.ROOT), h);
        }
        return new SnapshotOptions(m, directory);
    }

    /**
     * Stops masking these header fields, so that their values are part of the snapshot (a {@code Date} the test
     * fixed with a clock, a {@code Content-ID} the application chooses).
     *
     * @param headers header names, each one now masked
     * @return new options
     * @throws IllegalArgumentException if a name is not masked now (a typo would otherwise go unnoticed)
     */
    public SnapshotOptions unmask(String... headers) {
        Map<String, String> m = new LinkedHashMap<>(masked);
        for (String h : checked(headers)) {
            if (m.remove(h.toLowerCase(Locale.ROOT)) == null) {
                throw new IllegalArgumentException("\"" + h + "\" is not masked, so it cannot be unmasked; masked are "
                        + maskedHeaders());
            }
        }
        return new SnapshotOptions(m, directory);
    }

    /**
     * Puts snapshot files under this root directory instead of the configured one
     * ({@code letterbox.snapshots.directory}, by default {@code src/test/resources/letterbox-snapshots}). In a JUnit
     * test the files are {@code <directory>/<test-class>/<test-method>[-n].eml.txt} as usual; without the extension
     * (a server of one's own), a snapshot needs a name and its file is {@code <directory>/<name>.eml.txt}.
     *
     * @param directory the root directory
     * @return new options
     */
    public SnapshotOptions directory(Path directory) {
        return new SnapshotOptions(new LinkedHashMap<>(masked), Objects.requireNonNull(directory, "directory"));
    }

    /** @return the names of the masked header fields, as given, in the order given */
    public Set<String> maskedHeaders() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(masked.values()));
    }

    /** @return the root directory set with {@link #directory(Path)}, empty for the configured one */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** @return the masked names in lower case, for the normaliser */
    Set<String> maskedLowerCase() {
        return masked.keySet();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnapshotOptions other && masked.keySet().equals(other.masked.keySet())
                && Objects.equals(directory, other.directory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(masked.keySet(), directory);
    }

    @Override
    public String toString() {
        return "SnapshotOptions{masked=" + masked.values() + (directory == null ? "" : ", directory=" + directory)
                + "}";
    }

    private static List<String> checked(String[] headers) {
        Objects.requireNonNull(headers, "headers");
        List<String> out = new ArrayList<>();
        for (String h : headers) {
            if (h == null || h.isBlank() || h.indexOf(':') >= 0 || h.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a header name must be non-empty, without a colon or white space,"
                        + " such as \"X-Request-Id\", but was " + (h == null ? "null" : "\"" + h + "\""));
            }
            out.add(h);
        }
        return out;
    }

    private static Map<String, String> names(List<String> headers) {
        Map<String, String> m = new LinkedHashMap<>();
        headers.forEach(h -> m.put(h.toLowerCase(Locale.ROOT), h));
        return m;
    }
}
