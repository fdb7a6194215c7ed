package dev.letterbox.assertj;

import dev.letterbox.internal.snapshot.SnapshotContext;
import java.nio.file.Path;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure of {@code matchesSnapshot}: the snapshot differs (with a unified diff), or it was written (first run, or
 * {@value SnapshotContext#UPDATE_PARAMETER}), which fails too so that a snapshot is never taken unnoticed.
 */
final class ShouldMatchSnapshot extends BasicErrorMessageFactory {
    private static final String START = "%nExpecting actual %s:%n  %s%nto match its snapshot:%n  %s%n";

    private ShouldMatchSnapshot(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldMatch(Captured actual, Path file, String diff) {
        return new ShouldMatchSnapshot(START + "but it differs (- snapshot, + received message):%n%s%n"
                + "If the change is intended, rewrite the snapshot: run the test with -D%s=true (or delete the"
                + " file), check the new file and commit it.%s",
                unquotedString(actual.kind()), unquotedString(actual.summary()), unquotedString(path(file)),
                unquotedString(indent(diff)), unquotedString(SnapshotContext.UPDATE_PARAMETER),
                unquotedString(actual.tail()));
    }

    static ErrorMessageFactory created(Captured actual, Path file) {
        return new ShouldMatchSnapshot(START + "but there was no snapshot yet, so this message was written there:"
                + " check the file and commit it; the test passes when run again.%s",
                unquotedString(actual.kind()), unquotedString(actual.summary()), unquotedString(path(file)),
                unquotedString(actual.tail()));
    }

    static ErrorMessageFactory updated(Captured actual, Path file, String diff) {
        return new ShouldMatchSnapshot(START + "but it differed, and %s=true rewrote it (- old snapshot, + new):%n%s%n"
                + "Check the change and commit it; run without %s=true to compare again.%s",
                unquotedString(actual.kind()), unquotedString(actual.summary()), unquotedString(path(file)),
                unquotedString(SnapshotContext.UPDATE_PARAMETER), unquotedString(indent(diff)),
                unquotedString(SnapshotContext.UPDATE_PARAMETER), unquotedString(actual.tail()));
    }

    private static String path(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    private static String indent(String diff) {
        return "  " + diff.stripTrailing().replace("\n", "\n  ");
    }
}
