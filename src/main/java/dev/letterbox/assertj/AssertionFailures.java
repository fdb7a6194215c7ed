package dev.letterbox.assertj;

import java.util.Arrays;
import java.util.Set;
import org.assertj.core.api.WritableAssertionInfo;
import org.assertj.core.error.AssertionErrorCreator;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.internal.Failures;

/**
 * Raises the failures of every Letterbox assertion: a value mismatch as opentest4j's
 * {@code AssertionFailedError(message, expected, actual)} when opentest4j is on the class path (as AssertJ's own
 * {@code isEqualTo} does, so IDEs show both values side by side), anything else as AssertJ raises it; both honour
 * {@code as(...)} and {@code withFailMessage(...)}. The stack of each points at the test: the frames of the assertion
 * machinery on top (Letterbox's assertion classes, their soft-assertion proxies, AssertJ and the JDK) are dropped, as
 * AssertJ drops its own, unless AssertJ is told to keep them
 * ({@code Assertions.setRemoveAssertJRelatedElementsFromStackTrace(false)}).
 */
final class AssertionFailures {
    private static final Set<String> MACHINERY = Set.of(
            AttachmentAssert.class.getName(), EnvelopeAssert.class.getName(), MailboxAssert.class.getName(),
            ReceivedMessageAssert.class.getName(), Navigation.class.getName(), AssertionFailures.class.getName(),
            LetterboxAssertions.class.getName(), LetterboxSoftAssertionsProvider.class.getName(),
            LetterboxSoftAssertions.class.getName(), AutoCloseableLetterboxSoftAssertions.class.getName(),
            AddressCheck.class.getName());

    private AssertionFailures() {
    }

    /**
     * Makes the failure of a requirement.
     *
     * @param info the assertion's info (description, representation, overriding message)
     * @param factory the message
     * @return the error, to throw
     */
    static AssertionError failure(WritableAssertionInfo info, ErrorMessageFactory factory) {
        return pointedAtTest(Failures.instance().failure(info, factory));
    }

    /**
     * Makes the failure of a value that differs from the expected one.
     *
     * @param info the assertion's info (description, representation, overriding message)
     * @param factory the message
     * @param expected the expected value, for the IDE's comparison
     * @param actual the actual value, for the IDE's comparison
     * @return the error, to throw: an {@code AssertionFailedError} when opentest4j is present
     */
    static AssertionError mismatch(WritableAssertionInfo info, ErrorMessageFactory factory, Object expected,
                                   Object actual) {
        String message = info.overridingErrorMessage() != null ? info.overridingErrorMessage()
                : factory.create(info.description(), info.representation());
        return pointedAtTest(new AssertionErrorCreator().assertionError(message, actual, expected,
                info.representation()));
    }

    /**
     * Makes the failure of a text that differs from the expected one; a long text is described by where it first
     * differs instead of being printed in full.
     *
     * @param info the assertion's info
     * @param actual what the failure shows of the value under test
     * @param property the property, such as {@code text body}
     * @param expected the expected text
     * @param found the actual text, may be null
     * @return the error, to throw
     */
    static AssertionError textMismatch(WritableAssertionInfo info, Captured actual, String property, String expected,
                                       String found) {
        ErrorMessageFactory factory = expected != null && found != null
                && (TextDifference.isLong(expected) || TextDifference.isLong(found))
                ? ShouldHaveValue.shouldHaveText(actual, property, TextDifference.between(expected, found))
                : ShouldHaveValue.shouldHave(actual, property, expected, found);
        return mismatch(info, factory, expected, found);
    }

    /**
     * Drops the machinery frames on top of the error's stack.
     *
     * @param error the error, created by an assertion
     * @param <E> its type
     * @return the same error
     */
    static <E extends Throwable> E pointedAtTest(E error) {
        if (!Failures.instance().isRemoveAssertJRelatedElementsFromStackTrace()) {
            return error;
        }
        StackTraceElement[] stack = error.getStackTrace();
        int first = 0;
        while (first < stack.length && isMachinery(stack[first].getClassName())) {
            first++;
        }
        if (first > 0 && first < stack.length) {
            error.setStackTrace(Arrays.copyOfRange(stack, first, stack.length));
        }
        return error;
    }

    private static boolean isMachinery(String className) {
        int nested = className.indexOf('$');
        String outer = nested < 0 ? className : className.substring(0, nested);
        return MACHINERY.contains(outer) || className.startsWith("org.assertj.") || className.startsWith("net.bytebuddy.")
                || className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.");
    }
}
