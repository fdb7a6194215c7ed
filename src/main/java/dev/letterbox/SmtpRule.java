package dev.letterbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One scripted fault: at a {@link SmtpStage}, for commands whose argument matches (optionally), a number of times (or
 * always), the server applies an {@link SmtpEffect} instead of its usual answer. Immutable.
 *
 * <p>Rules are added to a {@link Mailbox} during a test ({@link Mailbox#on(SmtpStage)}), or to the
 * {@link ServerOptions} ({@link ServerOptions.AbstractBuilder#rule(SmtpRule)}, with rules made by
 * {@link #on(SmtpStage)}). Each time the server reaches a stage and would accept, it tries the mailbox's rules in the
 * order they were added, then the options' rules: the first rule of that stage that matches and has uses left fires,
 * and uses one. So rules added one after another make a sequence:
 *
 * <pre>{@code
 * mailbox.on(SmtpStage.RCPT).once().reply(451, "4.7.1 Greylisted, try again");   // first RCPT
 * mailbox.on(SmtpStage.RCPT).matching(".*@vip.example").accept();               // never refused below
 * mailbox.on(SmtpStage.RCPT).matching("bounce@.*").reply(550, "5.1.1 No such user");  // every time
 * }</pre>
 *
 * <p>A rule without {@link Builder#once()} or {@link Builder#times(int)} applies every time.
 *
 * @see SmtpEffect
 */
public final class SmtpRule {
    private final SmtpStage stage;
    private final Pattern pattern;
    private final int times;
    private final SmtpEffect effect;

    private SmtpRule(SmtpStage stage, Pattern pattern, int times, SmtpEffect effect) {
        this.stage = stage;
        this.pattern = pattern;
        this.times = times;
        this.effect = effect;
        check();
    }

    /**
     * Starts a rule for {@link ServerOptions.AbstractBuilder#rule(SmtpRule)}; in a test, {@link Mailbox#on(SmtpStage)}
     * adds the rule to the mailbox directly.
     *
     * @param stage where the rule applies
     * @return a builder whose effect methods return the rule
     * @throws NullPointerException if stage is null
     */
    public static Builder on(SmtpStage stage) {
        return new Builder(stage, rule -> { });
    }

    /** @return the stage where the rule applies */
    public SmtpStage stage() {
        return stage;
    }

    /** @return the regular expression the stage's argument must match (whole, ignoring case), or empty for any */
    public Optional<String> matching() {
        return pattern == null ? Optional.empty() : Optional.of(pattern.pattern());
    }

    /** @return how many times the rule fires, or empty if it fires every time */
    public OptionalInt times() {
        return times < 0 ? OptionalInt.empty() : OptionalInt.of(times);
    }

    /** @return what the rule makes the server do */
    public SmtpEffect effect() {
        return effect;
    }

    /**
     * Tells whether the rule applies to a command's argument (see {@link Builder#matching(String)}).
     *
     * @param argument the argument of the stage, such as a recipient address
     * @return true if the rule has no pattern or the pattern matches the whole argument, ignoring case
     */
    public boolean matches(String argument) {
        return pattern == null || pattern.matcher(argument).matches();
    }

    private void check() {
        if (effect instanceof SmtpEffect.Reply r && !r.refuses() && !stage.acceptingCodes().contains(r.code())) {
            throw new IllegalArgumentException("a scripted reply at " + stage + " must refuse with a 4xx or 5xx code"
                    + (stage.acceptingCodes().isEmpty() ? "" : ", or accept with " + codes(stage))
                    + "; " + r.code() + " would leave the client and the server disagreeing about what happened."
                    + " To let the command through, use accept() or delay(...)");
        }
    }

    private static String codes(SmtpStage stage) {
        return stage.acceptingCodes().stream().sorted().map(String::valueOf)
                .reduce((a, b) -> a + " or " + b).orElse("");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmtpRule r && stage == r.stage && times == r.times && effect.equals(r.effect)
                && Objects.equals(matching(), r.matching());
    }

    @Override
    public int hashCode() {
        return Objects.hash(stage, matching(), times, effect);
    }

    /** @return such as {@code on RCPT matching "bounce@.*" every time: reply 550 5.1.1 No such user} */
    @Override
    public String toString() {
        return "on " + stage + (pattern == null ? "" : " matching \"" + pattern.pattern() + "\"")
                + (times < 0 ? " every time" : times == 1 ? " once" : " " + times + " times") + ": " + effect;
    }

    /**
     * Describes a rule step by step: where it applies (given), which arguments, how often, then its effect, which
     * ends the description and returns the rule. From {@link Mailbox#on(SmtpStage)} the rule is also added to the
     * mailbox.
     */
    public static final class Builder {
        private final SmtpStage stage;
        private final Consumer<SmtpRule> added;
        private Pattern pattern;
        private int times = -1;

        Builder(SmtpStage stage, Consumer<SmtpRule> added) {
            this.stage = Objects.requireNonNull(stage, "stage");
            this.added = added;
        }

        /**
         * Restricts the rule to commands whose argument matches a regular expression, in full and ignoring case:
         * the client's IP address at CONNECT, the name at EHLO, the sender at MAIL, the recipient at RCPT.
         *
         * @param regex such as {@code "bounce@.*"}
         * @return this builder
         * @throws IllegalArgumentException if the stage has no argument to match, or regex is not a valid regular
         *     expression
         */
        public Builder matching(String regex) {
            Objects.requireNonNull(regex, "regex");
            if (!stage.matchable()) {
                throw new IllegalArgumentException("matching(\"" + regex + "\") cannot apply at " + stage + ": only"
                        + " CONNECT (the client's IP address), EHLO (the name the client gives), MAIL (the sender) and"
                        + " RCPT (the recipient) have an argument to match");
            }
            try {
                pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("matching(\"" + regex + "\") is not a regular expression: "
                        + e.getDescription() + " near index " + e.getIndex(), e);
            }
            return this;
        }

        /**
         * Makes the rule fire once, then let commands through (or fall to the next rule).
         *
         * @return this builder
         */
        public Builder once() {
            return times(1);
        }

        /**
         * Makes the rule fire {@code n} times, then let commands through (or fall to the next rule).
         *
         * @param n at least 1
         * @return this builder
         * @throws IllegalArgumentException if n is below 1
         */
        public Builder times(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("times(n) needs n >= 1, was " + n
                        + "; to stop a rule, clear the rules with mailbox.clearRules()");
            }
            times = n;
            return this;
        }

        /**
         * Makes the rule fire every time (the default).
         *
         * @return this builder
         */
        public Builder always() {
            times = -1;
            return this;
        }

        /**
         * Ends the rule: the server answers with this reply; see {@link SmtpEffect#reply(int, String, String...)}.
         *
         * @param code the reply code: 4xx or 5xx to refuse; the stage's own positive code to accept with this text
         * @param text the first line, such as {@code "5.1.1 No such user"}
         * @param more further lines
         * @return the rule
         * @throws IllegalArgumentException if the code is outside 200..599, is positive but not one this stage accepts
         *     with, or a line has CR or LF
         */
        public SmtpRule reply(int code, String text, String... more) {
            return effect(SmtpEffect.reply(code, text, more));
        }

        /**
         * Ends the rule: the server closes the connection without a reply.
         *
         * @return the rule
         */
        public SmtpRule disconnect() {
            return effect(SmtpEffect.disconnect());
        }

        /**
         * Ends the rule: the server waits, then goes on as usual.
         *
         * @param duration how long to wait
         * @return the rule
         * @throws IllegalArgumentException if the duration is negative
         */
        public SmtpRule delay(Duration duration) {
            return effect(SmtpEffect.delay(duration));
        }

        /**
         * Ends the rule: the server stops answering, so the client's read timeout fires.
         *
         * @return the rule
         */
        public SmtpRule stall() {
            return effect(SmtpEffect.stall());
        }

        /**
         * Ends the rule: the server goes on as usual (in a sequence of rules, or to exempt matching commands from a
         * later rule).
         *
         * @return the rule
         */
        public SmtpRule accept() {
            return effect(SmtpEffect.accept());
        }

        /**
         * Ends the rule with any effect.
         *
         * @param effect the effect
         * @return the rule
         * @throws IllegalArgumentException if the effect does not fit the stage (see {@link #reply})
         */
        public SmtpRule effect(SmtpEffect effect) {
            SmtpRule rule = new SmtpRule(stage, pattern, times, Objects.requireNonNull(effect, "effect"));
            added.accept(rule);
            return rule;
        }
    }
}
