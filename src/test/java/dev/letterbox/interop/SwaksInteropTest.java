package dev.letterbox.interop;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;
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
 * swaks, the SMTP test tool: a plain message, the same with {@code --pipeline}, and {@code --attach}. swaks composes
 * the message itself (adding Date, Message-Id and X-Mailer) and prints every line it sends after {@code " -> "}, so
 * the capture is compared octet for octet with the DATA lines of its own transcript.
 */
@Tag("interop")
@CaptureMail
class SwaksInteropTest {
    private static final String PROMPT = " -> ";

    @TempDir
    Path dir;

    @BeforeEach
    void swaksIsInstalled() {
        ClientProcess.assumeInstalled("swaks", "swaks");
    }

    @Test
    void plainMessageIsCapturedAsSwaksSentIt(Mailbox mailbox) {
        ClientProcess.Outcome swaks = swaks(mailbox, "--header", "Subject: Plain from swaks", "--body", "Hello.")
                .succeeded();

        ReceivedMessage message = mailbox.awaitMessage();
        assertThat(message.raw()).asString(StandardCharsets.US_ASCII).isEqualTo(dataSent(swaks));
        assertThat(message)
                .isFrom("ops@example.com")
                .hasTo("ann@example.com", "bob@example.com")
                .hasSubject("Plain from swaks")
                .hasTextBody("Hello.\n")
                .envelope()
                .hasMailFrom("ops@example.com")
                .hasRecipients("ann@example.com", "bob@example.com");
        assertThat(message.header("X-Mailer")).startsWith("swaks v");
        assertThat(message.envelope().helo()).isEqualTo("swaks.client.example");
    }

    @Test
    void pipelinedTransactionIsCapturedAsSwaksSentIt(Mailbox mailbox) {
        ClientProcess.Outcome swaks = swaks(mailbox, "--pipeline", "--header", "Subject: Pipelined", "--body", "Hi.")
                .succeeded();

        String transcript = swaks.stdout();
        assertThat(transcript.indexOf(PROMPT + "DATA"))
                .as("swaks wrote MAIL, both RCPT and DATA before reading the reply to MAIL:\n%s", transcript)
                .isPositive()
                .isLessThan(transcript.indexOf("<-  250 2.1.0"));
        ReceivedMessage message = mailbox.awaitMessage();
        assertThat(message.raw()).asString(StandardCharsets.US_ASCII).isEqualTo(dataSent(swaks));
        assertThat(message)
                .hasSubject("Pipelined")
                .hasRecipients("ann@example.com", "bob@example.com");
    }

    @Test
    void attachmentsArriveWithTheirNamesTypesAndContent(Mailbox mailbox) throws IOException {
        byte[] pdf = "%PDF-1.4 weekly report".getBytes(StandardCharsets.US_ASCII);
        Path report = Files.write(dir.resolve("report.pdf"), pdf);

        ClientProcess.Outcome swaks = swaks(mailbox, "--header", "Subject: Weekly report", "--body", "See attached.",
                "--attach-type", "application/pdf", "--attach", "@" + report,
                "--attach-type", "text/plain", "--attach-name", "notes.txt", "--attach", "line one\nline two\n")
                .succeeded();

        ReceivedMessage message = mailbox.awaitMessage();
        assertThat(message.raw()).asString(StandardCharsets.US_ASCII).isEqualTo(dataSent(swaks));
        assertThat(message)
                .hasTextBody("See attached.")
                .hasAttachmentCount(2)
                .hasAttachment("report.pdf", a -> a.hasContentType("application/pdf").hasContent(pdf))
                .hasAttachment("notes.txt", a -> a.hasContentType("text/plain").hasTextContent("line one\nline two\n"));
    }

    private static ClientProcess.Outcome swaks(Mailbox mailbox, String... options) {
        List<String> command = new ArrayList<>(List.of("swaks",
                "--server", mailbox.host() + ":" + mailbox.port(),
                "--helo", "swaks.client.example",
                "--from", "ops@example.com",
                "--to", "ann@example.com,bob@example.com",
                "--timeout", "20"));
        command.addAll(List.of(options));
        return ClientProcess.run(command);
    }

    /** The message swaks sent: its transcript's lines between the 354 reply and the final dot, each ended by CRLF. */
    private static String dataSent(ClientProcess.Outcome swaks) {
        List<String> lines = swaks.stdout().lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("<-  354 ")) {
                start = i + 1;
                break;
            }
        }
        assertThat(start).as("a 354 reply in swaks's transcript:\n%s", swaks.stdout()).isPositive();
        StringBuilder data = new StringBuilder();
        for (String line : lines.subList(start, lines.size())) {
            if (line.equals(PROMPT + ".")) {
                return data.toString();
            }
            if (line.startsWith(PROMPT)) {
                data.append(line, PROMPT.length(), line.length()).append("\r\n");
            }
        }
        throw new AssertionError("no final dot in swaks's transcript:\n" + swaks.stdout());
    }
}
