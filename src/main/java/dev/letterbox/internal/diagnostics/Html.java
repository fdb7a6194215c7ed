package dev.letterbox.internal.diagnostics;

/**
 * The one HTML helper of the report: escapes text for element content and quoted attribute values, and decodes the
 * character references an attribute value of a mail may hold. No template engine: the report is built with
 * {@link StringBuilder}s and every value from a message passes through {@link #escape(CharSequence)}.
 */
public final class Html {
    private static final String[][] NAMED = {{"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""},
        {"apos;", "'"}, {"colon;", ":"}, {"sol;", "/"}, {"tab;", "\t"}, {"newline;", "\n"}, {"nbsp;", "\u00a0"},
        {"lpar;", "("}, {"rpar;", ")"}};

    private Html() {
    }

    /**
     * Escapes {@code & < > " '} so that the text is inert in element content and in a quoted attribute value.
     *
     * @param text the text, null reads as the empty string
     * @return the escaped text
     */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Decodes numeric character references and a few named ones ({@code &amp; &colon; &Tab;} and the like), enough to
     * see which scheme a URL in an attribute value really has; unknown references stay as written.
     *
     * @param value an attribute value as written
     * @return the decoded value
     */
    static String decode(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        int n = value.length();
        int i = 0;
        while (i < n) {
            char c = value.charAt(i);
            if (c != '&') {
                sb.append(c);
                i++;
                continue;
            }
            int next = reference(value, i + 1, sb);
            if (next < 0) {
                sb.append('&');
                i++;
            } else {
                i = next;
            }
        }
        return sb.toString();
    }

    /** Decodes the reference after an {@code &} at i into sb; returns the index after it, or -1 if there is none. */
    private static int reference(String s, int i, StringBuilder sb) {
        int n = s.length();
        if (i < n && s.charAt(i) == '#') {
            int j = i + 1;
            boolean hex = j < n && (s.charAt(j) | 0x20) == 'x';
            if (hex) {
                j++;
            }
            int start = j;
            long code = 0;
            while (j < n && j - start < 8 && Character.digit(s.charAt(j), hex ? 16 : 10) >= 0) {
                code = code * (hex ? 16 : 10) + Character.digit(s.charAt(j), hex ? 16 : 10);
                j++;
            }
            if (j == start) {
                return -1;
            }
            if (j < n && s.charAt(j) == ';') {
                j++;
            }
            sb.appendCodePoint(code > 0 && code <= Character.MAX_CODE_POINT ? (int) code : 0xFFFD);
            return j;
        }
        for (String[] named : NAMED) {
            if (s.regionMatches(true, i, named[0], 0, named[0].length())) {
                sb.append(named[1]);
                return i + named[0].length();
            }
        }
        return -1;
    }
}
