package dev.letterbox.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure of a property check, in AssertJ's style:
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
        return new ShouldHaveValue("%nExpecting actual %s:%n  %s%nto have %s:%n  %s%nbut was:%n  %s" + context(actual),
                unquotedString(actual.kind()), unquotedString(actual.summary()), unquotedString(property), expected,
                found);
    }

    static ErrorMessageFactory shouldHaveAmong(Captured actual, String property, Object expected, String kindOfFound,
                                               String found) {
        return new ShouldHaveValue("%nExpecting actual %s:%n  %s%nto have %s:%n  %s%nbut %s:%n%s" + context(actual),
                unquotedString(actual.kind()), unquotedString(actual.summary()), unquotedString(property), expected,
                unquotedString(kindOfFound), unquotedString(found));
    }

    static String context(Captured actual) {
        if (actual.context() == null || actual.context().isEmpty()) {
            return "";
        }
        // the context is literal text: escape % so it survives String.format
        return "%n%nCaptured " + actual.kind() + ":%n" + actual.context().replace("%", "%%").replace("\n", "%n");
    }
}
