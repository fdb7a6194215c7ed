package dev.letterbox.internal.junit;

import dev.letterbox.Mailbox;
import dev.letterbox.internal.diagnostics.FailureReport;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Failure diagnostics: when a test the extension serves fails, every message it captured is written as {@code .eml}
 * plus a {@code summary.txt} to {@code target/letterbox/<test-class>/<test-method>/}, and the directory is published
 * as the report entry {@code letterbox.capturedMail}. Never on passing tests. The extension calls
 * {@link #afterTest} in {@code afterEach}, before a per-test server is closed, so the messages still exist.
 *
 * <p>Configuration parameters: {@value #ENABLED_PARAMETER} ({@code true} by default) and {@value #DIRECTORY_PARAMETER}
 * ({@code target/letterbox} by default, relative to the working directory).
 */
public final class Diagnostics {
    /** Switches the failure report on ({@code true}, the default) or off. */
    public static final String ENABLED_PARAMETER = "letterbox.diagnostics.enabled";
    /** The root directory of failure reports. */
    public static final String DIRECTORY_PARAMETER = "letterbox.diagnostics.directory";
    /** The key of the report entry that names the report directory. */
    public static final String REPORT_ENTRY = "letterbox.capturedMail";

    private static final Pattern INVOCATION = Pattern.compile("invocation:#(\\d+)]$");

    private Diagnostics() {
    }

    /**
     * Writes the failure report if the test failed and diagnostics are on.
     *
     * @param context the test's extension context
     * @param mailbox the mailbox the test used, still open
     * @param failure the test's failure, empty if it passed
     */
    public static void afterTest(ExtensionContext context, Mailbox mailbox, Optional<Throwable> failure) {
        if (failure.isEmpty()
                || !context.getConfigurationParameter(ENABLED_PARAMETER).map(Boolean::parseBoolean).orElse(true)) {
            return;
        }
        Path root = Path.of(context.getConfigurationParameter(DIRECTORY_PARAMETER).orElse("target/letterbox"));
        Path directory = FailureReport.directoryFor(root, context.getRequiredTestClass().getName(),
                testName(context));
        try {
            List<Path> written = FailureReport.write(directory, mailbox.messages(), mailbox.transcripts());
            long emls = written.stream().filter(p -> p.getFileName().toString().endsWith(".eml")).count();
            context.publishReportEntry(REPORT_ENTRY, directory.toAbsolutePath() + " (" + emls
                    + " .eml files and " + FailureReport.SUMMARY + ")");
        } catch (UncheckedIOException e) {
            // never hide the test's own failure behind a reporting problem
            failure.get().addSuppressed(e);
        }
    }

    private static String testName(ExtensionContext context) {
        String name = context.getTestMethod().map(m -> m.getName()).orElse(context.getDisplayName());
        Matcher m = INVOCATION.matcher(context.getUniqueId());
        return m.find() ? name + "-" + m.group(1) : name;
    }
}
