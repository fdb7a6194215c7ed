package dev.letterbox.internal.junit;

import dev.letterbox.Mailbox;
import dev.letterbox.internal.diagnostics.ReportLocation;
import dev.letterbox.internal.snapshot.SnapshotContext;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tells a mailbox, when a test starts, where that test's snapshots live: the configuration parameters (which JUnit
 * also reads from system properties, so {@code mvn test -Dletterbox.snapshots.update=true} works)
 * {@value SnapshotContext#DIRECTORY_PARAMETER} (default {@value SnapshotContext#DEFAULT_DIRECTORY}) and
 * {@value SnapshotContext#UPDATE_PARAMETER} (default {@code false}), the test class and the test method. Called by
 * the extension's {@code beforeEach} and by the Spring integration's.
 */
public final class SnapshotSettings {

    private SnapshotSettings() {
    }

    /**
     * Gives the mailbox the snapshot context of the test that starts.
     *
     * @param context the test's extension context
     * @param mailbox the mailbox the test uses
     */
    public static void beforeTest(ExtensionContext context, Mailbox mailbox) {
        Path root = Path.of(context.getConfigurationParameter(SnapshotContext.DIRECTORY_PARAMETER)
                .orElse(SnapshotContext.DEFAULT_DIRECTORY));
        boolean update = context.getConfigurationParameter(SnapshotContext.UPDATE_PARAMETER)
                .map(v -> Boolean.parseBoolean(v.strip())).orElse(false);
        ReportLocation.of(mailbox).setSnapshots(new SnapshotContext(root, context.getRequiredTestClass().getName(),
                Diagnostics.testName(context), update));
    }
}
