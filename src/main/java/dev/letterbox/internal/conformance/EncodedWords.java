package dev.letterbox.internal.conformance;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;

/**
 * Finds the first malformed RFC 2047 encoded-word ({@code =?charset?B|Q?text?=}) in a header value. Text is taken as
 * an encoded-word when it starts like one ({@code =?} and a charset token followed by {@code ?}); each candidate is
 * looked at over at most 75 characters, the longest an encoded-word may be, so the scan is linear.
 */
final class EncodedWords {
    static final int MAX_LENGTH = 75;
    private static final String SPECIALS = "()<>@,;:\"/[]?.= \t";

    private EncodedWords() {
    }

    /** @return what is wrong with the first malformed encoded-word, or null if all are well formed */
    static String firstProblem(String value) {
        int i = 0;
        while (true) {
            int start = value.indexOf("=?", i);
            if (start < 0) {
                return null;
            }
            int limit = Math.min(value.length(), start + MAX_LENGTH + 1);
            int q1 = tokenEnd(value, start + 2, limit);
            if (q1 == start + 2 || q1 >= limit || value.charAt(q1) != '?') {
                i = start + 2; // not an encoded-word, just text
                continue;
            }
            String problem = check(value, start, q1, limit);
            if (problem != null) {
                return problem;
            }
            i = value.indexOf("?=", q1 + 3) + 2;
        }
    }

    private static int tokenEnd(String value, int from, int limit) {
        int i = from;
        while (i < limit && value.charAt(i) > 32 && value.charAt(i) < 127 && SPECIALS.indexOf(value.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static String check(String value, int start, int q1, int limit) {
        String charset = value.substring(start + 2, q1);
        int star = charset.indexOf('*');
        String name = star < 0 ? charset : charset.substring(0, star);
        String shown = value.substring(start, Math.min(limit, value.length()));
        if (q1 + 2 >= limit || value.charAt(q1 + 2) != '?') {
            return "'" + shown + "' does not have the form =?charset?B|Q?text?=";
        }
        char enc = Character.toUpperCase(value.charAt(q1 + 1));
        int end = value.indexOf("?=", q1 + 3);
        if (end < 0 || end + 2 > limit) {
            return "'" + shown + "' is not closed with ?= within " + MAX_LENGTH + " characters";
        }
        String word = value.substring(start, end + 2);
        String text = value.substring(q1 + 3, end);
        if (enc != 'B' && enc != 'Q') {
            return "'" + word + "' has the encoding '" + value.charAt(q1 + 1) + "'; only B and Q exist";
        }
        if (!supported(name)) {
            return "'" + word + "' names the unknown charset '" + name + "'";
        }
        String bad = enc == 'B' ? badBase64(text) : badQ(text);
        return bad == null ? null : "'" + word + "' " + bad;
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static String badBase64(String text) {
        if (text.length() % 4 != 0) {
            return "has base64 text whose length is not a multiple of 4";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
                    || c == '/' || c == '=' && i >= text.length() - 2;
            if (!ok) {
                return "has '" + c + "', not base64";
            }
        }
        return null;
    }

    private static String badQ(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    return "has an '=' not followed by two hex digits";
                }
                i += 2;
            } else if (c <= ' ' || c >= 127) {
                return "has a space or non-ASCII character inside, which Q encoding forbids";
            }
        }
        return null;
    }
}
