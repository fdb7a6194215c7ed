package dev.letterbox.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure of a property check, in AssertJ's style; the captured context is an argument, never part of the format:
 * <pre>
 * Expecting actual message:
 *   from=&lt;shop@example.com&gt; to=[ann@example.com] From: shop@example.com Subject: Hi
 * to have subject:
 *   "Welcome"
 * but was:
 *   "Hi"
 *
 * Captured message:
 *   ...
 * </pre>
 */
final class ShouldHaveValue extends BasicErrorMessageFactory {

    private ShouldHaveValue(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldHave(Captured actual, String property, Object expected, Object found) {
        return new ShouldHaveValue("%nExpecting actual %s:%n  %s%nto have %s:%n  %s%nbut was:%n  %s%s",
                unquotedString(actual.kind()), unquotedString(actual.summary()), unquotedString(property), expected,
                found, unquotedString(actual.tail()));
    }

    static ErrorMessageFactory shouldHaveAmong(Captured actual, String property, Object expected, String kindOfFound,
                                               String found) {
        return new ShouldHaveValue("%nExpecting actual %s:%n  %s%nto have %s:%n  %s%nbut %s:%n%s%s",
                unquotedString(actual.kind()), unquotedString(actual.summary()), unquotedString(property), expected,
                unquotedString(kindOfFound), unquotedString(found), unquotedString(actual.tail()));
    }

    /** A long text that differs from the expected one: where they first differ, not both texts in full. */
    static ErrorMessageFactory shouldHaveText(Captured actual, String property, TextDifference difference) {
        return new ShouldHaveValue("%nExpecting actual %s:%n  %s%nto have %s:%n  %s%nbut %s%s",
                unquotedString(actual.kind()), unquotedString(actual.summary()), unquotedString(property),
                unquotedString(difference.expectedShape()), unquotedString(difference.describe()),
                unquotedString(actual.tail()));
    }

    /** A check on a part that navigation did not find. */
    static ErrorMessageFactory shouldExist(String kind, String missing) {
        return new ShouldHaveValue("%nExpecting the %s to check:%n  %s%nbut there is no such %s (see the failure"
                + " that reported it), so this check could not run", unquotedString(kind), unquotedString(missing),
                unquotedString(kind));
    }
}
