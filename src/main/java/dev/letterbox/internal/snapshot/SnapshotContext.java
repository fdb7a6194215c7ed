package dev.letterbox.internal.snapshot;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Where the snapshots of the test that now uses a mailbox live, and whether they are rewritten: made by the JUnit
 * extension when a test starts (one per test, so its count of unnamed snapshots starts again), held by the mailbox's
 * {@code ReportLocation}. Files are {@code <root>/<test-class>/<test-method>[-n].eml.txt}, {@code -n} for the n-th
 * snapshot without a name in one test (n = 2, 3, ...), and {@code <test-method>-<name>.eml.txt} for a named one; the
 * test method carries the invocation index of a repeated or parameterized test ({@code sends-2}), and the parameter
 * types of a test method whose name another one shares ({@code sends(Mailbox,TestInfo)}).
 */
public final class SnapshotContext {
    /** The configuration parameter (or system property) naming the root directory of snapshots. */
    public static final String DIRECTORY_PARAMETER = "letterbox.snapshots.directory";
    /** The configuration parameter (or system property) that, when {@code true}, rewrites differing snapshots. */
    public static final String UPDATE_PARAMETER = "letterbox.snapshots.update";
    /** The root directory of snapshots unless configured, relative to the working directory (the project's). */
    public static final String DEFAULT_DIRECTORY = "src/test/resources/letterbox-snapshots";
    /** The suffix of a snapshot file. */
    public static final String SUFFIX = ".eml.txt";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path root;
    private final String testClass;
    private final String testName;
    private final boolean update;
    private final AtomicInteger unnamed = new AtomicInteger();

    /**
     * Creates the context of one test.
     *
     * @param root the root directory of snapshots
     * @param testClass the test class's binary name
     * @param testName the test method's name as its files use it (parameter types of an overload, invocation index)
     * @param update whether differing and missing snapshots are (re)written
     */
    public SnapshotContext(Path root, String testClass, String testName, boolean update) {
        this.root = Objects.requireNonNull(root, "root");
        this.testClass = Objects.requireNonNull(testClass, "testClass");
        this.testName = Objects.requireNonNull(testName, "testName");
        this.update = update;
    }

    /** @return whether differing snapshots are rewritten */
    public boolean update() {
        return update;
    }

    /**
     * Returns the file of the next snapshot of this test; each call without a name counts.
     *
     * @param otherRoot the root to use instead of the configured one, or null
     * @param name the snapshot's name, or null for the next unnamed one
     * @return the file
     */
    public Path file(Path otherRoot, String name) {
        String base;
        if (name != null) {
            base = testName + "-" + checkedName(name);
        } else {
            int n = unnamed.incrementAndGet();
            base = n == 1 ? testName : testName + "-" + n;
        }
        return (otherRoot != null ? otherRoot : root).resolve(testClass).resolve(base + SUFFIX);
    }

    /**
     * Checks a snapshot name given by the test author.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it cannot be part of a file name on every system
     */
    public static String checkedName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a snapshot name becomes part of a file name, so it must start with a"
                    + " letter or digit and contain only letters, digits, '.', '_' and '-', but was \"" + name
                    + "\"; for example \"welcome\" or \"reminder-2\"");
        }
        if (name.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a snapshot name of digits only (\"" + name + "\") would take the file"
                    + " of the n-th snapshot without a name (<test-method>-" + name + ".eml.txt); use a word, such as"
                    + " \"reminder-" + name + "\"");
        }
        return name;
    }

    @Override
    public String toString() {
        return "SnapshotContext{" + root.resolve(testClass).resolve(testName) + (update ? ", update" : "") + "}";
    }
}
