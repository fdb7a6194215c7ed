package dev.letterbox;

import java.util.Objects;

/**
 * One way a captured message breaks a rule that mail providers or the RFCs set, found by
 * {@link ReceivedMessage#violations()}: what ({@link #code()}), how bad ({@link #severity()}), by whose rule
 * ({@link #source()}), where ({@link #place()}) and a readable explanation ({@link #message()}).
 *
 * @param code the stable code of the rule broken
 * @param place where in the message, such as {@code line 12}, {@code header Subject} or {@code part 1.2}
 * @param message what was found, readable, such as {@code bare <LF> ending line 3 (2 lines in all)}
 */
public record Violation(ViolationCode code, String place, String message) {

    /** How a receiving mail system treats mail with a violation. */
    public enum Severity {
        /** large providers (Gmail, Outlook) or common MTA defaults refuse such mail at the end of DATA */
        REJECT,
        /** the RFC forbids or discourages it; some receivers refuse it, others repair it or mark it as spam */
        WARN
    }

    /**
     * Creates a violation.
     *
     * @param code the stable code of the rule broken
     * @param place where in the message, such as {@code line 12}, {@code header Subject} or {@code part 1.2}
     * @param message what was found, readable, such as {@code bare <LF> ending line 3 (2 lines in all)}
     * @throws NullPointerException if an argument is null
     */
    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(message, "message");
    }

    /** @return the severity of the code */
    public Severity severity() {
        return code.severity();
    }

    /** @return the rule's source: RFC sections or a provider's published sender guideline */
    public String source() {
        return code.source();
    }

    /** @return one line: {@code REJECT BARE_LF at line 3: bare <LF> ... [RFC 5321 section 2.3.8]} */
    @Override
    public String toString() {
        return code.severity() + " " + code + " at " + place + ": " + message + " [" + code.source() + "]";
    }
}
