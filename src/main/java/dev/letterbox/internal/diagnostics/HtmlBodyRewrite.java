package dev.letterbox.internal.diagnostics;

import java.util.function.Function;

/**
 * Prepares a mail's HTML body for the report's sandboxed frame: {@code cid:} URLs point at the inline parts written
 * beside it, and every other resource the browser would fetch by itself (remote images, {@code srcset} candidates,
 * CSS {@code url()}, stylesheets, {@code <base>}) is blocked and counted; every {@code <meta>} is disabled (refresh,
 * referrer policy, charset) and counted. Event handler attributes and {@code javascript:} links are removed too. This
 * is not the defence against scripts: the frame's {@code sandbox} (without {@code allow-scripts}) and the
 * Content-Security-Policy are; the rewrite only keeps the page off the network and makes inline images show.
 *
 * <p>A forward scanner that splits the text where the WHATWG tokenizer does, as {@code internal.mime.HtmlAnchors}
 * reads anchors: a tag runs to its {@code >} (not one inside a quoted value); a comment to its {@code -->} or
 * {@code --!>}, and {@code <!-->} and {@code <!--->} are whole comments; {@code <!x>}, {@code <?x>} and
 * {@code </ x>} are bogus comments to the first {@code >}, written as {@code <!--x-->}; an end tag loses its
 * attributes. The raw text and RCDATA elements ({@code title textarea style xmp iframe noembed noframes script},
 * {@code plaintext} to the end) run to their end tag in any ASCII case, and their text is written without a
 * {@code <}: they are raw text in HTML but markup inside SVG and MathML, and text without {@code <} holds no tag in
 * either. {@code <noscript>}, raw text or markup depending on whether scripting is on, becomes
 * {@code <letterbox-noscript>}, markup in every parser. So where this scanner sees a tag the browser does too, and
 * what it copies as text or a comment is text or a comment to the browser.
 *
 * <p>Every character is looked at a bounded number of times, so the time is linear in the body whatever the input. A
 * blocked attribute is kept under the name {@code data-letterbox-blocked-<name>}, so the page's source still shows
 * what the mail asked for.
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
            char next = i + 1 < n ? html.charAt(i + 1) : 0;
            if (c != '<' || i + 1 >= n) {
                out.append(c);
                i++;
            } else if (isLetter(next)) {
                i = tag(i + 1, false);
            } else if (next == '!' && regionMatches(html, i, "<!--")) {
                i = comment(i);
            } else if (next == '!' && regionMatches(html, i, "<!doctype")) {
                int end = indexOf(html, '>', i);
                end = end < 0 ? n : end + 1;
                out.append(html, i, end);
                i = end;
            } else if (next == '!' || next == '?') {
                i = bogusComment(i + 2, next == '?' ? i + 1 : i + 2);
            } else if (next == '/' && i + 2 < n && isLetter(html.charAt(i + 2))) {
                i = tag(i + 2, true);
            } else if (next == '/' && i + 2 < n && html.charAt(i + 2) != '>') {
                i = bogusComment(i + 2, i + 2);
            } else {
                out.append(c); // text, as a browser takes a '<' before anything else ("</>" is dropped by it)
                i++;
            }
        }
    }

    /**
     * Copies the comment at i as the WHATWG tokenizer ends it: {@code <!-->} and {@code <!--->} are whole comments,
     * otherwise it runs to the first {@code -->} or {@code --!>} (or the end of the text).
     */
    private int comment(int i) {
        int n = html.length();
        int end;
        if (i + 4 < n && html.charAt(i + 4) == '>') {
            end = i + 5;
        } else if (i + 5 < n && html.charAt(i + 4) == '-' && html.charAt(i + 5) == '>') {
            end = i + 6;
        } else {
            end = n;
            for (int k = i + 4; k + 2 < n; k++) {
                if (html.charAt(k) == '-' && html.charAt(k + 1) == '-') {
                    char after = html.charAt(k + 2);
                    if (after == '>') {
                        end = k + 3;
                        break;
                    }
                    if (after == '!' && k + 3 < n && html.charAt(k + 3) == '>') {
                        end = k + 4;
                        break;
                    }
                }
            }
        }
        out.append(html, i, end);
        return end;
    }

    /**
     * Writes a bogus comment ({@code <!x>}, {@code <?x>}, {@code </ x>}, and {@code <![CDATA[x]]>} outside SVG and
     * MathML), whose text starts at dataStart and runs to the first {@code >}, as the comment a browser makes of it:
     * {@code <!--text-->}. Its text holds no {@code >}, so it ends there in every parser, even one in SVG that would
     * have read a CDATA section.
     */
    private int bogusComment(int scanFrom, int dataStart) {
        int n = html.length();
        int close = indexOf(html, '>', scanFrom);
        int end = close < 0 ? n : close;
        out.append("<!--").append(html, dataStart, end).append("-->");
        return close < 0 ? n : close + 1;
    }

    /**
     * Rewrites the start or end tag whose name starts at i; returns the index after it (for a raw text element, after
     * its text). An end tag is written without its attributes, which a browser ignores.
     */
    private int tag(int i, boolean endTag) {
        int n = html.length();
        int nameStart = i;
        while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '/' && html.charAt(i) != '>') {
            i++;
        }
        String tag = asciiLower(nameStart, i);
        String writtenName = text(nameStart, i);
        if (!endTag) {
            writtenName = switch (tag) {
                case "xmp", "plaintext" -> "pre"; // shown as they are, once their text is escaped
                case "noscript" -> "letterbox-noscript"; // its text is markup or raw text depending on scripting
                default -> writtenName;
            };
        } else if (tag.equals("noscript")) {
            writtenName = "letterbox-noscript";
        } else if (tag.equals("xmp")) {
            writtenName = "pre";
        }
        out.append(endTag ? "</" : "<").append(writtenName);
        boolean meta = !endTag && tag.equals("meta");
        if (meta) {
            other++;
        }
        while (i < n) {
            char c = html.charAt(i);
            if (c == '>') {
                out.append('>');
                i++;
                return endTag ? i : rawText(tag, i);
            }
            if (isSpace(c) || c == '/') {
                if (!endTag) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int attrStart = i;
            while (i < n && !endsAttributeName(html.charAt(i), i == attrStart)) {
                i++;
            }
            String name = asciiLower(attrStart, i);
            int j = skipSpaces(i);
            if (j >= n || html.charAt(j) != '=') {
                if (!name.startsWith("on") && !endTag) {
                    if (meta) {
                        out.append(BLOCKED).append(name);
                    } else {
                        out.append(html, attrStart, i);
                    }
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
            if (endTag) {
                // nothing: a browser ignores the attributes of an end tag
            } else if (meta) {
                if (!name.startsWith("on")) {
                    out.append(BLOCKED).append(name).append("=\"").append(Html.escape(value))
                            .append('"'); // every meta is disabled: refresh, referrer, charset, CSP, ...
                }
            } else {
                attribute(tag, name, text(attrStart, after), value);
            }
            i = after;
        }
        return i;
    }

    /**
     * Writes the text of a raw text or RCDATA element that starts at i (after its start tag) and returns the index of
     * its end tag; for any other element, returns i. Its text keeps no {@code <}, so it holds no tag whichever way a
     * browser reads it: these elements are raw text in HTML but markup inside SVG and MathML, where an {@code <img>}
     * would break out and load. RCDATA (title, textarea) and the text of never-shown elements get {@code &lt;};
     * {@code <xmp>} and {@code <plaintext>}, written as {@code <pre>}, get {@code &lt;} and {@code &amp;}; a style
     * sheet gets CSS escapes.
     */
    private int rawText(String tag, int i) {
        boolean plaintext = tag.equals("plaintext");
        if (!plaintext && !isRawText(tag)) {
            return i;
        }
        int n = html.length();
        int end = plaintext ? n : i;
        while (end < n && !endTagAt(end, tag)) {
            end++;
        }
        String text = text(i, end);
        switch (tag) {
            case "style" -> out.append(cssWithoutTags(css(text)));
            case "title", "textarea" -> out.append(text.replace("<", "&lt;"));
            default -> out.append(text.replace("&", "&amp;").replace("<", "&lt;"));
        }
        return end < n ? tag(end + 2, true) : end; // the end tag, its attributes dropped
    }

    private static boolean isRawText(String tag) {
        return switch (tag) {
            case "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script" -> true;
            default -> false;
        };
    }

    /** Whether the end tag of a raw text element is at i: its name in any ASCII case, then a space, / or >. */
    private boolean endTagAt(int i, String tag) {
        int n = html.length();
        int after = i + 2 + tag.length();
        if (after >= n || html.charAt(i) != '<' || html.charAt(i + 1) != '/') {
            return false; // "</title" at the very end is text to a browser too
        }
        for (int k = 0; k < tag.length(); k++) {
            if (asciiLower(html.charAt(i + 2 + k)) != tag.charAt(k)) {
                return false;
            }
        }
        return isSpace(html.charAt(after)) || html.charAt(after) == '/' || html.charAt(after) == '>';
    }

    /**
     * A style sheet without {@code <} or {@code &}: CDO ({@code <!--}, ignored by CSS) and {@code <![CDATA[} are
     * dropped, the others become the CSS escapes {@code \3c } and {@code \26 }, the same character in a string or a
     * name.
     */
    private static String cssWithoutTags(String css) {
        if (css.indexOf('<') < 0 && css.indexOf('&') < 0) {
            return css;
        }
        return css.replace("<!--", "").replace("<![CDATA[", "").replace("<", "\\3c ").replace("&", "\\26 ");
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
            if (asciiLower(s.charAt(i + k)) != lower.charAt(k)) {
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

    /** The text from start to end in lower case, ASCII letters only, as HTML compares tag and attribute names. */
    private String asciiLower(int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        for (int k = start; k < end; k++) {
            sb.append(asciiLower(html.charAt(k)));
        }
        return sb.toString();
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
