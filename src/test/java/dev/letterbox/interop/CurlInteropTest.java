package dev.letterbox.interop;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * curl as an SMTP client: {@code smtp://}, {@code --mail-from}, {@code --mail-rcpt}, {@code --upload-file}. curl sends
 * the file's octets as they are (dot-stuffing lines that follow a CRLF) and ends the data with CRLF.CRLF, adding a
 * CRLF first when the file does not end with one; {@code --crlf} turns every LF into CRLF on the way.
 */
@Tag("interop")
@CaptureMail
class CurlInteropTest {
    /** A line that starts with a dot (curl stuffs it, the server unstuffs it) and a last line ending in CRLF. */
    private static final String MESSAGE = """
            From: Shop <shop@example.com>
            To: ann@example.com, bob@example.com
            Subject: Your receipt
            Message-ID: <receipt-42@shop.example>

            Thanks for your order.
            .a line that starts with a dot
            ..and one with two
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void curlIsInstalled() {
        ClientProcess.assumeInstalled("curl", "curl");
    }

    @Test
    void uploadedCrlfFileIsCapturedOctetForOctet(Mailbox mailbox) throws IOException {
        byte[] file = Smtp.crlf(MESSAGE).getBytes(StandardCharsets.US_ASCII);

        curl(mailbox, write("receipt.eml", file)).succeeded();

        ReceivedMessage receipt = mailbox.awaitMessage();
        assertThat(receipt.raw()).isEqualTo(file);
        assertThat(receipt.envelope().helo()).isEqualTo("curl.client.example");
        assertThat(receipt)
                .hasSubject("Your receipt")
                .hasTextBody("Thanks for your order.\n.a line that starts with a dot\n..and one with two\n")
                .envelope()
                .hasMailFrom("shop@example.com")
                .hasRecipients("ann@example.com", "bob@example.com")
                .hasParameter("SIZE", String.valueOf(file.length));
        assertThat(receipt.envelope().recipients()).containsExactly("ann@example.com", "bob@example.com");
    }

    @Test
    void fileWithoutFinalLineEndGetsOneCrlfAppended(Mailbox mailbox) throws IOException {
        byte[] file = Smtp.crlf("Subject: no final line end\n\nlast line").getBytes(StandardCharsets.US_ASCII);

        curl(mailbox, write("unterminated.eml", file)).succeeded();

        assertThat(mailbox.awaitMessage().raw()).asString(StandardCharsets.US_ASCII)
                .isEqualTo("Subject: no final line end\r\n\r\nlast line\r\n");
    }

    @Test
    void lfOnlyFileIsRefusedWithBareLfReplyAndNothingIsStored(Mailbox mailbox) throws IOException {
        byte[] file = MESSAGE.getBytes(StandardCharsets.US_ASCII);

        ClientProcess.Outcome refused = curl(mailbox, write("lf-only.eml", file)).failed();

        assertThat(refused.stderr())
                .as("curl's transcript (-v)")
                .contains("< 354 ")
                .contains("< 550 5.5.2 Message refused: bare <LF> in line 1");
        assertThat(mailbox).isEmpty();
    }

    @Test
    @CaptureMail(lenientLineEndings = true)
    void lfOnlyFileIsStoredWithItsBareLfsWhenLineEndingsAreLenient(Mailbox mailbox) throws IOException {
        byte[] file = MESSAGE.getBytes(StandardCharsets.US_ASCII);

        curl(mailbox, write("lf-only.eml", file)).succeeded();

        // curl stuffs no dot here (no line follows a CRLF) and ends the data with CRLF.CRLF: the capture is the file,
        // every bare LF and leading dot as it was, plus the CRLF that ends its last line in SMTP terms
        byte[] expected = (MESSAGE + "\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(mailbox.awaitMessage().raw()).isEqualTo(expected);
    }

    @Test
    void crlfOptionMakesAnLfOnlyFileAcceptable(Mailbox mailbox) throws IOException {
        byte[] file = MESSAGE.getBytes(StandardCharsets.US_ASCII);

        curl(mailbox, write("lf-only.eml", file), "--crlf").succeeded();

        ReceivedMessage receipt = mailbox.awaitMessage();
        assertThat(receipt.raw()).isEqualTo(Smtp.crlf(MESSAGE).getBytes(StandardCharsets.US_ASCII));
        assertThat(receipt).hasSubject("Your receipt");
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static ClientProcess.Outcome curl(Mailbox mailbox, Path file, String... options) {
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--verbose",
                "--max-time", "20",
                "smtp://" + mailbox.host() + ":" + mailbox.port() + "/curl.client.example",
                "--mail-from", "shop@example.com",
                "--mail-rcpt", "ann@example.com",
                "--mail-rcpt", "bob@example.com",
                "--upload-file", file.toString()));
        command.addAll(List.of(options));
        return ClientProcess.run(command);
    }
}
