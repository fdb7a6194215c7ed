package dev.letterbox.internal.junit;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit configuration parameters the extension reads on every test, read once per run (they cannot change
 * during one) and kept in the root context's store.
 *
 * @param parallel whether JUnit parallel execution is enabled ({@value #PARALLEL_PARAMETER})
 * @param reportRoot the root directory of failure reports, empty when diagnostics are off
 */
record RunParameters(boolean parallel, Optional<Path> reportRoot) {
    static final String PARALLEL_PARAMETER = "junit.jupiter.execution.parallel.enabled";
    private static final ExtensionContext.Namespace CACHE =
            ExtensionContext.Namespace.create("dev.letterbox", RunParameters.class);

    /**
     * Returns the parameters of the context's run.
     *
     * @param context any context of the run
     * @return the parameters
     */
    static RunParameters of(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(CACHE);
        RunParameters found = store.get(RunParameters.class, RunParameters.class);
        if (found == null) {
            found = read(context);
            store.put(RunParameters.class, found);
        }
        return found;
    }

    private static RunParameters read(ExtensionContext context) {
        boolean parallel = context.getConfigurationParameter(PARALLEL_PARAMETER).map(Boolean::parseBoolean)
                .orElse(false);
        boolean diagnostics = context.getConfigurationParameter(Diagnostics.ENABLED_PARAMETER)
                .map(Boolean::parseBoolean).orElse(true);
        Optional<Path> root = diagnostics
                ? Optional.of(Path.of(context.getConfigurationParameter(Diagnostics.DIRECTORY_PARAMETER)
                        .orElse("target/letterbox")))
                : Optional.empty();
        return new RunParameters(parallel, root);
    }
}
