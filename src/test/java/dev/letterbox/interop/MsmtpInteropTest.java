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
 * msmtp, the sendmail replacement, reading the message from standard input (LF line ends, as a local mail program
 * writes it): msmtp sends every line with CRLF, stuffs leading dots, pipelines the envelope, and adds From, Date and
 * Message-ID only where they are missing; with {@code -t} it takes the recipients from To, Cc and Bcc and removes Bcc.
 */
@Tag("interop")
@CaptureMail
class MsmtpInteropTest {

    @TempDir
    Path dir;

    @BeforeEach
    void msmtpIsInstalled() {
        ClientProcess.assumeInstalled("msmtp", "msmtp");
    }

    @Test
    void completeMessageFromStdinIsCapturedWithCrlfLineEnds(Mailbox mailbox) throws IOException {
        String message = """
                From: Ops <ops@example.com>
                To: ann@example.com
                Date: Tue, 1 Dec 2026 10:00:00 +0000
                Message-ID: <nightly-7@ops.example>
                Subject: Nightly backup done

                All 12 volumes copied.
                .a line that starts with a dot
                """;

        msmtp(mailbox, stdin(message), "--", "ann@example.com", "bob@example.com").succeeded();

        ReceivedMessage nightly = mailbox.awaitMessage();
        assertThat(nightly.raw()).isEqualTo(Smtp.crlf(message).getBytes(StandardCharsets.US_ASCII));
        assertThat(nightly)
                .hasSubject("Nightly backup done")
                .hasTextBody("All 12 volumes copied.\n.a line that starts with a dot\n")
                .envelope()
                .hasMailFrom("ops@example.com")
                .hasRecipients("ann@example.com", "bob@example.com");
        assertThat(nightly.envelope().helo()).isEqualTo("msmtp.client.example");
    }

    @Test
    void recipientsComeFromTheHeadersWithMinusTAndBccIsRemoved(Mailbox mailbox) throws IOException {
        String message = """
                To: ann@example.com
                Cc: carol@example.com
                Bcc: audit@example.com
                Subject: Quarterly numbers

                Attached soon.
                """;

        msmtp(mailbox, stdin(message), "-t").succeeded();

        ReceivedMessage quarterly = mailbox.awaitMessage();
        assertThat(quarterly)
                .isFrom("ops@example.com")
                .hasTo("ann@example.com")
                .hasCc("carol@example.com")
                .hasBcc("audit@example.com")
                .hasRecipients("ann@example.com", "carol@example.com", "audit@example.com")
                .hasSubject("Quarterly numbers");
        assertThat(quarterly.headers("Bcc")).as("Bcc headers").isEmpty();
        assertThat(quarterly.date()).as("the Date msmtp adds").isNotNull();
        assertThat(quarterly.messageId()).as("the Message-ID msmtp adds").isNotBlank();
        assertThat(quarterly.raw()).asString(StandardCharsets.US_ASCII)
                .as("the message as given, less its Bcc line, after the headers msmtp adds")
                .endsWith("To: ann@example.com\r\nCc: carol@example.com\r\nSubject: Quarterly numbers\r\n"
                        + "\r\nAttached soon.\r\n");
    }

    private Path stdin(String message) throws IOException {
        return Files.writeString(dir.resolve("message.txt"), message, StandardCharsets.US_ASCII);
    }

    private ClientProcess.Outcome msmtp(Mailbox mailbox, Path stdin, String... arguments) throws IOException {
        // an empty configuration file of its own, so neither ~/.msmtprc nor /etc/msmtprc can change the test
        Path configuration = Files.writeString(dir.resolve("msmtprc"), "");
        List<String> command = new ArrayList<>(List.of("msmtp",
                "--file=" + configuration,
                "--host=" + mailbox.host(),
                "--port=" + mailbox.port(),
                "--auth=off",
                "--tls=off",
                "--timeout=20",
                "--domain=msmtp.client.example",
                "--from=ops@example.com"));
        command.addAll(List.of(arguments));
        return ClientProcess.run(stdin, command);
    }
}
