package dev.letterbox.internal.diagnostics;

import dev.letterbox.Attachment;
import dev.letterbox.DkimSignature;
import dev.letterbox.Envelope;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.Transcript;
import dev.letterbox.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes {@code index.html}, a static page of what a test captured, beside the {@code .eml} files: for each message
 * its envelope, decoded headers, MIME structure, text body, HTML body (in a sandboxed frame, from a file of its own),
 * attachments as download links, conformance findings, DKIM signatures and transcript; then every SMTP session.
 *
 * <p>Files of message {@code NN}: {@code NN-body.html} (the HTML body, see {@link HtmlBodyRewrite}) and
 * {@code NN-P-<name>} for part {@code P} of {@link ReceivedMessage#parts()} that is not a body, its name made safe
 * ({@link #safeName}): a mail's file name never leaves the directory and never replaces a file of the report.
 *
 * <p>The page has no script and loads nothing from the network; both it and each body file carry a
 * Content-Security-Policy {@code <meta>} that forbids scripts, plugins, forms and remote loads. The frame is
 * {@code sandbox="allow-same-origin"}: without {@code allow-scripts} nothing of the mail runs, and without
 * {@code allow-same-origin} Chromium would give the frame an opaque origin that may not load the {@code file:} images
 * written beside it (the sole thing the flag grants here; a script could use the origin, but none runs).
 */
public final class HtmlReport {
    /** The name of the report page. */
    public static final String INDEX = "index.html";
    /** The policy of the page: nothing but its own files, inline styles and data: images. */
    static final String PAGE_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline';"
            + " frame-src 'self'; base-uri 'none'; form-action 'none'";
    /** The policy of a body file: no script, no remote load, no form, no plugin. */
    static final String BODY_POLICY = "default-src 'none'; script-src 'none'; object-src 'none'; img-src 'self'"
            + " data:; style-src 'unsafe-inline'; font-src 'none'; base-uri 'none'; form-action 'none'";
    /** The sandbox of the frame of an HTML body. */
    static final String SANDBOX = "allow-same-origin";

    private static final int MAX_HEADER_SECTION = 256 * 1024;
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f7;\
            color:#1d2330}
            header{background:#1f3a5f;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
            header p{margin:4px 0 0;opacity:.85}main{padding:16px 24px;max-width:1100px}
            nav ol{margin:0;padding-left:22px}section.message{background:#fff;border:1px solid #d8dce3;\
            border-radius:6px;padding:14px 18px;margin:16px 0}
            h2{font-size:17px;margin:0 0 10px}h3{font-size:14px;margin:16px 0 6px;color:#3b4658}
            table{border-collapse:collapse;width:100%}td,th{text-align:left;vertical-align:top;padding:2px 8px;\
            border-bottom:1px solid #eef0f3}th{width:170px;color:#56627a;font-weight:600;white-space:nowrap}
            pre{background:#f7f8fa;border:1px solid #e3e6ea;border-radius:4px;padding:8px;overflow:auto;\
            white-space:pre-wrap;word-break:break-word;margin:0}
            iframe{width:100%;height:420px;border:1px solid #c9ced6;border-radius:4px;background:#fff;resize:vertical}
            .note{color:#56627a;margin:4px 0}.blocked{color:#9a3b00}.error{color:#b00020}.warn{color:#8a6100}
            .ok{color:#1b7a33}ul{margin:4px 0;padding-left:22px}summary{cursor:pointer;color:#3b4658}
            .files a{margin-right:12px}.outcome{background:#fff4f4;border:1px solid #e8b4b4;border-radius:6px;\
            padding:8px 12px;margin:16px 0}.outcome summary{color:#8b1a1a;font-weight:600}\
            .outcome pre{max-height:13em;margin-top:6px;background:#fff}
            """;

    private HtmlReport() {
    }

    /**
     * Writes the page and its files.
     *
     * @param directory the report directory, existing
     * @param messages the captured messages, oldest first
     * @param emlNames the name of each message's {@code .eml} file, or null where it could not be written
     * @param transcripts every SMTP session
     * @param outcome what became of the test (such as its failure message, whose first line heads the page), or null
     * @return the files written: the page first, then the body and part files
     * @throws IOException if the page cannot be written
     */
    public static List<Path> write(Path directory, List<ReceivedMessage> messages, List<String> emlNames,
            List<Transcript> transcripts, String outcome) throws IOException {
        List<Path> files = new ArrayList<>();
        StringBuilder page = new StringBuilder(16 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(PAGE_POLICY).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>Letterbox: ").append(Html.escape(directory.getFileName().toString()))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<header><h1>")
                .append(messages.size()).append(messages.size() == 1 ? " message" : " messages")
                .append(" captured</h1><p>").append(Html.escape(testName(directory))).append("</p></header>\n<main>\n");
        if (outcome != null) {
            int colon = outcome.indexOf(": ");
            String head = colon < 0 ? outcome.strip() : outcome.substring(0, colon);
            String rest = colon < 0 ? "" : outcome.substring(colon + 2).strip();
            page.append("<details class=\"outcome\" open><summary>").append(Html.escape(head)).append("</summary>");
            if (!rest.isEmpty()) {
                page.append("<pre>").append(Html.escape(rest)).append("</pre>");
            }
            page.append("</details>\n");
        }
        if (messages.size() > 1) {
            page.append("<nav><ol start=\"0\">");
            for (int i = 0; i < messages.size(); i++) {
                page.append("<li><a href=\"#m").append(i).append("\">")
                        .append(Html.escape(orNone(safe(messages.get(i)::subject)))).append("</a></li>");
            }
            page.append("</ol></nav>\n");
        }
        int width = Math.max(2, String.valueOf(messages.size()).length());
        for (int i = 0; i < messages.size(); i++) {
            String prefix = String.format("%0" + width + "d", i);
            new MessageSection(directory, prefix, i, messages.get(i), emlNames.get(i), page, files).write();
        }
        if (!transcripts.isEmpty()) {
            page.append("<section class=\"message\" id=\"sessions\"><h2>SMTP sessions</h2>\n");
            for (Transcript t : transcripts) {
                page.append("<pre>").append(Html.escape(t.toString())).append("</pre>\n");
            }
            page.append("</section>\n");
        }
        page.append("</main>\n</body>\n</html>\n");
        Path index = directory.resolve(INDEX);
        Files.writeString(index, page, StandardCharsets.UTF_8);
        List<Path> written = new ArrayList<>();
        written.add(index);
        written.addAll(files);
        return written;
    }

    /**
     * Makes a part's file name safe in the report directory: the last path segment, characters other than letters,
     * digits, {@code . _ -} replaced by {@code _}, no leading dot, at most 80 characters (keeping the extension).
     *
     * @param name the name from the mail, may be null
     * @param fallback the name if none is left
     * @return the safe name, never empty
     */
    static String safeName(String name, String fallback) {
        String s = name == null ? "" : name;
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            sb.append(ok ? c : '_');
        }
        int start = 0;
        while (start < sb.length() && sb.charAt(start) == '.') {
            start++;
        }
        String safe = sb.substring(start);
        if (safe.length() > 80) {
            int dot = safe.lastIndexOf('.');
            String ext = dot > 0 && safe.length() - dot <= 12 ? safe.substring(dot) : "";
            safe = safe.substring(0, 80 - ext.length()) + ext;
        }
        return safe.replace("_", "").replace(".", "").isEmpty() ? fallback : safe;
    }

    /** One message's section of the page, and its files. */
    private static final class MessageSection {
        private final Path directory;
        private final String prefix;
        private final int index;
        private final ReceivedMessage m;
        private final String eml;
        private final StringBuilder page;
        private final List<Path> files;
        private final Map<Attachment, String> partFiles = new IdentityHashMap<>();
        private final Map<String, String> cidFiles = new HashMap<>();

        MessageSection(Path directory, String prefix, int index, ReceivedMessage m, String eml, StringBuilder page,
                List<Path> files) {
            this.directory = directory;
            this.prefix = prefix;
            this.index = index;
            this.m = m;
            this.eml = eml;
            this.page = page;
            this.files = files;
        }

        void write() {
            page.append("<section class=\"message\" id=\"m").append(index).append("\">\n<h2>")
                    .append(MessageDescription.index(index)).append(' ')
                    .append(Html.escape(orNone(safe(m::subject)))).append("</h2>\n");
            envelope();
            headers();
            List<Attachment> parts = safeList(m::parts);
            writeParts(parts);
            structure(parts);
            htmlBody();
            textBody();
            attachments(parts);
            violations();
            dkim();
            transcript();
            page.append("<p class=\"files\">");
            if (eml != null) {
                page.append("<a href=\"").append(Html.escape(eml)).append("\" download>").append(Html.escape(eml))
                        .append("</a> the message as received (").append(m.size()).append(" octets)");
            } else {
                page.append("<span class=\"error\">the .eml file could not be written</span>");
            }
            page.append("</p>\n</section>\n");
        }

        private void envelope() {
            Envelope e = m.envelope();
            page.append("<h3>Envelope</h3>\n<table>");
            row("MAIL FROM", "<" + e.mailFrom() + ">" + parameters(e.mailParameters()));
            for (String r : e.recipients()) {
                row("RCPT TO", "<" + r + ">" + parameters(e.recipientParameters(r)));
            }
            row("HELO", e.helo());
            row("Received at", String.valueOf(e.receivedAt()));
            row("Size", m.size() + " octets");
            if (e.usedTls()) {
                row("TLS", e.tlsProtocol() + ", " + e.tlsCipherSuite());
            }
            if (e.authenticatedUser() != null) {
                row("AUTH", e.authenticatedUser() + " (" + e.authMechanism() + ")");
            }
            page.append("</table>\n");
        }

        private static String parameters(Map<String, String> parameters) {
            StringBuilder sb = new StringBuilder();
            parameters.forEach((k, v) -> sb.append(' ').append(k).append(v == null ? "" : "=" + v));
            return sb.toString();
        }

        private void headers() {
            page.append("<details open><summary><h3 style=\"display:inline\">Headers</h3> (decoded)</summary>\n"
                    + "<table>");
            Set<String> names = headerNames();
            for (String name : names) {
                for (String value : safeList(() -> m.headers(name))) {
                    row(name, value);
                }
            }
            page.append("</table></details>\n");
        }

        /** The names of the header fields, in order of first appearance, read from the octets as received. */
        private Set<String> headerNames() {
            Set<String> names = new LinkedHashSet<>();
            Set<String> seen = new java.util.HashSet<>();
            try (InputStream in = m.rawStream()) {
                byte[] head = in.readNBytes(MAX_HEADER_SECTION);
                int lineStart = 0;
                for (int i = 0; i <= head.length; i++) {
                    if (i == head.length || head[i] == '\n') {
                        int end = i > lineStart && head[i - 1] == '\r' ? i - 1 : i;
                        if (end == lineStart) {
                            break; // the empty line that ends the header section
                        }
                        byte first = head[lineStart];
                        if (first != ' ' && first != '\t') {
                            int colon = lineStart;
                            while (colon < end && head[colon] != ':') {
                                colon++;
                            }
                            String name = new String(head, lineStart, colon - lineStart, StandardCharsets.ISO_8859_1)
                                    .strip();
                            if (colon < end && !name.isEmpty() && seen.add(name.toLowerCase(Locale.ROOT))) {
                                names.add(name);
                            }
                        }
                        lineStart = i + 1;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the header section cannot be read: the table stays as far as it got
            }
            return names;
        }

        private void writeParts(List<Attachment> parts) {
            for (int k = 0; k < parts.size(); k++) {
                Attachment p = parts.get(k);
                if (role(p).equals("body")) {
                    continue;
                }
                String extension = p.contentType().is("message/rfc822") ? ".eml" : "";
                String name = prefix + "-" + k + "-" + safeName(p.fileName() == null ? null : p.fileName(),
                        "part" + k + extension(p) + extension);
                try {
                    Path file = directory.resolve(name);
                    try (InputStream in = p.openStream()) {
                        Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    files.add(file);
                    partFiles.put(p, name);
                    if (p.contentId() != null) {
                        cidFiles.putIfAbsent(p.contentId(), name);
                    }
                } catch (IOException | RuntimeException e) {
                    // shown as not written in the list of parts
                }
            }
        }

        private static String extension(Attachment p) {
            String type = p.contentType().mimeType();
            int slash = type.indexOf('/');
            String sub = slash < 0 ? "" : type.substring(slash + 1);
            return switch (sub) {
                case "png", "gif", "jpeg", "webp", "pdf", "zip", "csv", "html", "xml", "json" ->
                        "." + (sub.equals("jpeg") ? "jpg" : sub);
                case "plain" -> ".txt";
                case "calendar" -> ".ics";
                default -> ".bin";
            };
        }

        private void structure(List<Attachment> parts) {
            page.append("<h3>MIME structure</h3>\n<pre>").append(Html.escape(safe(m::structure))).append("</pre>\n");
            if (!parts.isEmpty()) {
                page.append("<table>");
                for (int k = 0; k < parts.size(); k++) {
                    Attachment p = parts.get(k);
                    StringBuilder what = new StringBuilder(p.contentType().toString());
                    if (p.fileName() != null) {
                        what.append(", \"").append(p.fileName()).append('"');
                    }
                    if (p.contentId() != null) {
                        what.append(", cid:").append(p.contentId());
                    }
                    page.append("<tr><th>part ").append(k).append(": ").append(role(p)).append("</th><td>")
                            .append(Html.escape(what));
                    String file = partFiles.get(p);
                    if (file != null) {
                        page.append(" <a href=\"").append(Html.escape(file)).append("\" download>")
                                .append(Html.escape(file)).append("</a>");
                    }
                    page.append("</td></tr>");
                }
                page.append("</table>\n");
            }
        }

        private String role(Attachment p) {
            if (containsSame(safeList(m::attachments), p)) {
                return "attachment";
            }
            if (containsSame(safeList(m::inlineParts), p)) {
                return "inline";
            }
            return p.contentType().is("text/plain") || p.contentType().is("text/html") ? "body" : "alternative";
        }

        private static boolean containsSame(List<Attachment> list, Attachment p) {
            for (Attachment a : list) {
                if (a == p) {
                    return true;
                }
            }
            return false;
        }

        private void htmlBody() {
            String html;
            try {
                html = m.htmlBody();
            } catch (RuntimeException e) {
                page.append("<h3>HTML body</h3>\n<p class=\"error\">").append(Html.escape(e.getMessage()))
                        .append("</p>\n");
                return;
            }
            if (html == null) {
                return;
            }
            HtmlBodyRewrite.Result r = HtmlBodyRewrite.rewrite(html, cidFiles::get);
            String name = prefix + "-body.html";
            Path file = directory.resolve(name);
            try {
                Files.writeString(file, "<!DOCTYPE html>\n<meta charset=\"utf-8\">\n<meta http-equiv="
                        + "\"Content-Security-Policy\" content=\"" + BODY_POLICY + "\">\n<meta name=\"referrer\""
                        + " content=\"no-referrer\">\n" + r.html(), StandardCharsets.UTF_8);
                files.add(file);
            } catch (IOException e) {
                page.append("<h3>HTML body</h3>\n<p class=\"error\">not written: ").append(Html.escape(e.getMessage()))
                        .append("</p>\n");
                return;
            }
            page.append("<h3>HTML body</h3>\n<p class=\"note\">");
            List<String> notes = new ArrayList<>();
            if (r.inlineResolved() > 0) {
                notes.add(r.inlineResolved() + (r.inlineResolved() == 1 ? " inline image" : " inline images")
                        + " shown");
            }
            if (r.remoteBlocked() > 0) {
                notes.add("<span class=\"blocked\">" + r.remoteBlocked()
                        + (r.remoteBlocked() == 1 ? " remote image blocked" : " remote images blocked") + "</span>");
            }
            if (r.otherBlocked() > 0) {
                notes.add("<span class=\"blocked\">" + r.otherBlocked()
                        + (r.otherBlocked() == 1 ? " other resource blocked" : " other resources blocked")
                        + "</span>");
            }
            notes.add("scripts, forms and plugins do not run");
            page.append(String.join(" · ", notes)).append("</p>\n<iframe sandbox=\"").append(SANDBOX)
                    .append("\" src=\"").append(Html.escape(name)).append("\" referrerpolicy=\"no-referrer\"")
                    .append(" title=\"HTML body of message ").append(MessageDescription.index(index))
                    .append("\"></iframe>\n<details><summary>HTML source</summary><pre>").append(Html.escape(html))
                    .append("</pre></details>\n");
        }

        private void textBody() {
            String text;
            try {
                text = m.textBody();
            } catch (RuntimeException e) {
                text = "<unreadable: " + e.getMessage() + ">";
            }
            if (text != null) {
                page.append("<h3>Text body</h3>\n<pre>").append(Html.escape(text)).append("</pre>\n");
            }
        }

        private void attachments(List<Attachment> parts) {
            List<Attachment> attachments = safeList(m::attachments);
            if (attachments.isEmpty()) {
                return;
            }
            page.append("<h3>Attachments</h3>\n<ul>");
            for (Attachment a : attachments) {
                String label = a.fileName() != null ? a.fileName() : a.contentType().mimeType();
                String file = partFiles.get(a);
                page.append("<li>");
                if (file != null) {
                    page.append("<a href=\"").append(Html.escape(file)).append("\" download=\"")
                            .append(Html.escape(file)).append("\">").append(Html.escape(label)).append("</a>");
                } else {
                    page.append(Html.escape(label)).append(" <span class=\"error\">(not written)</span>");
                }
                String size;
                try {
                    size = a.size() + " octets";
                } catch (RuntimeException e) {
                    size = "undecodable";
                }
                page.append(" <span class=\"note\">").append(Html.escape(a.contentType().mimeType())).append(", ")
                        .append(size).append("</span></li>");
            }
            page.append("</ul>\n");
        }

        private void violations() {
            List<Violation> violations;
            try {
                violations = m.violations();
            } catch (RuntimeException e) {
                page.append("<h3>Conformance</h3>\n<p class=\"error\">not checked: ")
                        .append(Html.escape(e.getMessage())).append("</p>\n");
                return;
            }
            page.append("<h3>Conformance</h3>\n");
            if (violations.isEmpty()) {
                page.append("<p class=\"ok\">no findings</p>\n");
                return;
            }
            page.append("<ul>");
            for (Violation v : violations) {
                page.append("<li class=\"").append(v.severity() == Violation.Severity.REJECT ? "error" : "warn")
                        .append("\">").append(Html.escape(v.toString())).append("</li>");
            }
            page.append("</ul>\n");
        }

        private void dkim() {
            List<DkimSignature> signatures;
            try {
                signatures = m.dkimSignatures();
            } catch (RuntimeException e) {
                return;
            }
            if (signatures.isEmpty()) {
                return;
            }
            page.append("<h3>DKIM</h3>\n<p class=\"note\">Signatures as found, not verified: the report has no"
                    + " key (verify with <code>message.verifyDkim(selector, domain, key)</code>).</p>\n<ul>");
            for (DkimSignature s : signatures) {
                page.append("<li>").append(Html.escape(s.toString())).append("</li>");
            }
            page.append("</ul>\n");
        }

        private void transcript() {
            Transcript t = m.transcript();
            if (t != null) {
                page.append("<details><summary><h3 style=\"display:inline\">Transcript</h3> (session ")
                        .append(t.sessionNumber()).append(" up to this message)</summary>\n<pre>")
                        .append(Html.escape(t.toString())).append("</pre></details>\n");
            }
        }

        private void row(String name, String value) {
            page.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value))
                    .append("</td></tr>");
        }
    }

    private static String testName(Path directory) {
        Path parent = directory.getParent();
        return (parent == null ? "" : parent.getFileName() + " ") + directory.getFileName();
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }

    private static String safe(Supplier<String> getter) {
        try {
            return getter.get();
        } catch (RuntimeException e) {
            return "<unreadable: " + e.getMessage() + ">";
        }
    }

    private static <T> List<T> safeList(Supplier<List<T>> getter) {
        try {
            return getter.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
