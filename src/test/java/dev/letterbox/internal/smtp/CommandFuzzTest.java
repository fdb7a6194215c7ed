package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.letterbox.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fuzzes the command side without a socket: the path parser with MAIL and RCPT parameter handling, and verb lookup.
 * Arbitrary octets are decoded as the wire decodes a command line (UTF-8, malformed sequences replaced). In the
 * normal build the inputs under {@code src/test/resources/dev/letterbox/internal/smtp/CommandFuzzTestInputs/<method>/}
 * run as regression tests (seeds from the bad-input catalogue, and every finding); with {@code JAZZER_FUZZ=1} Jazzer
 * mutates them (README, Reliability).
 */
class CommandFuzzTest {
    private static final ServerOptions OPTIONS = ServerOptions.builder().users("alice:secret").build();

    /**
     * The argument of MAIL FROM: and RCPT TO: is either parsed or refused with a 5xx {@link ReplyException}, never an
     * unchecked exception; a parsed path rendered again ({@code <address>} and its parameters) parses to the same path.
     */
    @FuzzTest(maxDuration = "2m")
    void pathAndParametersAreParsedOrRefusedWith5xx(byte[] octets) {
        String arg = new String(octets, StandardCharsets.UTF_8);
        for (PathParser parser : new PathParser[] {PathParser.REVERSE, PathParser.FORWARD}) {
            boolean allowNull = parser == PathParser.REVERSE;
            PathParser.Path path;
            try {
                path = parser.parse(arg, allowNull);
            } catch (ReplyException e) {
                assertPermanent(e, arg);
                continue;
            }
            PathParser.Path again;
            String rendered = render(path);
            try {
                again = parser.parse(rendered, allowNull);
            } catch (ReplyException e) {
                throw new AssertionError("parsed " + quoted(arg) + " as " + path + ", but its rendering "
                        + quoted(rendered) + " is refused: " + e.reply(), e);
            }
            assertThat(again).as("%s rendered as %s and parsed again", quoted(arg), quoted(rendered))
                    .isEqualTo(path);
        }

        SessionState s = new SessionState(OPTIONS);
        s.greet("client.example", true);
        try {
            TransactionCommands.mail(s, "FROM:" + arg).commit().get();
        } catch (ReplyException e) {
            assertPermanent(e, "MAIL FROM:" + arg);
            try {
                TransactionCommands.mail(s, "FROM:<a@example.com>").commit().get();
            } catch (ReplyException unexpected) {
                throw new AssertionError("a plain MAIL refused: " + unexpected.reply(), unexpected);
            }
        }
        try {
            TransactionCommands.rcpt(s, "TO:" + arg).commit().get();
        } catch (ReplyException e) {
            assertPermanent(e, "RCPT TO:" + arg);
        }
    }

    /**
     * Verb lookup agrees with the obvious reference: a word is a verb exactly when it is that verb's name in ASCII
     * letters of any case. A non-ASCII letter that {@code toUpperCase} folds onto an ASCII one never makes a verb.
     */
    @FuzzTest(maxDuration = "1m")
    void verbLookupIsAsciiCaseInsensitiveOnly(byte[] octets) {
        String word = new String(octets, StandardCharsets.UTF_8);
        Verb expected = null;
        for (Verb v : Verb.values()) {
            if (asciiEqualsIgnoreCase(word, v.name())) {
                expected = v;
            }
        }
        assertThat(Verb.of(word)).as("the verb of %s", quoted(word)).isEqualTo(expected);
    }

    private static boolean asciiEqualsIgnoreCase(String word, String name) {
        if (word.length() != name.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char upper = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
            if (upper != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static void assertPermanent(ReplyException e, String input) {
        Reply r = e.reply();
        assertThat(r.code()).as("reply code for %s (%s)", quoted(input), r).isBetween(500, 599);
        assertThat(r.enhanced()).as("enhanced code for %s (%s)", quoted(input), r).startsWith("5.");
        assertThat(String.join("", r.lines())).as("reply text for %s", quoted(input))
                .doesNotContain("\r").doesNotContain("\n");
    }

    /** @return the path as a client would send it: {@code <address>} and its parameters */
    private static String render(PathParser.Path path) {
        StringBuilder b = new StringBuilder("<").append(path.address()).append('>');
        for (Map.Entry<String, String> p : path.parameters().entrySet()) {
            b.append(' ').append(p.getKey());
            if (!p.getValue().isEmpty()) {
                b.append('=').append(p.getValue());
            }
        }
        return b.toString();
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().limit(200).forEach(c -> b.append(c < 32 || c == 127 ? String.format("\\x%02X", c)
                : new String(Character.toChars(c))));
        return b.append(s.length() > 200 ? "...\"" : "\"").toString();
    }
}
