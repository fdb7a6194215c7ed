package dev.letterbox.internal.smtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The xtext encoding of DSN parameters (RFC 3461 section 4): printable ASCII but '+' and '=' as itself, any other
 * octet as '+' and two upper-case hex digits, such as {@code +2B} for '+'.
 */
public final class Xtext {
    private Xtext() {
    }

    /**
     * Finds what makes a text not xtext.
     *
     * @param text the text as received
     * @return what is wrong, such as {@code "'+' at 4 not followed by two upper-case hex digits"}, or null if it is
     *     xtext
     */
    static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                if (i + 2 >= text.length() || !hex(text.charAt(i + 1)) || !hex(text.charAt(i + 2))) {
                    return "'+' at " + (i + 1) + " not followed by two upper-case hex digits";
                }
                i += 2;
            } else if (c < '!' || c > '~' || c == '=') {
                return (c > ' ' && c <= '~' ? "'" + c + "'" : String.format("character U+%04X", (int) c)) + " at "
                        + (i + 1) + " must be written as +XX";
            }
        }
        return null;
    }

    /**
     * Decodes xtext; the octets are read as UTF-8 (an xtext of valid UTF-8 octets, as Angus and Postfix write
     * non-ASCII addresses), with a malformed sequence as U+FFFD.
     *
     * @param xtext a valid xtext, as accepted by the server
     * @return the decoded text
     */
    public static String decode(String xtext) {
        if (xtext.indexOf('+') < 0) {
            return xtext;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(xtext.length());
        for (int i = 0; i < xtext.length(); i++) {
            char c = xtext.charAt(i);
            if (c == '+' && i + 2 < xtext.length()) {
                out.write(Integer.parseInt(xtext, i + 1, i + 3, 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F';
    }
}
