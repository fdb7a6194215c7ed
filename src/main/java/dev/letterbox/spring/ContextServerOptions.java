package dev.letterbox.spring;

import dev.letterbox.CaptureMail;
import dev.letterbox.ReportMode;
import dev.letterbox.ServerOptions;
import dev.letterbox.internal.junit.ExtensionSettings;

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
     * @throws IllegalStateException if the lifecycle or the report mode is set, which have no meaning for a server per
     *     context
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException if an option is invalid
     */
    static ServerOptions of(SpringCaptureMail annotation, Class<?> testClass) {
        String where = testClass.getName() + " (in @SpringCaptureMail(options = ...))";
        ExtensionSettings settings = ExtensionSettings.of(annotation.options(), where);
        if (settings.lifecycle() != CaptureMail.Lifecycle.PER_TEST) {
            throw new IllegalStateException("Invalid @CaptureMail on " + where + ": lifecycle = "
                    + settings.lifecycle() + " has no meaning here, the server lives as long as the application"
                    + " context; remove it");
        }
        if (settings.report() != ReportMode.ON_FAILURE) {
            throw new IllegalStateException("Invalid @CaptureMail on " + where + ": report = " + settings.report()
                    + " has no effect here, @SpringCaptureMail writes no report of captured mail (its server outlives"
                    + " the test); remove it, or use @CaptureMail(report = " + settings.report() + ") on a test"
                    + " class without Spring");
        }
        return settings.options();
    }
}
