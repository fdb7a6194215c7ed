package dev.letterbox.internal.diagnostics;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.Transcript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes {@code index.html}, a static page of what a test captured, beside the {@code .eml} files: for each message
 * its envelope, decoded headers, MIME structure, text body, HTML body (in a sandboxed frame, from a file of its own),
 * attachments as download links, conformance findings, DKIM signatures and transcript; then every SMTP session.
 *
 * <p>Files of message {@code NN}: {@code NN-body.html} (the HTML body, see {@link HtmlBodyRewrite}) and
 * {@code NN-P-<name>} for part {@code P} of {@link ReceivedMessage#parts()} that is not a body, its name made safe
 * ({@link #safeName}): a mail's file name never leaves the directory and never replaces a file of the report. A
 * part whose name does not end in an extension browsers open inertly (PDF, raster images, text, archives, office
 * documents, calendar and contact files ...), or whose declared type is one a browser would run as a page (HTML, XHTML,
 * SVG, XML, MHTML, JavaScript), gets {@link #INERT_SUFFIX} too ({@link #isActive}), because browsers ignore
 * {@code download} for {@code file:} links and may sniff an unknown extension: opening it shows its content as text
 * instead of running it outside the sandbox and the policy. An inline SVG image
 * that the body shows through {@code cid:} is written once more as {@code .svg}, for the {@code <img>} alone.
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
    /** The suffix of a part file of an active type: a browser shows text/plain as text and sniffs no page in it. */
    static final String INERT_SUFFIX = ".txt";
    /** Extensions that browsers open as a download, a viewer or plain text, never as a page: an allow-list. */
    private static final Set<String> INERT_EXTENSIONS = Set.of("txt", "csv", "tsv", "log", "pdf", "png", "jpg",
            "jpeg", "gif", "webp", "bmp", "tif", "tiff", "avif", "heic", "ico", "ics", "vcf", "json", "zip", "gz", "tgz",
            "tar", "7z", "rar", "bz2", "xz", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf",
            "eml", "mp3", "mp4", "m4a", "wav", "ogg", "webm", "mov", "p7s", "asc", "sig");
    private static final Set<String> ACTIVE_TYPES = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "text/xml", "application/xml", "text/xsl", "application/javascript", "text/javascript",
            "application/x-javascript", "application/ecmascript", "text/ecmascript", "multipart/related",
            "application/x-mimearchive");

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

    /**
     * Whether a browser that opens the file might run it as a document: unless the extension of its name (any case) is
     * one browsers open inertly, and whatever the extension if the declared type is a document type (any {@code +xml}
     * type too, which may carry an XSLT or XHTML).
     *
     * @param fileName the name the file is written under
     * @param mimeType the part's declared type, lower case
     * @return whether the file needs {@link #INERT_SUFFIX}
     */
    static boolean isActive(String fileName, String mimeType) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = mimeType.toLowerCase(Locale.ROOT);
        return !INERT_EXTENSIONS.contains(extension) || ACTIVE_TYPES.contains(type) || type.endsWith("+xml");
    }

    private static String testName(Path directory) {
        Path parent = directory.getParent();
        return (parent == null ? "" : parent.getFileName() + " ") + directory.getFileName();
    }

    static String orNone(String value) {
        return value == null ? "(none)" : value;
    }

    static String safe(Supplier<String> getter) {
        try {
            return getter.get();
        } catch (RuntimeException e) {
            return "<unreadable: " + e.getMessage() + ">";
        }
    }

    static <T> List<T> safeList(Supplier<List<T>> getter) {
        try {
            return getter.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
