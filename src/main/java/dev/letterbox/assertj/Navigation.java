package dev.letterbox.assertj;

import java.util.function.Function;
import java.util.function.Supplier;
import org.assertj.core.api.Assert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Makes the assert for a part of the value under test (a message of a mailbox, an attachment of a message). Under soft
 * assertions the part's assert is a soft proxy too, and a part that cannot be found is recorded as one failure
 * instead of stopping the test; the returned assert then wraps null and its checks fail softly.
 */
final class Navigation {

    private Navigation() {
    }

    interface SoftAware {
        void softly(SoftAssertionsProvider soft);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <A extends Assert<?, ?>, T> A child(SoftAssertionsProvider soft, Class<?> assertType, Class<?> actualType,
                                              Supplier<T> part, Function<T, A> hard) {
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
        if (child instanceof SoftAware aware) {
            aware.softly(soft);
        }
        return child;
    }
}
