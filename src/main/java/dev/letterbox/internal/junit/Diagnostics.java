package dev.letterbox.internal.junit;

import dev.letterbox.Mailbox;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The seam for failure diagnostics: the extension calls {@link #afterTest} in {@code afterEach}, for every test it
 * serves, before the server of a per-test lifecycle is closed (so the messages and their temporary files still exist).
 */
public final class Diagnostics {

    private Diagnostics() {
    }

    /**
     * Called after each test with the mailbox it used. Does nothing yet; the place to write the captured messages as
     * {@code .eml} files when the test failed.
     *
     * @param context the test's extension context (display name, unique id, configuration parameters)
     * @param mailbox the mailbox the test used, still open
     * @param failure the test's failure, empty if it passed
     */
    public static void afterTest(ExtensionContext context, Mailbox mailbox, Optional<Throwable> failure) {
        // Intentionally empty until the message-dump writer is merged.
    }
}
