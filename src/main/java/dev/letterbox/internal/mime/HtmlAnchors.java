package dev.letterbox.internal.mime;

import java.util.function.Consumer;

/**
 * Reads the {@code href} of every {@code <a>} tag of an HTML text, the way an HTML tokenizer reads tags: a tag runs to
 * its {@code >} (not one inside a quoted attribute value) and scanning goes on after it, so every character is looked
 * at a bounded number of times, however many tags are left unclosed.
 */
final class HtmlAnchors {
    private HtmlAnchors() {
    }

    /**
     * Reports the href value of each anchor, raw (entities not decoded), in order.
     *
     * @param html the HTML
     * @param out receives each value
     */
    static void hrefs(CharSequence html, Consumer<String> out) {
        int n = html.length();
        int i = 0;
        while (i < n) {
            if (html.charAt(i) == '<' && i + 1 < n && (html.charAt(i + 1) | 0x20) == 'a'
                    && (i + 2 == n || endsTagName(html.charAt(i + 2)))) {
                i = anchor(html, i + 2, out);
            } else {
                i++;
            }
        }
    }

    /** Reads the attributes of an anchor from i; reports its first href; returns the index after the tag. */
    private static int anchor(CharSequence html, int i, Consumer<String> out) {
        int n = html.length();
        String href = null;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '>') {
                i++;
                break;
            }
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < n && !endsAttributeName(html.charAt(i), i == nameStart)) {
                i++;
            }
            boolean isHref = i - nameStart == 4 && regionMatchesIgnoreCase(html, nameStart, "href");
            int j = skipSpaces(html, i);
            if (j >= n || html.charAt(j) != '=') {
                i = j; // an attribute without a value
                continue;
            }
            j = skipSpaces(html, j + 1);
            String value;
            if (j < n && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
                char quote = html.charAt(j);
                int valueEnd = j + 1;
                while (valueEnd < n && html.charAt(valueEnd) != quote) {
                    valueEnd++;
                }
                if (valueEnd >= n) {
                    return n; // an unclosed quote swallows the rest: no tag ends
                }
                value = html.subSequence(j + 1, valueEnd).toString();
                i = valueEnd + 1;
            } else {
                int valueEnd = j;
                while (valueEnd < n && !isSpace(html.charAt(valueEnd)) && html.charAt(valueEnd) != '>') {
                    valueEnd++;
                }
                value = html.subSequence(j, valueEnd).toString();
                i = valueEnd;
            }
            if (isHref && href == null) {
                href = value;
            }
        }
        if (href != null) {
            out.accept(href);
        }
        return i;
    }

    private static boolean endsTagName(char c) {
        return isSpace(c) || c == '/' || c == '>';
    }

    private static boolean endsAttributeName(char c, boolean first) {
        return isSpace(c) || c == '/' || c == '>' || (c == '=' && !first);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static int skipSpaces(CharSequence s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** @return whether {@code ascii} (lower case) starts at i of s, ignoring the case of s */
    static boolean regionMatchesIgnoreCase(CharSequence s, int i, String ascii) {
        if (i + ascii.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            char c = s.charAt(i + k);
            if (c != ascii.charAt(k) && Character.toLowerCase(c) != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes the character references a URL in an attribute may hold: {@code &amp; &lt; &gt; &quot; &apos;} and
     * numeric ones ({@code &#38; &#x26;}); anything else is kept as written.
     *
     * @param s an attribute value
     * @return the value decoded
     */
    static String decodeEntities(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, amp);
        int i = amp;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end = c == '&' ? reference(s, i, sb) : -1;
            if (end < 0) {
                sb.append(c);
                i++;
            } else {
                i = end;
            }
        }
        return sb.toString();
    }

    private static final String[][] NAMED = {{"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""},
        {"apos;", "'"}};

    /** Appends the character of the reference at i (an {@code &}); returns the index after it, or -1 if none. */
    private static int reference(String s, int i, StringBuilder out) {
        for (String[] named : NAMED) {
            if (s.startsWith(named[0], i + 1)) {
                out.append(named[1]);
                return i + 1 + named[0].length();
            }
        }
        int j = i + 1;
        if (j >= s.length() || s.charAt(j) != '#') {
            return -1;
        }
        j++;
        int radix = 10;
        if (j < s.length() && (s.charAt(j) == 'x' || s.charAt(j) == 'X')) {
            radix = 16;
            j++;
        }
        int digitsStart = j;
        long cp = 0;
        while (j < s.length() && asciiDigit(s.charAt(j), radix) >= 0) {
            cp = Math.min(cp * radix + asciiDigit(s.charAt(j), radix), Integer.MAX_VALUE);
            j++;
        }
        if (j == digitsStart || j >= s.length() || s.charAt(j) != ';' || !Character.isValidCodePoint((int) cp)) {
            return -1;
        }
        out.appendCodePoint((int) cp);
        return j + 1;
    }

    private static int asciiDigit(char c, int radix) {
        return c < 128 ? Character.digit(c, radix) : -1;
    }
}
