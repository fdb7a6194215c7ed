package dev.letterbox.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure of a requirement that is not one property, such as a message count or a check on every message:
 * <pre>
 * Expecting actual mailbox:
 *   holding 1 message (127.0.0.1:2525)
 * to have 2 messages
 * but had 1:
 *   [0] from=&lt;shop@example.com&gt; ...
 * </pre>
 */
final class ShouldSatisfy extends BasicErrorMessageFactory {

    private ShouldSatisfy(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldSatisfy(Captured actual, String requirement, String outcome) {
        return new ShouldSatisfy("%nExpecting actual %s:%n  %s%n%s%n%s%s", unquotedString(actual.kind()),
                unquotedString(actual.summary()), unquotedString(requirement), unquotedString(outcome),
                unquotedString(actual.tail()));
    }
}
