package dev.letterbox.internal.mime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the links a test may want to follow: href attributes of an HTML body, URLs in a text body. */
public final class Links {

    private static final Pattern HREF = Pattern.compile(
            "<a\\b[^>]*?\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("\\b(?:https?|ftp)://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);");

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
    public static List<String> extract(String html, String text) {
        Set<String> links = new LinkedHashSet<>();
        if (html != null) {
            Matcher m = HREF.matcher(html);
            while (m.find()) {
                String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                v = decodeEntities(v).trim();
                if (!v.isEmpty() && !v.startsWith("#")) {
                    links.add(v);
                }
            }
        }
        if (text != null) {
            Matcher m = URL.matcher(text);
            while (m.find()) {
                links.add(trimTrailingPunctuation(m.group()));
            }
        }
        return List.copyOf(new ArrayList<>(links));
    }

    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> {
                    try {
                        int cp = e.startsWith("#x") || e.startsWith("#X")
                                ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                        yield new String(Character.toChars(cp));
                    } catch (IllegalArgumentException ex) {
                        yield m.group();
                    }
                }
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?)]}'".indexOf(url.charAt(end - 1)) >= 0) {
            if (url.charAt(end - 1) == ')' && url.lastIndexOf('(', end) >= 0) {
                break; // keep a balanced parenthesis, as in Wikipedia links
            }
            end--;
        }
        return url.substring(0, end);
    }
}
