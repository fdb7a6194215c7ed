package dev.letterbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a scripted {@link SmtpRule} makes the server do at its {@link SmtpStage}: answer with a reply of your choice,
 * drop the connection, wait before going on, stop answering, or go on as usual. Plain immutable data; build one with
 * the static methods or let {@link SmtpRule.Builder} do it.
 */
public sealed interface SmtpEffect
        permits SmtpEffect.Reply, SmtpEffect.Disconnect, SmtpEffect.Delay, SmtpEffect.Stall, SmtpEffect.Accept {

    /**
     * Answers with this reply instead of the server's own. A 4xx or 5xx reply refuses the command (nothing changes,
     * and a message refused at {@link SmtpStage#END_OF_DATA} is not stored); {@code 421} also closes the connection,
     * as RFC 5321 says. A positive code that the stage itself uses to accept (250 at MAIL, RCPT, END_OF_DATA, RSET;
     * 251 at RCPT; 220 at CONNECT; 354 at DATA; 221 at QUIT) accepts with your text instead.
     *
     * @param code the three-digit reply code
     * @param text the first line of text, starting with an enhanced status code if you want one, such as
     *     {@code "5.1.1 No such user"}; written as given
     * @param more further lines of a multi-line reply
     * @return the effect
     * @throws IllegalArgumentException if the code is outside 200..599 or a line contains CR or LF
     */
    static Reply reply(int code, String text, String... more) {
        List<String> lines = new ArrayList<>(1 + more.length);
        lines.add(text);
        lines.addAll(List.of(more));
        return new Reply(code, lines);
    }

    /**
     * Closes the connection without a reply, as a crashed server or a dropped line would.
     *
     * @return the effect
     */
    static Disconnect disconnect() {
        return new Disconnect();
    }

    /**
     * Waits, then handles the command as usual.
     *
     * @param duration how long to wait before answering
     * @return the effect
     * @throws IllegalArgumentException if the duration is negative
     */
    static Delay delay(Duration duration) {
        return new Delay(duration);
    }

    /**
     * Stops answering: the command gets no reply and nothing the client sends afterwards is read as a command or
     * answered, so the client's read timeout fires. The connection closes when the client closes it or the server
     * is closed.
     *
     * @return the effect
     */
    static Stall stall() {
        return new Stall();
    }

    /**
     * Handles the command as usual; useful in a sequence of rules ("refuse twice, then accept") and to exempt some
     * addresses from a later, broader rule.
     *
     * @return the effect
     */
    static Accept accept() {
        return new Accept();
    }

    /**
     * A reply of your choice, see {@link SmtpEffect#reply(int, String, String...)}.
     *
     * @param code the reply code, 200..599
     * @param lines the text lines, at least one, written as given
     */
    record Reply(int code, List<String> lines) implements SmtpEffect {
        /**
         * Checks and copies the lines.
         *
         * @param code the reply code, 200..599
         * @param lines the text lines, at least one, written as given
         * @throws IllegalArgumentException if the code is outside 200..599, there is no line, or a line has CR or LF
         */
        public Reply {
            if (code < 200 || code > 599) {
                throw new IllegalArgumentException("a reply code must be 200..599, was " + code);
            }
            lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("a reply needs a line of text, such as \"4.3.0 Try again later\"");
            }
            for (String line : lines) {
                if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("a reply line must not contain CR or LF (give several lines"
                            + " as separate arguments instead): \"" + line.replace("\r", "\\r").replace("\n", "\\n")
                            + "\"");
                }
            }
        }

        /** @return true for 4xx and 5xx, which refuse the command */
        public boolean refuses() {
            return code >= 400;
        }

        @Override
        public String toString() {
            return "reply " + code + " " + String.join(" / ", lines);
        }
    }

    /** Closes the connection without a reply; see {@link SmtpEffect#disconnect()}. */
    record Disconnect() implements SmtpEffect {
        @Override
        public String toString() {
            return "disconnect";
        }
    }

    /**
     * Waits, then goes on; see {@link SmtpEffect#delay(Duration)}.
     *
     * @param duration how long to wait, zero or more
     */
    record Delay(Duration duration) implements SmtpEffect {
        /**
         * Checks the duration.
         *
         * @param duration how long to wait, zero or more
         * @throws IllegalArgumentException if it is negative
         */
        public Delay {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("a delay must not be negative, was " + duration);
            }
        }

        @Override
        public String toString() {
            return "delay " + duration;
        }
    }

    /** Stops answering; see {@link SmtpEffect#stall()}. */
    record Stall() implements SmtpEffect {
        @Override
        public String toString() {
            return "stall";
        }
    }

    /** Goes on as usual; see {@link SmtpEffect#accept()}. */
    record Accept() implements SmtpEffect {
        @Override
        public String toString() {
            return "accept";
        }
    }
}
