package dev.letterbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.assertj.LetterboxAssertions;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report of a failed test in Debian's headless Chromium, as a person would: the page and the mail's
 * HTML body in its sandboxed frame are rendered, the inline logo loads from the file written beside it, and no script
 * of a hostile mail runs (nor escapes its frame). What the browser did is read from a screenshot (the logo's colour is
 * there; the colour the mail's scripts would paint is not) and from {@code --dump-dom}; a control page of our own,
 * whose script paints that colour, proves the screenshot would show it. Skipped when no Chromium is on the PATH.
 */
@Tag("browser")
class ReportInBrowserTest {
    /** The logo's colour; nothing else on the page has it. */
    private static final Color LOGO = new Color(0x12, 0x8C, 0x7E);
    /** The colour the hostile mail's scripts paint; nothing on the page has it either. */
    private static final Color PAINTED = new Color(0xFF, 0x00, 0xFF);
    private static final String SCRIPTS = "<script>document.body.style.background='#ff00ff';"
            + "var d=document.createElement('div');d.id='pwned';d.style.cssText='position:fixed;inset:0;"
            + "background:#ff00ff';document.body.appendChild(d);try{parent.document.title='pwned'}catch(e){}"
            + "</script>";

    /** Markup whose comments and raw text a naive scanner ends elsewhere than a browser, hiding a live tag. */
    private static final String TOKENIZER_TRICKS = "<!--><meta http-equiv=refresh content=\"0;url=https://evil.example/1\">-->"
            + "<!---><img src=https://evil.example/2.gif>--><!-- --!><img src=https://evil.example/3.gif>-->"
            + "<title><!--</title><meta http-equiv=refresh content=\"0;url=https://evil.example/4\">-->"
            + "<textarea><!--</TEXTAREA><img src=https://evil.example/5.gif>-->"
            + "<xmp><!--</xmp><img src=https://evil.example/6.gif>--><noscript><!--</noscript>"
            + "<img src=https://evil.example/7.gif>--><!x <!-- ><img src=https://evil.example/8.gif>-->"
            + "</p title=\"<!--\"><img src=https://evil.example/9.gif>-->"
            + "<svg><style><img src=https://evil.example/10.gif></style><title><img src=https://evil.example/11.gif>"
            + "</title></svg><math><textarea><img src=https://evil.example/12.gif></textarea></math>";

    private static String chromium;

    @BeforeAll
    static void findChromium() {
        chromium = onPath("chromium").or(() -> onPath("chromium-browser")).orElse(null);
        assumeTrue(chromium != null, "no chromium or chromium-browser on the PATH, so the browser test of the HTML"
                + " report is skipped; install it with: apt-get install -y chromium");
    }

    @Fixture
    @CaptureMail
    static class OrderMailFixture {
        @Test
        void sendsInvoice(Mailbox mailbox, Session session) throws Exception {
            send(session, "Your order #1042 has shipped", """
                    <html><body style="font-family:sans-serif;margin:24px">
                    <img src="cid:logo@shop.example" width="160" height="48" alt="Shop">
                    <h2>Thanks for your order, Ann!</h2>
                    <p>Your order <b>#1042</b> left our warehouse today. The invoice is attached.</p>
                    <p><a href="https://shop.example.com/orders/1042">Track your parcel</a></p>
                    <img src="https://tracker.example.net/open.gif" width="1" height="1" alt="">
                    </body></html>
                    """);
            LetterboxAssertions.assertThat(mailbox.awaitMessage()).hasSubject("Your invoice");
        }
    }

    @Fixture
    @CaptureMail
    static class HostileMailFixture {
        @Test
        void receivesHostileMail(Mailbox mailbox, Session session) throws Exception {
            send(session, "Hostile", "<html><head><meta http-equiv=\"refresh\" content=\"0;url=about:blank\">"
                    + "<base href=\"https://evil.example/\"></head><body onload=\"" + handler() + "\">"
                    + "<img src=\"cid:logo@shop.example\" width=\"160\" height=\"48\">"
                    + "<img src=\"nothing.png\" onerror=\"" + handler() + "\">"
                    + "<a href=\"javascript:" + handler() + "\">click</a>"
                    + "<form action=\"https://evil.example/\"><input name=q></form>"
                    + "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/y\">"
                    + TOKENIZER_TRICKS + SCRIPTS + "</iframe>" + SCRIPTS + "</body></html>");
            LetterboxAssertions.assertThat(mailbox.awaitMessage()).hasSubject("Friendly");
        }

        private static String handler() {
            return "document.body.style.background='#ff00ff'";
        }
    }

    @Test
    void reportShowsTheHtmlBodyWithItsInlineLogo(@TempDir Path root) throws Exception {
        URI page = reportOf(OrderMailFixture.class, root);

        Path shot = screenshot(page, root.resolve("report.png"), 1200, 1500);
        assertThat(pixels(shot, LOGO)).as("pixels of the inline logo in %s", shot).isGreaterThan(2000);
        String dom = dumpDom(page, root);
        assertThat(dom).contains("<title>Letterbox: sendsInvoice</title>", "1 remote image blocked",
                "<iframe sandbox=\"allow-same-origin\" src=\"00-body.html\"");
        Path docs = Path.of("target", "letterbox-browser", "report.png");
        Files.createDirectories(docs.getParent());
        Files.copy(shot, docs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void noScriptOfAHostileMailRunsOrEscapesItsFrame(@TempDir Path root) throws Exception {
        URI page = reportOf(HostileMailFixture.class, root);

        Path shot = screenshot(page, root.resolve("hostile.png"), 1200, 2400);
        assertThat(pixels(shot, LOGO)).as("the frame rendered the mail (its logo) in %s", shot).isGreaterThan(2000);
        assertThat(pixels(shot, PAINTED)).as("pixels painted by the mail's scripts in %s", shot).isZero();
        assertThat(dumpDom(page, root)).contains("<title>Letterbox: receivesHostileMail</title>")
                .doesNotContain("<div id=\"pwned\"", "<script").containsOnlyOnce("<iframe ");
        URI body = page.resolve("00-body.html");
        assertThat(dumpDom(body, root)).as("the body file opened by itself, under its own policy")
                .contains("<meta http-equiv=\"Content-Security-Policy\"").doesNotContain("<div id=\"pwned\"");
    }

    @Test
    void whereChromiumParsesATagInTheRewrittenBodyItsRemoteResourceIsBlocked(@TempDir Path root) throws Exception {
        URI page = reportOf(HostileMailFixture.class, root);

        String body = dumpDom(page.resolve("00-body.html"), root);

        assertThat(body).as("the body as Chromium parsed it").doesNotContain(" src=\"https:", " http-equiv=\"refresh\"")
                .contains("data-letterbox-blocked-src=\"https://evil.example/2.gif\"",
                        "data-letterbox-blocked-src=\"https://evil.example/9.gif\"");
    }

    @Test
    void controlPageShowsThatAScriptWhichRunsIsSeenInTheScreenshot(@TempDir Path root) throws Exception {
        Path control = root.resolve("control.html");
        Files.writeString(control, "<!DOCTYPE html><html><body>" + SCRIPTS + "</body></html>");

        Path shot = screenshot(control.toUri(), root.resolve("control.png"), 400, 300);

        assertThat(pixels(shot, PAINTED)).isGreaterThan(100_000);
        assertThat(dumpDom(control.toUri(), root)).contains("<div id=\"pwned\"");
    }

    // ---- the fixture's mail ----

    private static void send(Session session, String subject, String html) throws MessagingException, IOException {
        MimeMessage msg = new MimeMessage(session);
        msg.setFrom(new InternetAddress("Example Shop <shop@example.com>"));
        msg.setRecipient(Message.RecipientType.TO, new InternetAddress("Ann Example <ann@example.com>"));
        msg.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Thanks for your order, Ann!\nYour order #1042 left our warehouse today.", "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        MimeBodyPart logo = new MimeBodyPart();
        logo.setContent(logo(), "image/png");
        logo.setContentID("<logo@shop.example>");
        logo.setDisposition(MimeBodyPart.INLINE);
        logo.setFileName("logo.png");
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(htmlPart);
        related.addBodyPart(logo);
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(relatedPart);
        MimeBodyPart alternativePart = new MimeBodyPart();
        alternativePart.setContent(alternative);
        MimeBodyPart invoice = new MimeBodyPart();
        invoice.setContent("%PDF-1.4\n% invoice 1042\n".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        invoice.setFileName("invoice-1042.pdf");
        invoice.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(alternativePart);
        mixed.addBodyPart(invoice);
        msg.setContent(mixed);
        Transport.send(msg);
    }

    private static byte[] logo() throws IOException {
        BufferedImage image = new BufferedImage(160, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(LOGO);
        g.fillRect(0, 0, 160, 48);
        g.setColor(Color.WHITE);
        g.fillRect(16, 14, 20, 20);
        g.fillRect(44, 20, 96, 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    // ---- running the fixture and the browser ----

    /** Runs a fixture whose test fails and returns the page its failure message names. */
    private static URI reportOf(Class<?> fixture, Path root) {
        var results = TestKit.run(fixture, Map.of("letterbox.diagnostics.directory", root.resolve("reports")
                .toString()));
        String message = TestKit.failureMessages(results).get(0);
        String line = message.lines().filter(l -> l.startsWith("Captured mail: see ")).findFirst().orElseThrow();
        URI page = URI.create(line.substring("Captured mail: see ".length(), line.indexOf(" (written")));
        assertThat(Path.of(page)).exists();
        return page;
    }

    private static Path screenshot(URI page, Path png, int width, int height) throws Exception {
        run(List.of("--window-size=" + width + "," + height, "--hide-scrollbars", "--screenshot=" + png, 
                page.toString()), png.getParent());
        assertThat(png).as("Chromium wrote the screenshot").exists();
        return png;
    }

    private static String dumpDom(URI page, Path root) throws Exception {
        return run(List.of("--dump-dom", page.toString()), root);
    }

    private static String run(List<String> arguments, Path work) throws Exception {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--virtual-time-budget=5000"));
        command.addAll(arguments);
        Path out = work.resolve("chromium-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 90 s: " + command);
        }
        assertThat(p.exitValue()).as("exit status of %s", command).isZero();
        return Files.readString(out);
    }

    /** How many pixels of the screenshot have (nearly) the colour. */
    private static int pixels(Path png, Color color) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - color.getRed()) <= 8
                        && Math.abs(((rgb >> 8) & 0xff) - color.getGreen()) <= 8
                        && Math.abs((rgb & 0xff) - color.getBlue()) <= 8) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Optional<String> onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return Optional.of(Path.of(dir, executable).toString());
            }
        }
        return Optional.empty();
    }
}
