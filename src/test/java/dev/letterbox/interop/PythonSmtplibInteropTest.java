package dev.letterbox.interop;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.testing.Smtp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python 3's {@code smtplib}: {@code send_message} of a multipart {@code EmailMessage}, {@code sendmail} of prepared
 * octets to 50 recipients and to a list with one refused recipient, and SMTPUTF8 with non-ASCII addresses, asked for by {@code send_message} itself and
 * also given by the caller in {@code mail_options} (then smtplib sends the SMTPUTF8 parameter twice).
 */
@Tag("interop")
@CaptureMail
class PythonSmtplibInteropTest {

    /**
     * Builds a multipart/alternative message with an attachment and a Bcc, fixes its boundaries by flattening it once,
     * sends it with send_message, and writes what send_message sent (the message without Bcc, flattened with CRLF).
     */
    private static final String SEND_MESSAGE = """
            import smtplib, sys
            from email.message import EmailMessage
            host, port, sent = sys.argv[1], int(sys.argv[2]), sys.argv[3]
            msg = EmailMessage()
            msg["From"] = "Café Shop <shop@example.com>"
            msg["To"] = "Ann <ann@example.com>"
            msg["Cc"] = "bob@example.com"
            msg["Bcc"] = "audit@example.com"
            msg["Subject"] = "Grüße: your order"
            msg.set_content("Hello Ann,\\n.a line that starts with a dot\\nGrüße\\n")
            msg.add_alternative("<p>Hello Ann, <a href='https://shop.example/o/7'>your order</a></p>", subtype="html")
            msg.add_attachment(bytes(range(256)), maintype="application", subtype="octet-stream",
                               filename="all-octets.bin")
            msg.as_bytes()
            with smtplib.SMTP(host, port, local_hostname="python.client.example", timeout=20) as smtp:
                refused = smtp.send_message(msg)
            assert refused == {}, refused
            del msg["Bcc"]
            open(sent, "wb").write(msg.as_bytes(policy=msg.policy.clone(linesep="\\r\\n")))
            """;

    /**
     * Sends a file's octets with sendmail to the recipients given after the sender (options after "--options") and
     * prints the recipients the server refused, one "address code text" a line.
     */
    private static final String SENDMAIL = """
            import smtplib, sys
            host, port, file, sender = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
            rest = sys.argv[5:]
            options = rest[rest.index("--options") + 1:] if "--options" in rest else []
            recipients = rest[:rest.index("--options")] if "--options" in rest else rest
            with smtplib.SMTP(host, port, local_hostname="python.client.example", timeout=20) as smtp:
                refused = smtp.sendmail(sender, recipients, open(file, "rb").read(), mail_options=options)
            for address, (code, text) in refused.items():
                print(address, code, text.decode())
            """;

    /**
     * Sends an international message (non-ASCII addresses) with send_message and the given mail_options, with the
     * dialogue on stderr (debug level 1), and writes what it sent (flattened with CRLF and UTF-8 headers).
     */
    private static final String SEND_INTERNATIONAL = """
            import smtplib, sys
            from email.message import EmailMessage
            host, port, sent = sys.argv[1], int(sys.argv[2]), sys.argv[3]
            options = sys.argv[4:]
            msg = EmailMessage()
            msg["From"] = "José <josé@exämple.com>"
            msg["To"] = "用户@例子.广告, ünïcode@exämple.com"
            msg["Subject"] = "Ünïcödé everywhere"
            msg.set_content("Grüße aus Köln, 東京\\n")
            with smtplib.SMTP(host, port, local_hostname="python.client.example", timeout=20) as smtp:
                smtp.set_debuglevel(1)
                refused = smtp.send_message(msg, mail_options=options)
            assert refused == {}, refused
            open(sent, "wb").write(msg.as_bytes(policy=msg.policy.clone(linesep="\\r\\n", utf8=True)))
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void pythonIsInstalled() {
        ClientProcess.assumeInstalled("python3", "python3");
    }

    @Test
    void sendMessageDeliversTheMultipartOctetsItFlattened(Mailbox mailbox) throws IOException {
        Path sent = dir.resolve("sent.eml");

        python(SEND_MESSAGE, mailbox, sent.toString()).succeeded();

        ReceivedMessage order = mailbox.awaitMessage();
        assertThat(order.raw()).isEqualTo(Files.readAllBytes(sent));
        assertThat(order)
                .isFrom("shop@example.com")
                .hasHeader("From", "Café Shop <shop@example.com>")
                .hasTo("ann@example.com")
                .hasCc("bob@example.com")
                .hasBcc("audit@example.com")
                .hasSubject("Grüße: your order")
                .hasTextBody("Hello Ann,\n.a line that starts with a dot\nGrüße\n")
                .hasHtmlBodyContaining("your order</a>")
                .hasLinkMatching("https://shop\\.example/o/7")
                .hasAttachment("all-octets.bin", bin -> bin
                        .hasContentType("application/octet-stream")
                        .hasContent(allOctets()));
        assertThat(order.headers("Bcc")).as("Bcc headers").isEmpty();
        assertThat(order.envelope().helo()).isEqualTo("python.client.example");
        // send_message takes the envelope recipients from To, then Bcc, then Cc
        assertThat(order.envelope().recipients())
                .containsExactly("ann@example.com", "audit@example.com", "bob@example.com");
    }

    @Test
    void sendmailDeliversOneMessageToFiftyRecipientsInOrder(Mailbox mailbox) throws IOException {
        byte[] octets = Smtp.crlf("""
                From: news@example.com
                To: undisclosed-recipients:;
                Subject: Fifty at once

                One message, fifty envelope recipients.
                """).getBytes(StandardCharsets.US_ASCII);
        List<String> recipients = IntStream.range(0, 50).mapToObj(i -> "reader" + i + "@example.com").toList();
        List<String> arguments = new ArrayList<>(List.of(write("news.eml", octets), "news@example.com"));
        arguments.addAll(recipients);

        ClientProcess.Outcome python = python(SENDMAIL, mailbox, arguments.toArray(String[]::new)).succeeded();

        assertThat(python.stdout()).as("recipients refused").isEmpty();
        ReceivedMessage news = mailbox.awaitMessage();
        assertThat(news.raw()).isEqualTo(octets);
        assertThat(news.envelope().recipients()).containsExactlyElementsOf(recipients);
        assertThat(news.bcc()).containsExactlyElementsOf(recipients);
        assertThat(mailbox).hasMessageCount(1);
    }

    @Test
    void sendmailReportsTheRefusedRecipientAndDeliversToTheOthers(Mailbox mailbox) throws IOException {
        byte[] octets = Smtp.crlf("Subject: Some of you\n\nHello.\n").getBytes(StandardCharsets.US_ASCII);
        String tooLong = "x".repeat(65) + "@example.com";

        ClientProcess.Outcome python = python(SENDMAIL, mailbox, write("some.eml", octets), "news@example.com",
                "ann@example.com", tooLong, "bob@example.com").succeeded();

        assertThat(python.stdout().lines().toList())
                .as("recipients refused, as sendmail returned them")
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .startsWith(tooLong + " 553 5.1.3 ");
        ReceivedMessage some = mailbox.awaitMessage();
        assertThat(some.raw()).isEqualTo(octets);
        assertThat(some.envelope().recipients()).containsExactly("ann@example.com", "bob@example.com");
    }

    @Test
    void sendmailWithSmtputf8OptionCarriesNonAsciiAddresses(Mailbox mailbox) throws IOException {
        byte[] octets = Smtp.crlf("""
                From: José <josé@exämple.com>
                To: 用户@例子.广告
                Subject: Grüße
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                Grüße aus Köln, 東京
                """).getBytes(StandardCharsets.UTF_8);

        python(SENDMAIL, mailbox, write("utf8.eml", octets), "josé@exämple.com", "用户@例子.广告",
                "--options", "SMTPUTF8", "BODY=8BITMIME").succeeded();

        ReceivedMessage message = mailbox.awaitMessage();
        assertThat(message.raw()).isEqualTo(octets);
        assertThat(message)
                .isFrom("josé@exämple.com")
                .hasTo("用户@例子.广告")
                .hasSubject("Grüße")
                .hasTextBody("Grüße aus Köln, 東京\n")
                .envelope()
                .hasMailFrom("josé@exämple.com")
                .hasRecipients("用户@例子.广告")
                .hasParameter("SMTPUTF8")
                .hasParameter("BODY", "8BITMIME");
    }

    @Test
    void sendMessageAsksForSmtputf8ItselfForNonAsciiAddresses(Mailbox mailbox) throws IOException {
        Path sent = dir.resolve("sent.eml");

        ClientProcess.Outcome python = python(SEND_INTERNATIONAL, mailbox, sent.toString()).succeeded();

        assertThat(python.stderr()).as("smtplib's dialogue")
                .containsPattern("mail FROM:<josé@exämple.com> size=\\d+ SMTPUTF8 BODY=8BITMIME");
        assertInternationalMessageCaptured(mailbox.awaitMessage(), sent);
    }

    @Test
    void sendMessageWithSmtputf8InMailOptionsSendsTheParameterTwiceAndIsAccepted(Mailbox mailbox) throws IOException {
        Path sent = dir.resolve("sent.eml");

        ClientProcess.Outcome python = python(SEND_INTERNATIONAL, mailbox, sent.toString(), "SMTPUTF8").succeeded();

        assertThat(python.stderr()).as("smtplib's dialogue")
                .containsPattern("mail FROM:<josé@exämple.com> size=\\d+ SMTPUTF8 SMTPUTF8 BODY=8BITMIME");
        assertInternationalMessageCaptured(mailbox.awaitMessage(), sent);
    }

    private static void assertInternationalMessageCaptured(ReceivedMessage message, Path sent) throws IOException {
        assertThat(message.raw()).isEqualTo(Files.readAllBytes(sent));
        assertThat(message)
                .isFrom("josé@exämple.com")
                .hasTo("用户@例子.广告", "ünïcode@exämple.com")
                .hasSubject("Ünïcödé everywhere")
                .hasTextBody("Grüße aus Köln, 東京\n")
                .envelope()
                .hasMailFrom("josé@exämple.com")
                .hasRecipients("用户@例子.广告", "ünïcode@exämple.com")
                .hasParameter("SMTPUTF8")
                .hasParameter("BODY", "8BITMIME");
    }

    private String write(String name, byte[] octets) throws IOException {
        return Files.write(dir.resolve(name), octets).toString();
    }

    private static byte[] allOctets() {
        byte[] octets = new byte[256];
        for (int i = 0; i < octets.length; i++) {
            octets[i] = (byte) i;
        }
        return octets;
    }

    private static ClientProcess.Outcome python(String script, Mailbox mailbox, String... arguments) {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script, mailbox.host(),
                String.valueOf(mailbox.port())));
        command.addAll(List.of(arguments));
        return ClientProcess.run(command);
    }
}
