package dev.letterbox.internal.diagnostics;

import static dev.letterbox.testing.Smtp.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final String HOSTILE = """
            From: "<b>Eve</b>" <eve@example.com>
            To: ann@example.com
            Subject: <script>alert('subject')</script> & "quotes"
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="mix"

            --mix
            Content-Type: text/plain; charset=UTF-8

            </pre><script>alert('text')</script>
            --mix
            Content-Type: text/html; charset=UTF-8

            <html><head><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">
            <link rel=stylesheet href="https://evil.example/a.css"></head>
            <body onload="alert(1)"><img src="https://evil.example/pixel.gif" onerror="alert(2)">
            <img srcset="//evil.example/a.png 1x, https://evil.example/b.png 2x">
            <div style="background:url(&quot;http://evil.example/bg.png&quot;)">x</div>
            <a href="jav&#x61;script:alert(3)">click</a> <a href="https://shop.example.com/">shop</a>
            </iframe><script>alert(4)</script>
            --mix
            Content-Type: application/x-sh
            Content-Disposition: attachment; filename="../../index.html"

            echo owned
            --mix
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="..\\\\..\\\\.bashrc"

            echo owned
            --mix--
            """;

    @Test
    void pageEscapesEveryValueTakenFromTheMessage(@TempDir Path dir) throws Exception {
        Path index = report(dir, HOSTILE).resolve("index.html");

        String page = Files.readString(index);
        assertThat(page).contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")
                .contains("&lt;/pre&gt;&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;")
                .contains("&lt;/iframe&gt;&lt;script&gt;alert(4)&lt;/script&gt;")
                .doesNotContain("<script", "<b>Eve", "</iframe><");
    }

    @Test
    void pageAndBodyFileCarryAStrictContentSecurityPolicyAndTheFrameIsSandboxedWithoutScripts(@TempDir Path dir)
            throws Exception {
        Path report = report(dir, HOSTILE);

        String page = Files.readString(report.resolve("index.html"));
        String body = Files.readString(report.resolve("00-body.html"));
        assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
                .contains("<iframe sandbox=\"allow-same-origin\" src=\"00-body.html\"")
                .doesNotContain("allow-scripts");
        assertThat(body).startsWith("<!DOCTYPE html>\n<meta charset=\"utf-8\">\n<meta http-equiv="
                + "\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'none';");
    }

    @Test
    void remoteResourcesAreBlockedAndCounted(@TempDir Path dir) throws Exception {
        Path report = report(dir, HOSTILE);

        String body = Files.readString(report.resolve("00-body.html"));
        String mail = body.substring(body.indexOf("<html>"));
        // base, refresh target is not a load (the meta is disabled), stylesheet, img, 2 srcset candidates, css url
        assertThat(Files.readString(report.resolve("index.html"))).contains("6 remote images blocked");
        assertThat(mail).doesNotContain(" src=\"https:", " href=\"https://evil.example/a.css\"", "url(&quot;http",
                " onerror=", " onload=", " http-equiv=", " href=\"jav")
                .contains("data-letterbox-blocked-src=\"https://evil.example/pixel.gif\"",
                        "data-letterbox-blocked-http-equiv=\"refresh\"", "style=\"background:url()\"",
                        "<a href=\"https://shop.example.com/\">shop</a>");
    }

    @Test
    void cidImagesPointAtTheInlinePartWrittenBesideTheBody(@TempDir Path dir) throws Exception {
        Path report = report(dir, Corpus.RELATED);

        String body = Files.readString(report.resolve("00-body.html"));
        assertThat(body).contains("<img src=\"00-2-part2.png\">");
        assertThat(report.resolve("00-2-part2.png")).hasBinaryContent(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r',
            '\n', 0x1a, '\n'});
        assertThat(Files.readString(report.resolve("index.html"))).contains("1 inline image shown")
                .doesNotContain("blocked</span>");
    }

    @Test
    void attachmentsAreDownloadLinksToFilesWithSafeNamesInsideTheDirectory(@TempDir Path dir) throws Exception {
        Path report = report(dir, HOSTILE);

        String page = Files.readString(report.resolve("index.html"));
        assertThat(page).contains("<a href=\"00-2-index.html.txt\" download=\"00-2-index.html.txt\">../../index.html</a>")
                .contains("<a href=\"00-3-bashrc.txt\" download=\"00-3-bashrc.txt\">..\\..\\.bashrc</a>");
        assertThat(report.resolve("00-2-index.html.txt")).content().isEqualToIgnoringNewLines("echo owned");
        assertThat(Files.readString(report.resolve("index.html"))).startsWith("<!DOCTYPE html>");
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> p.getParent()))
                    .allMatch(report::equals);
        }
    }

    @Test
    void filesOfActiveTypesGetATxtSuffixSoOpeningALinkShowsTheirSourceAndTheLinkShowsTheMailsName(@TempDir Path dir)
            throws Exception {
        StringBuilder mail = new StringBuilder("""
                From: shop@example.com
                To: ann@example.com
                Subject: Active attachments
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: text/html; charset=UTF-8

                <p><img src="cid:logo@shop"></p>
                --rel
                Content-Type: image/svg+xml
                Content-ID: <logo@shop>
                Content-Disposition: inline; filename="logo.svg"

                <svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>
                --rel--
                """);
        String[][] attachments = {{"invoice.html", "application/octet-stream"}, {"a.HTM", "text/plain"},
            {"b.svg", "application/octet-stream"}, {"c.xhtml", "application/octet-stream"},
            {"d.xht", "application/octet-stream"}, {"e.xml", "application/octet-stream"},
            {"f.shtml", "application/octet-stream"}, {"g.mht", "application/octet-stream"},
            {"h.mhtml", "application/octet-stream"}, {"i.js", "application/octet-stream"}, {"j.dat", "text/html"},
            {"k.png", "image/svg+xml"}, {"l.bin", "application/xhtml+xml"}, {"m.txt", "text/xml"},
            {"n.txt", "application/javascript"}, {"o", "application/atom+xml"}, {null, "text/html"},
            {"invoice.pdf", "application/pdf"}, {"notes.txt", "text/plain"}};
        for (String[] a : attachments) {
            mail.append("--mix\nContent-Type: ").append(a[1]).append("\nContent-Disposition: attachment")
                    .append(a[0] == null ? "" : "; filename=\"" + a[0] + "\"").append("\n\n<script>alert(1)</script>\n");
        }
        mail.append("--mix--\n");

        Path report = report(dir, mail.toString());

        String page = Files.readString(report.resolve("index.html"));
        for (String name : List.of("invoice.html", "a.HTM", "b.svg", "c.xhtml", "d.xht", "e.xml", "f.shtml", "g.mht",
                "h.mhtml", "i.js", "j.dat", "k.png", "l.bin", "m.txt", "n.txt", "o")) {
            int k = 2 + List.of(attachments).stream().map(a -> a[0]).toList().indexOf(name);
            String file = "00-" + k + "-" + name + ".txt";
            assertThat(report.resolve(file)).as(file).content().isEqualToIgnoringNewLines("<script>alert(1)</script>");
            assertThat(report.resolve("00-" + k + "-" + name)).doesNotExist();
            assertThat(page).contains("<a href=\"" + file + "\" download=\"" + file + "\">" + name + "</a>");
        }
        assertThat(report.resolve("00-18-part18.html.txt")).exists();
        assertThat(report.resolve("00-19-invoice.pdf")).exists();
        assertThat(report.resolve("00-20-notes.txt")).exists();
        assertThat(page).doesNotContainPattern("href=\"[^\"]*\\.(?i:html?|svg|xhtml|xht|xml|shtml|mht|mhtml|js)\"");
        // the inline SVG the body shows as an image keeps its type (an <img> runs no script); its link is inert
        assertThat(Files.readString(report.resolve("00-body.html"))).contains("<img src=\"00-1-logo.svg\">");
        assertThat(report.resolve("00-1-logo.svg")).content().startsWith("<svg ");
        assertThat(page).contains("<a href=\"00-1-logo.svg.txt\" download>00-1-logo.svg.txt</a>");
    }

    @Test
    void onlyFilesOfKnownInertTypesKeepTheirNameEverythingElseGetsATxtSuffix(@TempDir Path dir) throws Exception {
        StringBuilder mail = new StringBuilder("""
                From: shop@example.com
                To: ann@example.com
                Subject: Unknown attachments
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: text/plain

                see attached
                """);
        String[][] attachments = {{"report.foo", "application/octet-stream"}, {"data", "application/octet-stream"},
            {"page.php", "application/octet-stream"}, {"app.hta", "application/octet-stream"},
            {"photo.jpg", "image/jpeg"}, {"archive.zip", "application/zip"},
            {"sheet.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
            {"invite.ics", "text/calendar"}};
        for (String[] a : attachments) {
            mail.append("--mix\nContent-Type: ").append(a[1]).append("\nContent-Disposition: attachment; filename=\"")
                    .append(a[0]).append("\"\n\ncontent\n");
        }
        mail.append("--mix--\n");

        Path report = report(dir, mail.toString());

        assertThat(report.resolve("00-1-report.foo.txt")).exists();
        assertThat(report.resolve("00-2-data.txt")).exists();
        assertThat(report.resolve("00-3-page.php.txt")).exists();
        assertThat(report.resolve("00-4-app.hta.txt")).exists();
        assertThat(report.resolve("00-5-photo.jpg")).exists();
        assertThat(report.resolve("00-6-archive.zip")).exists();
        assertThat(report.resolve("00-7-sheet.xlsx")).exists();
        assertThat(report.resolve("00-8-invite.ics")).exists();
    }

    @Test
    void safeNamesKeepOnlyTheLastSegmentAndHarmlessCharacters() {
        assertThat(HtmlReport.safeName("../../etc/passwd", "x")).isEqualTo("passwd");
        assertThat(HtmlReport.safeName("C:\\Users\\..\\évil name.pdf", "x")).isEqualTo("_vil_name.pdf");
        assertThat(HtmlReport.safeName("...", "part1.bin")).isEqualTo("part1.bin");
        assertThat(HtmlReport.safeName(null, "part1.bin")).isEqualTo("part1.bin");
        assertThat(HtmlReport.safeName("a".repeat(200) + ".pdf", "x")).hasSize(80).endsWith("a.pdf");
    }

    @Test
    void pageShowsEnvelopeHeadersStructureBodiesFindingsAndTranscript(@TempDir Path dir) throws Exception {
        Path report = report(dir, Corpus.ATTACHMENTS);

        String page = Files.readString(report.resolve("index.html"));
        assertThat(page).contains("<tr><th>MAIL FROM</th><td>&lt;billing@example.com&gt;</td></tr>")
                .contains("<tr><th>Subject</th><td>Invoice</td></tr>")
                .contains("<h3>MIME structure</h3>\n<pre>multipart/mixed")
                .contains("<pre>Voilà votre facture, chère cliente.</pre>")
                .contains(">Rechnung März.pdf</a>", ">résumé.csv</a>")
                .contains("<h3>Conformance</h3>")
                .contains("S: 250 2.0.0 OK: message 1 stored")
                .contains("<a href=\"00.eml\" download>00.eml</a>");
    }

    private static Path report(Path dir, String raw) throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            ReceivedMessage m = deliver(server, raw.startsWith("From: b") ? "billing@example.com" : "eve@example.com",
                    List.of("ann@example.com"), raw);
            Path report = dir.resolve("T").resolve("m");
            FailureReport.write(report, List.of(m), server.mailbox().transcripts());
            assertThat(Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8)).isNotEmpty();
            return report;
        }
    }
}
