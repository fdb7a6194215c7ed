package dev.letterbox.internal.junit;

import dev.letterbox.Mailbox;
import dev.letterbox.ReportMode;
import dev.letterbox.internal.diagnostics.HtmlReport;
import dev.letterbox.internal.diagnostics.FailureReport;
import dev.letterbox.internal.diagnostics.ReportLocation;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Failure diagnostics: when a test the extension serves fails (or after every test, with {@link ReportMode#ALWAYS}),
 * every message it captured is written as {@code .eml} plus {@code summary.txt}, {@code transcripts.txt} and the HTML
 * report {@code index.html} to {@code target/letterbox/<test-class>/<test-method>/}, and the page's {@code file:} URI
 * is published as the report entry {@code letterbox.capturedMail}. Never with {@link ReportMode#NEVER}; by default
 * ({@link ReportMode#ON_FAILURE}) never on passing tests. The extension calls {@link #beforeTest}
 * in {@code beforeEach} (which clears what an earlier run left and tells the mailbox the directory, so failure
 * messages can name it) and {@link #afterTest} in {@code afterEach}, before a per-test server is closed, so the
 * messages still exist.
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
     * Prepares the report of a test that starts: removes the files an earlier run of it left (so a test that fails,
     * then passes, leaves nothing), and tells the mailbox where the report would go, so failure messages can name it.
     *
     * @param context the test's extension context
     * @param mailbox the mailbox the test uses
     * @param mode when the report is written
     */
    public static void beforeTest(ExtensionContext context, Mailbox mailbox, ReportMode mode) {
        Optional<Path> directory = directory(context);
        try {
            directory.ifPresent(FailureReport::clear);
        } catch (UncheckedIOException e) {
            // a report that cannot be cleared is overwritten on failure; the test itself must still run
        }
        ReportLocation.of(mailbox).set(mode == ReportMode.NEVER ? null : directory.orElse(null),
                mode == ReportMode.ALWAYS);
    }

    /**
     * Writes the report if the test failed (or whatever the outcome, with {@link ReportMode#ALWAYS}) and diagnostics
     * are on.
     *
     * @param context the test's extension context
     * @param mailbox the mailbox the test used, still open
     * @param failure the test's failure, empty if it passed
     * @param mode when the report is written
     * @throws UncheckedIOException if the report of a passing test cannot be written (that of a failing one is added
     *     to its failure as suppressed)
     */
    public static void afterTest(ExtensionContext context, Mailbox mailbox, Optional<Throwable> failure,
            ReportMode mode) {
        if (mode == ReportMode.NEVER || (mode == ReportMode.ON_FAILURE && failure.isEmpty())) {
            return; // no report: not even its directory is worked out
        }
        Optional<Path> directory = directory(context);
        if (directory.isEmpty()) {
            return;
        }
        try {
            String outcome = failure.map(t -> "Test failed (" + t.getClass().getSimpleName() + "): " + t.getMessage())
                    .orElse(null);
            List<Path> written = FailureReport.write(directory.get(), mailbox.messages(), mailbox.transcripts(),
                    outcome);
            long emls = written.stream().filter(p -> p.getFileName().toString().endsWith(".eml")
                    && p.getParent().equals(directory.get()) && !p.getFileName().toString().contains("-")).count();
            context.publishReportEntry(REPORT_ENTRY, ReportLocation.indexUri(directory.get()) + " ("
                    + HtmlReport.INDEX + " with " + emls + (emls == 1 ? " .eml file" : " .eml files") + " and "
                    + FailureReport.SUMMARY + " beside it)");
        } catch (UncheckedIOException e) {
            if (failure.isEmpty()) {
                throw e;
            }
            // never hide the test's own failure behind a reporting problem
            failure.get().addSuppressed(e);
        }
    }

    /** The test's report directory, empty when diagnostics are switched off. */
    private static Optional<Path> directory(ExtensionContext context) {
        return RunParameters.of(context).reportRoot().map(root -> FailureReport.directoryFor(root,
                context.getRequiredTestClass().getName(), testName(context)));
    }

    /**
     * The test method's name as the report directory and the snapshots use it: with its parameter types when another
     * test method of the class has the same name ({@code sends(Mailbox,TestInfo)}), and with the invocation index
     * of a repeated or parameterized test ({@code sends-2}).
     */
    static String testName(ExtensionContext context) {
        String name = context.getTestMethod()
                .map(m -> ClassFacts.testFileName(context, context.getRequiredTestClass(), m))
                .orElse(context.getDisplayName());
        Matcher m = INVOCATION.matcher(context.getUniqueId());
        return m.find() ? name + "-" + m.group(1) : name;
    }
}
