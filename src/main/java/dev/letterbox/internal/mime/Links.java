package dev.letterbox.internal.mime;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the links a test may want to follow: href attributes of an HTML body, URLs in a text body. Both are found by
 * hand-written scanners that move forward through the text (no regular expression, which can backtrack on hostile
 * input), so the work is linear in the length of the bodies.
 */
public final class Links {
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}'";

    private Links() {
    }

    /**
     * Extracts links: first the HTML hrefs (entities decoded, fragments-only skipped), then URLs in the text, in
     * order of appearance, each once.
     *
     * @param html the HTML body, may be null
     * @param text the text body, may be null
     * @return the links
     */
    public static List<String> extract(CharSequence html, CharSequence text) {
        Set<String> links = new LinkedHashSet<>();
        if (html != null) {
            HtmlAnchors.hrefs(html, href -> {
                String v = HtmlAnchors.decodeEntities(href).trim();
                if (!v.isEmpty() && !v.startsWith("#")) {
                    links.add(v);
                }
            });
        }
        if (text != null) {
            urls(text, links);
        }
        return List.copyOf(links);
    }

    /** Finds {@code http://}, {@code https://} and {@code ftp://} URLs starting at a word boundary. */
    private static void urls(CharSequence text, Set<String> out) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int afterScheme = isWordStart(text, i) ? afterScheme(text, i) : -1;
            if (afterScheme < 0 || afterScheme >= n || !isUrlChar(text.charAt(afterScheme))) {
                i++;
                continue;
            }
            int end = afterScheme + 1;
            while (end < n && isUrlChar(text.charAt(end))) {
                end++;
            }
            out.add(trimTrailingPunctuation(text.subSequence(i, end).toString()));
            i = end;
        }
    }

    private static boolean isWordStart(CharSequence text, int i) {
        return i == 0 || !isWordChar(text.charAt(i - 1));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** @return the index after {@code scheme://} if one of the schemes starts at i (any case), else -1 */
    private static int afterScheme(CharSequence text, int i) {
        for (String scheme : new String[] {"http://", "https://", "ftp://"}) {
            if (HtmlAnchors.regionMatchesIgnoreCase(text, i, scheme)) {
                return i + scheme.length();
            }
        }
        return -1;
    }

    private static boolean isUrlChar(char c) {
        return !(c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                || c == '<' || c == '>' || c == '"');
    }

    /** Drops punctuation that ends a sentence rather than the URL; a closing parenthesis stays if it is balanced. */
    private static String trimTrailingPunctuation(String url) {
        int open = 0;
        int close = 0;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            open += c == '(' ? 1 : 0;
            close += c == ')' ? 1 : 0;
        }
        int end = url.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
            if (url.charAt(end - 1) == ')') {
                if (close <= open) {
                    break; // balanced, as in Wikipedia links
                }
                close--;
            }
            end--;
        }
        return url.substring(0, end);
    }
}
