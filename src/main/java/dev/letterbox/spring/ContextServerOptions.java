package dev.letterbox.spring;

import dev.letterbox.CaptureMail;
import dev.letterbox.ServerOptions;
import dev.letterbox.internal.junit.MailSettings;
import java.util.Optional;

/** The one place where {@link SpringCaptureMail} becomes the {@link ServerOptions} of a context's server. */
final class ContextServerOptions {
    private ContextServerOptions() {
    }

    /**
     * Reads the options of an annotation.
     *
     * @param annotation the annotation found for the test class
     * @param testClass the test class, for error messages
     * @return the options
     * @throws IllegalStateException if the lifecycle is set, which has no meaning for a server per context
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException if an option is invalid
     */
    static ServerOptions of(SpringCaptureMail annotation, Class<?> testClass) {
        CaptureMail options = annotation.options();
        String where = testClass.getName() + " (in @SpringCaptureMail(options = ...))";
        if (options.lifecycle() != CaptureMail.Lifecycle.PER_TEST) {
            throw new IllegalStateException("Invalid @CaptureMail on " + where + ": lifecycle = "
                    + options.lifecycle() + " has no meaning here, the server lives as long as the application"
                    + " context; remove it");
        }
        return MailSettings.of(options, where).toOptions(Optional.empty());
    }
}
