package dev.letterbox.internal.diagnostics;

import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.internal.snapshot.SnapshotContext;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the failure report of the test that now uses a mailbox goes ({@code target/letterbox/<class>/<test>/}), so
 * that a failure message can name it before the report is written. The JUnit extension sets it when a test starts;
 * the mailbox shares it with every message it receives; await timeouts and assertion failures print {@link #line()}.
 * Without the extension (an {@code SmtpServer} of one's own) it stays empty and nothing is printed.
 *
 * <p>{@code Mailbox} and {@code ReceivedMessage} keep it in a private field, read here, so that it is no part of the
 * public API.
 */
public final class ReportLocation {
    /**
     * The field handles, made on first use by the extension: a holder of their own keeps {@code java.lang.invoke} off
     * the way of {@code SmtpServer.start()} (a mailbox makes a location), where it cost milliseconds of a cold start.
     */
    private static final class Fields {
        static final VarHandle OF_MAILBOX = field(Mailbox.class);
        static final VarHandle OF_MESSAGE = field(ReceivedMessage.class);
    }

    private volatile Path directory;
    private volatile boolean always;
    private volatile SnapshotContext snapshots;

    /** Creates an empty location; a mailbox makes its own. */
    public ReportLocation() {
    }

    /**
     * Returns the location a mailbox shares with its messages.
     *
     * @param mailbox the mailbox
     * @return its location, never null
     */
    public static ReportLocation of(Mailbox mailbox) {
        return (ReportLocation) Fields.OF_MAILBOX.get(mailbox);
    }

    /**
     * Returns the location of the mailbox a message was received into.
     *
     * @param message the message
     * @return the location, empty for a message that is in no mailbox; an attached message has the one of the
     *     message it is attached to
     */
    public static Optional<ReportLocation> of(ReceivedMessage message) {
        return Optional.ofNullable((ReportLocation) Fields.OF_MESSAGE.get(message));
    }

    /**
     * Sets the directory of the test that now uses the mailbox.
     *
     * @param directory the directory, or null when no report will be written
     */
    public void set(Path directory) {
        set(directory, false);
    }

    /**
     * Sets the directory of the test that now uses the mailbox, and whether the report is written whatever the
     * outcome.
     *
     * @param directory the directory, or null when no report will be written
     * @param always true if the report is written when the test passes too ({@code ReportMode.ALWAYS})
     */
    public void set(Path directory, boolean always) {
        this.always = always;
        this.directory = directory;
    }

    /** @return the directory of the test that now uses the mailbox, if a report would be written for it */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /**
     * Sets where the snapshots of the test that now uses the mailbox live.
     *
     * @param snapshots the test's snapshot context, or null outside a test
     */
    public void setSnapshots(SnapshotContext snapshots) {
        this.snapshots = snapshots;
    }

    /** @return the snapshot context of the test that now uses the mailbox, empty without the JUnit extension */
    public Optional<SnapshotContext> snapshots() {
        return Optional.ofNullable(snapshots);
    }

    /**
     * Returns the line failure messages end with, such as {@code Captured mail: see
     * file:///work/shop/target/letterbox/com.example.SignupTest/sendsWelcome/index.html (written with the .eml files
     * when the test fails)}.
     *
     * @return the line, or empty when no report will be written
     */
    public Optional<String> line() {
        Path d = directory;
        return d == null ? Optional.empty()
                : Optional.of("Captured mail: see " + indexUri(d) + " (written with the .eml files when the test "
                        + (always ? "ends" : "fails") + ")");
    }

    /**
     * Returns the address of a report page, as a browser opens it.
     *
     * @param directory the report directory
     * @return such as {@code file:///work/shop/target/letterbox/com.example.SignupTest/sendsWelcome/index.html}
     */
    public static String indexUri(Path directory) {
        return directory.toAbsolutePath().normalize().resolve(HtmlReport.INDEX).toUri().toString();
    }

    @Override
    public String toString() {
        return "ReportLocation{" + directory + "}";
    }

    private static VarHandle field(Class<?> owner) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
                    .findVarHandle(owner, "reportLocation", ReportLocation.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
