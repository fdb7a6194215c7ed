package dev.letterbox;

/**
 * When the JUnit extension writes what a test captured to {@code target/letterbox/<test-class>/<test-method>/}: the
 * {@code .eml} files, {@code summary.txt}, {@code transcripts.txt} and the HTML report {@code index.html} with its
 * files. Set it with {@link CaptureMail#report()} or {@link LetterboxExtension.Builder#report(ReportMode)}. The JUnit
 * configuration parameter {@code letterbox.diagnostics.enabled=false} switches every report off, whatever the mode.
 */
public enum ReportMode {
    /** Writes the report when the test fails (the default); a passing test leaves nothing. */
    ON_FAILURE,
    /** Writes the report after every test, passing or failing, so the mail of a passing test can be looked at too. */
    ALWAYS,
    /** Writes nothing, and failure messages name no report. */
    NEVER
}
