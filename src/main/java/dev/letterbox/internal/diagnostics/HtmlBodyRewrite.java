package dev.letterbox.internal.diagnostics;

import java.util.Locale;
import java.util.function.Function;

/**
 * Prepares a mail's HTML body for the report's sandboxed frame: {@code cid:} URLs point at the inline parts written
 * beside it, and every other resource the browser would fetch by itself (remote images, {@code srcset} candidates,
 * CSS {@code url()}, stylesheets, {@code <base>}, {@code <meta http-equiv>}) is blocked and counted. Event handler
 * attributes and {@code javascript:} links are removed too. This is not the defence against scripts: the frame's
 * {@code sandbox} (without {@code allow-scripts}) and the Content-Security-Policy are; the rewrite only keeps the page
 * off the network and makes inline images show.
 *
 * <p>A forward scanner in the manner of an HTML tokenizer, as {@code internal.mime.HtmlAnchors} reads anchors: a tag
 * runs to its {@code >} (not one inside a quoted value), a comment to its {@code -->}, a {@code <style>} element to
 * its {@code </style}; every character is looked at a bounded number of times, so the time is linear in the body
 * whatever the input. A blocked attribute is kept under the name {@code data-letterbox-blocked-<name>}, so the
 * page's source still shows what the mail asked for.
 */
final class HtmlBodyRewrite {
    /** The prefix of the name a blocked attribute is kept under. */
    static final String BLOCKED = "data-letterbox-blocked-";

    /**
     * What the rewrite did.
     *
     * @param html the rewritten body
     * @param remoteBlocked remote resources (http, https, protocol-relative) blocked
     * @param otherBlocked other resources blocked: relative and {@code file:} URLs, {@code cid:} URLs of no part
     * @param inlineResolved {@code cid:} URLs pointed at a part written beside the body
     */
    record Result(String html, int remoteBlocked, int otherBlocked, int inlineResolved) {
    }

    private final CharSequence html;
    private final Function<String, String> cidFiles;
    private final StringBuilder out;
    private int remote;
    private int other;
    private int inline;

    private HtmlBodyRewrite(CharSequence html, Function<String, String> cidFiles) {
        this.html = html;
        this.cidFiles = cidFiles;
        this.out = new StringBuilder(html.length() + 256);
    }

    /**
     * Rewrites an HTML body.
     *
     * @param html the body as decoded from the message
     * @param cidFiles the file name (relative to the body's file) of the part with a Content-ID, or null if none has
     *     it
     * @return the rewritten body and the counts
     */
    static Result rewrite(CharSequence html, Function<String, String> cidFiles) {
        HtmlBodyRewrite r = new HtmlBodyRewrite(html, cidFiles);
        r.run();
        return new Result(r.out.toString(), r.remote, r.other, r.inline);
    }

    private void run() {
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<' && regionMatches(html, i, "<!--")) {
                int end = indexOf(html, "-->", i + 4);
                end = end < 0 ? n : end + 3;
                out.append(html, i, end);
                i = end;
            } else if (c == '<' && i + 1 < n && isLetter(html.charAt(i + 1))) {
                i = tag(i + 1);
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** Rewrites the tag whose name starts at i; returns the index after it (after a style element's text). */
    private int tag(int i) {
        int n = html.length();
        int nameStart = i;
        while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '/' && html.charAt(i) != '>') {
            i++;
        }
        String tag = text(nameStart, i).toLowerCase(Locale.ROOT);
        out.append('<').append(html, nameStart, i);
        while (i < n) {
            char c = html.charAt(i);
            if (c == '>') {
                out.append('>');
                i++;
                return tag.equals("style") ? styleText(i) : i;
            }
            if (isSpace(c) || c == '/') {
                out.append(c);
                i++;
                continue;
            }
            int attrStart = i;
            while (i < n && !endsAttributeName(html.charAt(i), i == attrStart)) {
                i++;
            }
            String name = text(attrStart, i).toLowerCase(Locale.ROOT);
            int j = skipSpaces(i);
            if (j >= n || html.charAt(j) != '=') {
                if (!name.startsWith("on")) {
                    out.append(html, attrStart, i);
                }
                i = j > i ? i : j;
                continue;
            }
            j = skipSpaces(j + 1);
            String value;
            int after;
            if (j < n && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
                int close = indexOf(html, html.charAt(j), j + 1);
                close = close < 0 ? n : close;
                value = text(j + 1, close);
                after = Math.min(n, close + 1);
            } else {
                int end = j;
                while (end < n && !isSpace(html.charAt(end)) && html.charAt(end) != '>') {
                    end++;
                }
                value = text(j, end);
                after = end;
            }
            attribute(tag, name, text(attrStart, after), value);
            i = after;
        }
        return i;
    }

    /** Writes one attribute with a value, rewritten if it names a resource. */
    private void attribute(String tag, String name, String asWritten, String value) {
        if (name.startsWith("on")) {
            return; // an event handler: never runs in the sandbox, and not worth keeping
        }
        switch (name) {
            case "src", "background", "poster", "lowsrc", "dynsrc", "data", "xlink:href", "codebase", "archive" ->
                    resourceAttribute(name, value, asWritten);
            case "srcset", "imagesrcset" -> srcset(name, value);
            case "style" -> out.append("style=\"").append(Html.escape(css(Html.decode(value)))).append('"');
            case "href" -> href(tag, value, asWritten);
            case "action", "formaction", "ping" -> blocked(name, value, classify(Html.decode(value)));
            case "srcdoc" -> blocked(name, value, Kind.OTHER); // a document of its own, not rewritten: not kept
            case "http-equiv" -> blocked(name, value, Kind.OTHER);
            default -> out.append(asWritten);
        }
    }

    private void href(String tag, String value, String asWritten) {
        String url = Html.decode(value);
        Kind kind = classify(url);
        if (tag.equals("base") || tag.equals("link")) {
            blocked("href", value, kind);
        } else if (tag.equals("image") || tag.equals("use") || tag.equals("feimage")) {
            resourceAttribute("href", value, asWritten); // SVG references a resource with a plain href
        } else if (kind == Kind.SCRIPT) {
            blocked("href", value, Kind.SCRIPT);
        } else {
            out.append(asWritten); // a link the reader may follow; following it is their choice
        }
    }

    private void resourceAttribute(String name, String value, String asWritten) {
        String url = Html.decode(value);
        Kind kind = classify(url);
        if (kind == Kind.DATA) {
            out.append(asWritten);
            return;
        }
        String file = kind == Kind.CID ? cidFile(url) : null;
        if (file != null) {
            out.append(name).append("=\"").append(Html.escape(file)).append('"');
        } else {
            blocked(name, value, kind);
        }
    }

    /** Rewrites each candidate of a srcset ({@code url descriptor, url descriptor}); drops the blocked ones. */
    private void srcset(String name, String value) {
        String decoded = Html.decode(value);
        StringBuilder kept = new StringBuilder();
        int blockedHere = 0;
        for (String candidate : decoded.split(",")) {
            String c = candidate.strip();
            if (c.isEmpty()) {
                continue;
            }
            int space = 0;
            while (space < c.length() && !isSpace(c.charAt(space))) {
                space++;
            }
            String url = c.substring(0, space);
            Kind kind = classify(url);
            String file = kind == Kind.CID ? cidFile(url) : kind == Kind.DATA ? url : null;
            if (file == null) {
                count(kind);
                blockedHere++;
            } else {
                kept.append(kept.length() == 0 ? "" : ", ").append(file).append(c.substring(space));
            }
        }
        if (kept.length() > 0) {
            out.append(name).append("=\"").append(Html.escape(kept)).append("\" ");
        }
        if (blockedHere > 0) {
            out.append(BLOCKED).append(name).append("=\"").append(Html.escape(value)).append('"');
        }
    }

    /** Rewrites the text of a {@code <style>} element, which runs to {@code </style} (any case) or the end. */
    private int styleText(int i) {
        int n = html.length();
        int end = i;
        while (end < n && !(html.charAt(end) == '<' && regionMatches(html, end, "</style"))) {
            end++;
        }
        out.append(css(text(i, end)));
        return end;
    }

    /** Rewrites every {@code url(...)} of a style sheet or style attribute and disables {@code @import}. */
    private String css(String css) {
        StringBuilder sb = new StringBuilder(css.length());
        int n = css.length();
        int i = 0;
        while (i < n) {
            char c = css.charAt(i);
            if ((c | 0x20) == 'u' && css.regionMatches(true, i, "url(", 0, 4)) {
                int j = i + 4;
                while (j < n && isSpace(css.charAt(j))) {
                    j++;
                }
                int close;
                String url;
                if (j < n && (css.charAt(j) == '"' || css.charAt(j) == '\'')) {
                    int q = css.indexOf(css.charAt(j), j + 1);
                    q = q < 0 ? n : q;
                    url = css.substring(j + 1, q);
                    close = css.indexOf(')', Math.min(n, q + 1));
                } else {
                    close = css.indexOf(')', j);
                    url = css.substring(j, close < 0 ? n : close).strip();
                }
                close = close < 0 ? n : close + 1;
                Kind kind = classify(url);
                String file = kind == Kind.CID ? cidFile(url) : kind == Kind.DATA ? url : null;
                if (file == null) {
                    count(kind);
                    sb.append("url()");
                } else {
                    sb.append("url(\"").append(file.replace("\\", "\\\\").replace("\"", "\\\"")).append("\")");
                }
                i = close;
            } else if (c == '@' && css.regionMatches(true, i, "@import", 0, 7)) {
                sb.append("@letterbox-blocked-import");
                remote++;
                i += 7;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private void blocked(String name, String value, Kind kind) {
        count(kind);
        out.append(BLOCKED).append(name).append("=\"").append(Html.escape(value)).append('"');
    }

    private void count(Kind kind) {
        if (kind == Kind.REMOTE) {
            remote++;
        } else if (kind != Kind.SCRIPT) {
            other++;
        }
    }

    /** The file written for a {@code cid:} URL, or null if no part has that Content-ID. */
    private String cidFile(String url) {
        String id = percentDecode(url.strip().substring(4));
        String file = cidFiles.apply(id);
        if (file == null && id.startsWith("<") && id.endsWith(">")) {
            file = cidFiles.apply(id.substring(1, id.length() - 1));
        }
        if (file != null) {
            inline++;
        }
        return file;
    }

    private enum Kind { CID, DATA, REMOTE, SCRIPT, OTHER }

    /** Which kind of URL, as a browser would see it: leading spaces and inner tabs and line breaks ignored. */
    static Kind classify(String url) {
        StringBuilder s = new StringBuilder(12);
        for (int i = 0; i < url.length() && s.length() < 12; i++) {
            char c = url.charAt(i);
            if (c > ' ' || (s.length() > 0 && c == ' ')) {
                s.append(Character.toLowerCase(c));
            }
        }
        String p = s.toString();
        if (p.startsWith("cid:")) {
            return Kind.CID;
        }
        if (p.startsWith("data:image/")) {
            return Kind.DATA;
        }
        if (p.startsWith("http:") || p.startsWith("https:") || p.startsWith("//") || p.startsWith("\\\\")
                || p.startsWith("/\\") || p.startsWith("\\/")) {
            return Kind.REMOTE;
        }
        if (p.startsWith("javascript:") || p.startsWith("vbscript:") || p.startsWith("data:")) {
            return Kind.SCRIPT;
        }
        return Kind.OTHER;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String text(int start, int end) {
        return html.subSequence(start, end).toString();
    }

    /** Whether s has the lower-case ASCII text at i, ignoring case. */
    private static boolean regionMatches(CharSequence s, int i, String lower) {
        if (i + lower.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (Character.toLowerCase(s.charAt(i + k)) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The first index of text at or after from; each position is compared at most text.length() times. */
    private static int indexOf(CharSequence s, String text, int from) {
        for (int i = from; i + text.length() <= s.length(); i++) {
            if (s.charAt(i) == text.charAt(0) && regionMatches(s, i, text)) {
                return i;
            }
        }
        return -1;
    }

    private int skipSpaces(int i) {
        while (i < html.length() && isSpace(html.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean endsAttributeName(char c, boolean first) {
        return isSpace(c) || c == '/' || c == '>' || (c == '=' && !first);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
