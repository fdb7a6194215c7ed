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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One message's section of the {@link HtmlReport} page, and its files: envelope, headers, structure and parts, the HTML
 * body's file and frame, text body, attachments, findings, DKIM signatures and transcript. Every accessor of the message
 * that can fail is read so that a failure shows on the page instead of ending the report.
 */
final class MessageSection {
    private static final int MAX_HEADER_SECTION = 256 * 1024;
    private final Path directory;
    private final String prefix;
    private final int index;
    private final ReceivedMessage m;
    private final String eml;
    private final StringBuilder page;
    private final List<Path> files;
    private final Map<Attachment, String> partFiles = new IdentityHashMap<>();
    private final Map<String, String> cidFiles = new HashMap<>();
    private final Set<Attachment> attachments = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Attachment> inlineParts = Collections.newSetFromMap(new IdentityHashMap<>());

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
                .append(Html.escape(HtmlReport.orNone(HtmlReport.safe(m::subject)))).append("</h2>\n");
        envelope();
        headers();
        List<Attachment> parts = HtmlReport.safeList(m::parts);
        attachments.addAll(HtmlReport.safeList(m::attachments));
        inlineParts.addAll(HtmlReport.safeList(m::inlineParts));
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
            for (String value : HtmlReport.safeList(() -> m.headers(name))) {
                row(name, value);
            }
        }
        page.append("</table></details>\n");
    }

    /** The names of the header fields, in order of first appearance, read from the octets as received. */
    private Set<String> headerNames() {
        Set<String> names = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
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
            String safe = prefix + "-" + k + "-" + HtmlReport.safeName(p.fileName() == null ? null : p.fileName(),
                    "part" + k + extension(p) + extension);
            boolean active = HtmlReport.isActive(safe, p.contentType().mimeType());
            String name = active ? safe + HtmlReport.INERT_SUFFIX : safe;
            try {
                write(p, name);
                partFiles.put(p, name);
                if (p.contentId() != null) {
                    String inline = name;
                    if (active && p.contentType().is("image/svg+xml")) {
                        // for the body's <img> only, where SVG runs no script; no link points at it
                        inline = safe.toLowerCase(Locale.ROOT).endsWith(".svg") ? safe : safe + ".svg";
                        write(p, inline);
                    }
                    cidFiles.putIfAbsent(p.contentId(), inline);
                }
            } catch (IOException | RuntimeException e) {
                // shown as not written in the list of parts
            }
        }
    }

    private void write(Attachment p, String name) throws IOException {
        Path file = directory.resolve(name);
        try (InputStream in = p.openStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        files.add(file);
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
        page.append("<h3>MIME structure</h3>\n<pre>").append(Html.escape(HtmlReport.safe(m::structure))).append("</pre>\n");
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
        if (attachments.contains(p)) {
            return "attachment";
        }
        if (inlineParts.contains(p)) {
            return "inline";
        }
        return p.contentType().is("text/plain") || p.contentType().is("text/html") ? "body" : "alternative";
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
                    + "\"Content-Security-Policy\" content=\"" + HtmlReport.BODY_POLICY + "\">\n<meta name=\"referrer\""
                    + " content=\"no-referrer\">\n<meta http-equiv=\"x-dns-prefetch-control\" content=\"off\">\n" + r.html(), StandardCharsets.UTF_8);
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
        page.append(String.join(" · ", notes)).append("</p>\n<iframe sandbox=\"").append(HtmlReport.SANDBOX)
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
        if (attachments.isEmpty()) {
            return;
        }
        page.append("<h3>Attachments</h3>\n<ul>");
        for (Attachment a : parts) {
            if (!attachments.contains(a)) {
                continue;
            }
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
