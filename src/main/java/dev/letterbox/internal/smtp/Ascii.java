package dev.letterbox.internal.smtp;

/**
 * Case rules for the protocol's keywords (verbs, parameters, mechanisms), which are ASCII: only a-z and A-Z change
 * case. {@code String.toUpperCase} and {@code equalsIgnoreCase} fold some non-ASCII letters onto ASCII ones (the
 * dotless {@code ı} U+0131 to {@code I}, the long {@code ſ} U+017F to {@code S}, the Kelvin sign U+212A to
 * {@code k}), which would let "MAıL" be taken for MAIL.
 */
final class Ascii {
    private Ascii() {
    }

    /**
     * @param s any text
     * @return the text with a-z upper-cased and every other character, non-ASCII letters included, unchanged
     */
    static String upper(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                char[] out = s.toCharArray();
                for (int j = i; j < out.length; j++) {
                    if (out[j] >= 'a' && out[j] <= 'z') {
                        out[j] -= 'a' - 'A';
                    }
                }
                return new String(out);
            }
        }
        return s;
    }

    /**
     * @param a one text
     * @param b another
     * @return true if they are equal with a-z and A-Z taken as the same letters, and nothing else folded
     */
    static boolean equalsIgnoreCase(String a, String b) {
        return a.length() == b.length() && startsWithIgnoreCase(a, b);
    }

    /**
     * @param s a text
     * @param prefix an ASCII keyword
     * @return true if {@code s} starts with the keyword in any ASCII case
     */
    static boolean startsWithIgnoreCase(String s, String prefix) {
        if (s.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (lower(s.charAt(i)) != lower(prefix.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
