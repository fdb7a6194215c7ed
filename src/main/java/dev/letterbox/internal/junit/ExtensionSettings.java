package dev.letterbox.internal.junit;

import dev.letterbox.CaptureMail;
import dev.letterbox.CaptureMail.Lifecycle;
import dev.letterbox.ReportMode;
import dev.letterbox.ServerOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one declaration ({@code @CaptureMail} or a built {@code LetterboxExtension}) asks for: a lifecycle, the server
 * options and when the report of captured mail is written. {@link #of(CaptureMail, String)} is the one mapping from
 * annotation attributes to the option setters that {@code LetterboxExtension.builder()} shares, so equal declarations
 * produce equal options.
 *
 * @param lifecycle per test or per class
 * @param options the server options as declared
 * @param awaitTimeoutSet whether the declaration set the await timeout itself (then it wins over the configuration
 *     parameter {@value #AWAIT_TIMEOUT_PARAMETER})
 * @param report when the captured mail is written as files and the HTML report
 */
public record ExtensionSettings(Lifecycle lifecycle, ServerOptions options, boolean awaitTimeoutSet,
        ReportMode report) {

    /** The JUnit configuration parameter that sets the default await timeout. */
    public static final String AWAIT_TIMEOUT_PARAMETER = "letterbox.await.timeout";

    /** The settings of {@code @CaptureMail} with no attributes. */
    public static final ExtensionSettings DEFAULTS =
            new ExtensionSettings(Lifecycle.PER_TEST, ServerOptions.defaults(), false, ReportMode.ON_FAILURE);

    /**
     * Checks that nothing is missing.
     *
     * @throws NullPointerException if lifecycle, options or report is null
     */
    public ExtensionSettings {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(report, "report");
    }

    /**
     * Reads an annotation: every attribute goes through the option setter of the same name.
     *
     * @param a the annotation
     * @param where where it was found, such as {@code class SignupTest}, for the error message
     * @return its settings
     * @throws ExtensionConfigurationException if an attribute is invalid; the message names it and the place
     */
    public static ExtensionSettings of(CaptureMail a, String where) {
        try {
            ServerOptions.Builder b = ServerOptions.builder()
                    .host(a.host())
                    .port(a.port())
                    .serverName(a.serverName())
                    .maxMessageSize(a.maxMessageSize())
                    .maxCommandLineLength(a.maxCommandLineLength())
                    .maxRecipients(a.maxRecipients())
                    .maxConnections(a.maxConnections())
                    .lenientLineEndings(a.lenientLineEndings())
                    .strict(a.strict())
                    .spillThreshold(a.spillThreshold())
                    .tls(a.tls())
                    .users(a.users())
                    .authRequired(a.authRequired())
                    .plainAuthWithoutTls(a.plainAuthWithoutTls())
                    .withoutExtensions(a.withoutExtensions());
            duration(a.idleTimeout(), "idleTimeout").ifPresent(b::idleTimeout);
            duration(a.commandTimeout(), "commandTimeout").ifPresent(b::commandTimeout);
            duration(a.dataTimeout(), "dataTimeout").ifPresent(b::dataTimeout);
            duration(a.writeTimeout(), "writeTimeout").ifPresent(b::writeTimeout);
            Optional<Duration> await = duration(a.awaitTimeout(), "awaitTimeout");
            await.ifPresent(b::awaitTimeout);
            return new ExtensionSettings(a.lifecycle(), b.build(), await.isPresent(), a.report());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("Invalid @CaptureMail on " + where + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Duration> duration(String text, String what) {
        return text.isEmpty() ? Optional.empty() : Optional.of(Durations.parse(text, what));
    }

    /**
     * Builds the server options: the declared await timeout if it was set, else the configuration parameter
     * {@value #AWAIT_TIMEOUT_PARAMETER}, else the default of 10 s.
     *
     * @param context where to read the configuration parameter
     * @return the options
     * @throws ExtensionConfigurationException if the configuration parameter is not a duration
     */
    public ServerOptions toOptions(ExtensionContext context) {
        if (awaitTimeoutSet) {
            return options;
        }
        Optional<Duration> configured;
        try {
            configured = context.getConfigurationParameter(AWAIT_TIMEOUT_PARAMETER)
                    .map(text -> Durations.parse(text, AWAIT_TIMEOUT_PARAMETER));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("Invalid JUnit configuration parameter: " + e.getMessage()
                    + " (set in junit-platform.properties or with -D" + AWAIT_TIMEOUT_PARAMETER + "=...)", e);
        }
        return configured.map(d -> options.toBuilder().awaitTimeout(d).build()).orElse(options);
    }
}
