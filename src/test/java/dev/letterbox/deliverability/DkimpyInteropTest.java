package dev.letterbox.deliverability;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.DkimResult;
import dev.letterbox.DkimSignature;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Smtp;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Live interoperability with dkimpy (Debian's python3-dkim): fresh keys from its {@code dknewkey}, a Jakarta Mail
 * message signed by {@code dkim.sign} in each algorithm and canonicalization, delivered, verified by Letterbox; the same
 * mail with one header or one body byte changed fails with the right reason. Skips when dkimpy is missing.
 */
@Tag("interop")
class DkimpyInteropTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SIGN = String.join("\n",
            "import dkim, sys",
            "key, selector, alg, hc, bc, length = sys.argv[1:7]",
            "msg = sys.stdin.buffer.read()",
            "sig = dkim.sign(msg, selector.encode(), b'example.com', open(key, 'rb').read(),",
            "    signature_algorithm=alg.encode(), canonicalize=(hc.encode(), bc.encode()),",
            "    include_headers=[b'from', b'to', b'subject', b'date', b'message-id', b'mime-version',",
            "    b'content-type'], length=(length == 'true'))",
            "sys.stdout.buffer.write(sig + msg)");
    @TempDir
    static Path dir;
    private static SmtpServer server;
    private static PublicKey rsa;
    private static PublicKey ed25519;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(run(List.of(PYTHON, "-c", "import dkim"), new byte[0]) != null,
                "dkimpy is not installed; install it with: apt-get install -y python3-dkim");
        run(List.of("dknewkey", dir.resolve("rsa").toString()), new byte[0]);
        run(List.of("dknewkey", "--ktype", "ed25519", dir.resolve("ed").toString()), new byte[0]);
        rsa = DkimSignature.keyFromDnsRecord(Files.readString(dir.resolve("rsa.dns")));
        ed25519 = DkimSignature.keyFromDnsRecord(Files.readString(dir.resolve("ed.dns")));
        server = SmtpServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** @return the process's stdout, or null if it could not run or failed */
    private static byte[] run(List<String> command, byte[] stdin) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().write(stdin);
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            return done && p.exitValue() == 0 ? out : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static byte[] jakartaMessage() throws Exception {
        MimeMessage m = new MimeMessage(Smtp.session());
        m.setFrom(new InternetAddress("shop@example.com", "Café Shop", "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, "Ann <ann@example.com>");
        m.setSubject("Your order has shipped, Ann — thank you for shopping with us", "UTF-8");
        m.setSentDate(new java.util.Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Grüße,  \nyour order\t has shipped.\n\n\n", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Your order has shipped.</p>", "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        m.setContent(alternative);
        m.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    private static String signed(String selector, String alg, String hc, String bc, boolean length) throws Exception {
        Path key = dir.resolve(selector.equals("ed") ? "ed.key" : "rsa.key");
        byte[] out = run(List.of(PYTHON, "-c", SIGN, key.toString(), selector, alg, hc, bc, String.valueOf(length)),
                jakartaMessage());
        assertThat(out).as("dkimpy signed the message").isNotNull();
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static ReceivedMessage deliver(String text) {
        return Delivery.deliver(server, "", text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "{1} {2}/{3} l={4}")
    @CsvSource({
        "mail, rsa-sha256, relaxed, simple, false",
        "mail, rsa-sha256, simple, simple, false",
        "mail, rsa-sha256, simple, relaxed, false",
        "mail, rsa-sha256, relaxed, relaxed, true",
        "ed, ed25519-sha256, relaxed, relaxed, false",
        "ed, ed25519-sha256, simple, simple, true"})
    void jakartaMailSignedByDkimpyVerifiesAndATamperedCopyFailsWithTheRightReason(
            String selector, String alg, String hc, String bc, boolean length) throws Exception {
        PublicKey key = selector.equals("ed") ? ed25519 : rsa;
        String signed = signed(selector, alg, hc, bc, length);

        ReceivedMessage intact = deliver(signed);
        ReceivedMessage headerChanged = deliver(signed.replace("To: Ann <ann@", "To: Ann <anna@"));
        ReceivedMessage bodyChanged = deliver(signed.replace("<p>Your order", "<p>Your 0rder"));

        DkimResult result = intact.verifyDkim(selector, "example.com", key);
        assertThat(result.passed()).as("%s", result).isTrue();
        assertThat(intact).hasValidDkimSignature("example.com", key).hasNoViolations();
        assertThat(headerChanged.verifyDkim(selector, "example.com", key).failure())
                .isEqualTo(DkimResult.Failure.HEADER_HASH_MISMATCH);
        assertThat(bodyChanged.verifyDkim(selector, "example.com", key).failure())
                .isEqualTo(DkimResult.Failure.BODY_HASH_MISMATCH);
    }
}
