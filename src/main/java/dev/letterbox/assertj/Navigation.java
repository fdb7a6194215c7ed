package dev.letterbox.assertj;

import java.util.function.Function;
import java.util.function.Supplier;
import org.assertj.core.api.Assert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Makes the assert for a part of the value under test (a message of a mailbox, an attachment of a message). Under soft
 * assertions the part's assert is a soft proxy too, and a part that cannot be found is recorded as one failure
 * instead of stopping the test; the returned assert then wraps null, and each check made on it fails softly with a
 * message that names the missing part.
 *
 * <p>What a Letterbox assert knows of how it was reached lives in package-private fields, set here: no public
 * method or supertype of the assert classes shows it.
 */
final class Navigation {

    private Navigation() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <A extends Assert<?, ?>, T> A child(SoftAssertionsProvider soft, Class<?> assertType, Class<?> actualType,
                                              String missing, Supplier<T> part, Function<T, A> hard) {
        if (soft == null) {
            return hard.apply(part.get());
        }
        T value;
        try {
            value = part.get();
        } catch (AssertionError e) {
            soft.collectAssertionError(e);
            value = null;
        }
        A child = (A) soft.proxy((Class) assertType, (Class) actualType, value);
        reached(child, soft, value == null ? missing : null);
        return child;
    }

    /**
     * Tells a Letterbox assert the soft assertions it reports to, and which part it stands for if that was not found.
     *
     * @param assertion the assert, possibly a soft proxy
     * @param soft the soft assertions, or null for hard ones
     * @param missing how the missing part is named (such as {@code attachment "terms.pdf"}), or null
     */
    static void reached(Object assertion, SoftAssertionsProvider soft, String missing) {
        if (assertion instanceof ReceivedMessageAssert a) {
            a.soft = soft;
            a.missing = missing;
        } else if (assertion instanceof MailboxAssert a) {
            a.soft = soft;
        } else if (assertion instanceof AttachmentAssert a) {
            a.missing = missing;
        } else if (assertion instanceof EnvelopeAssert a) {
            a.missing = missing;
        }
    }
}
