package dev.letterbox.internal.junit;

import dev.letterbox.CaptureMail;
import dev.letterbox.CaptureMail.Lifecycle;
import dev.letterbox.ServerOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one declaration ({@code @CaptureMail} or a built {@code LetterboxExtension}) asks for. Both become this record,
 * and {@link #toOptions(ExtensionContext)} is the one place that turns it into {@link ServerOptions}, so equal
 * declarations produce equal options.
 *
 * @param lifecycle per test or per class
 * @param maxMessageSize the size limit in octets, 0 for none
 * @param idleTimeout the idle timeout, empty for the server default
 * @param awaitTimeout the await timeout set explicitly, empty if not set (then the configuration parameter or 10 s)
 * @param lenientLineEndings whether bare line endings are accepted
 */
public record MailSettings(Lifecycle lifecycle, long maxMessageSize, Optional<Duration> idleTimeout,
        Optional<Duration> awaitTimeout, boolean lenientLineEndings) {

    /** The JUnit configuration parameter that sets the default await timeout. */
    public static final String AWAIT_TIMEOUT_PARAMETER = "letterbox.await.timeout";

    /** The settings of {@code @CaptureMail} with no attributes. */
    public static final MailSettings DEFAULTS =
            new MailSettings(Lifecycle.PER_TEST, 0, Optional.empty(), Optional.empty(), false);

    /**
     * Checks the values the way {@link ServerOptions.Builder} does.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public MailSettings {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(awaitTimeout, "awaitTimeout");
        ServerOptions.Builder check = ServerOptions.builder().maxMessageSize(maxMessageSize);
        idleTimeout.ifPresent(check::idleTimeout);
        awaitTimeout.ifPresent(check::awaitTimeout);
    }

    /**
     * Reads an annotation.
     *
     * @param annotation the annotation
     * @param where where it was found, such as {@code class SignupTest}, for the error message
     * @return its settings
     * @throws ExtensionConfigurationException if an attribute is invalid; the message names it and the place
     */
    public static MailSettings of(CaptureMail annotation, String where) {
        try {
            return new MailSettings(annotation.lifecycle(), annotation.maxMessageSize(),
                    duration(annotation.idleTimeout(), "idleTimeout"),
                    duration(annotation.awaitTimeout(), "awaitTimeout"), annotation.lenientLineEndings());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("Invalid @CaptureMail on " + where + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Duration> duration(String text, String what) {
        return text.isEmpty() ? Optional.empty() : Optional.of(Durations.parse(text, what));
    }

    /**
     * Returns a copy with another lifecycle.
     *
     * @param value the lifecycle
     * @return the copy
     */
    public MailSettings withLifecycle(Lifecycle value) {
        return new MailSettings(value, maxMessageSize, idleTimeout, awaitTimeout, lenientLineEndings);
    }

    /**
     * Returns a copy with another size limit.
     *
     * @param value octets, 0 for none
     * @return the copy
     */
    public MailSettings withMaxMessageSize(long value) {
        return new MailSettings(lifecycle, value, idleTimeout, awaitTimeout, lenientLineEndings);
    }

    /**
     * Returns a copy with another idle timeout.
     *
     * @param value the timeout
     * @return the copy
     */
    public MailSettings withIdleTimeout(Duration value) {
        return new MailSettings(lifecycle, maxMessageSize, Optional.of(value), awaitTimeout, lenientLineEndings);
    }

    /**
     * Returns a copy with an explicit await timeout.
     *
     * @param value the timeout
     * @return the copy
     */
    public MailSettings withAwaitTimeout(Duration value) {
        return new MailSettings(lifecycle, maxMessageSize, idleTimeout, Optional.of(value), lenientLineEndings);
    }

    /**
     * Returns a copy with another line-ending policy.
     *
     * @param value true to accept bare line endings
     * @return the copy
     */
    public MailSettings withLenientLineEndings(boolean value) {
        return new MailSettings(lifecycle, maxMessageSize, idleTimeout, awaitTimeout, value);
    }

    /**
     * Builds the server options: the explicit await timeout, else the configuration parameter
     * {@value #AWAIT_TIMEOUT_PARAMETER}, else the default of 10 s.
     *
     * @param context where to read the configuration parameter
     * @return the options
     * @throws ExtensionConfigurationException if the configuration parameter is not a duration
     */
    public ServerOptions toOptions(ExtensionContext context) {
        Optional<Duration> configured;
        try {
            configured = context.getConfigurationParameter(AWAIT_TIMEOUT_PARAMETER)
                    .map(text -> Durations.parse(text, AWAIT_TIMEOUT_PARAMETER));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("Invalid JUnit configuration parameter: " + e.getMessage()
                    + " (set in junit-platform.properties or with -D" + AWAIT_TIMEOUT_PARAMETER + "=...)", e);
        }
        return toOptions(configured);
    }

    /**
     * Builds the server options.
     *
     * @param configuredAwaitTimeout the await timeout from configuration, used unless one was set explicitly
     * @return the options
     */
    public ServerOptions toOptions(Optional<Duration> configuredAwaitTimeout) {
        ServerOptions.Builder b = ServerOptions.builder()
                .maxMessageSize(maxMessageSize)
                .lenientLineEndings(lenientLineEndings);
        idleTimeout.ifPresent(b::idleTimeout);
        awaitTimeout.or(() -> configuredAwaitTimeout).ifPresent(b::awaitTimeout);
        return b.build();
    }
}
