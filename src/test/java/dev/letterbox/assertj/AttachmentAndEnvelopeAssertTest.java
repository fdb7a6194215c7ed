package dev.letterbox.assertj;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static dev.letterbox.testing.Smtp.deliver;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.Attachment;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentAndEnvelopeAssertTest {
    private static SmtpServer server;
    private static ReceivedMessage invoice;
    private static ReceivedMessage related;
    private static Attachment pdf;
    private static Attachment csv;

    @BeforeAll
    static void deliverCorpus() {
        server = SmtpServer.start();
        invoice = deliver(server, "billing@example.com", List.of("ann@example.com", "audit@example.com"),
                Corpus.ATTACHMENTS);
        related = deliver(server, "shop@example.com", List.of("ann@example.com"), Corpus.RELATED);
        pdf = invoice.attachments().get(0);
        csv = invoice.attachments().get(1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void attachmentAssertionsPassOnTheRightAttachment(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("expected.pdf"), "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(pdf)
                .hasFileName("Rechnung März.pdf")
                .hasContentType("APPLICATION/PDF")
                .hasSize(9)
                .hasContent("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))
                .hasContent(file)
                .hasContentOfResource("mail/tiny.pdf");
        assertThat(csv).hasContentType("text/csv; charset=utf-8").hasContentType("text/*").hasTextContent("a,b\n1,2");
        assertThat(related.inlineParts().get(0)).isInline().hasContentType("image/png");
    }

    @Test
    void contentFailureGivesTheFirstDifferingOffset() {
        assertThatThrownBy(() -> assertThat(pdf).hasContent("%PDF-1.5\n".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("""
                        Expecting actual attachment:
                          "Rechnung März.pdf" (application/pdf, attachment)
                        to have the same content as 9 octets given
                        but they differ at offset 7: expected 0x35, found 0x34""");
        assertThatThrownBy(() -> assertThat(pdf).hasContent(new byte[3]))
                .hasMessageContaining("differ at offset 0");
        assertThatThrownBy(() -> assertThat(pdf).hasContent("%PDF-1.4\nmore".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("but the attachment ends after 9 octets");
    }

    @Test
    void missingResourceIsAUsageErrorThatSaysWhatToGive() {
        assertThatThrownBy(() -> assertThat(pdf).hasContentOfResource("nope/missing.pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no classpath resource 'nope/missing.pdf'");
    }

    @Test
    void attachmentPropertyFailuresShowWhatWasFound() {
        assertThatThrownBy(() -> assertThat(csv).hasContentType("text/csv; charset=ISO-8859-1"))
                .hasMessageContaining("to have content type:\n  \"text/csv; charset=ISO-8859-1\"\n"
                        + "but was:\n  \"text/csv; charset=UTF-8; name==?UTF-8?Q?r=C3=A9sum=C3=A9.csv?=\"");
        assertThatThrownBy(() -> assertThat(csv).hasFileName("resume.csv"))
                .hasMessageContaining("to have file name:\n  \"resume.csv\"\nbut was:\n  \"résumé.csv\"");
        assertThatThrownBy(() -> assertThat(csv).hasSize(3))
                .hasMessageContaining("to have size in octets:\n  3L\nbut was:\n  8L");
        assertThatThrownBy(() -> assertThat(csv).isInline())
                .hasMessageContaining("to have disposition:\n  \"inline\"\nbut was:\n  \"attachment\"");
        assertThatThrownBy(() -> assertThat(csv).hasTextContent("a,b"))
                .hasMessageContaining("""
                        to have text content:
                          3 characters on 1 line
                        but it first differs at line 1, column 4 (it has 7 characters on 2 lines):
                          expected: "a,b" (end of text)
                          but was:  "a,b\\n1,2\"""");
    }

    @Test
    void envelopeAssertionsPassOnTheRightEnvelope() {
        assertThat(invoice.envelope())
                .hasMailFrom("Billing@Example.com")
                .hasRecipients("audit@example.com", "ann@example.com");
    }

    @Test
    void envelopeFailuresShowTheEnvelope() {
        assertThatThrownBy(() -> assertThat(invoice.envelope()).hasMailFrom("shop@example.com"))
                .hasMessageContaining("Expecting actual envelope:\n  Envelope{helo=")
                .hasMessageContaining("to have MAIL FROM:\n  \"shop@example.com\"\nbut was:\n  \"billing@example.com\"");
        assertThatThrownBy(() -> assertThat(invoice.envelope()).hasRecipients("ann@example.com"))
                .hasMessageContaining("to have exactly these recipients (RCPT TO), in any order:\n  [\"ann@example.com\"]\n"
                        + "but was:\n  [\"ann@example.com\", \"audit@example.com\"]");
        assertThatThrownBy(() -> assertThat(invoice.envelope()).hasParameter("SMTPUTF8"))
                .hasMessageContaining("to have MAIL parameter:\n  \"SMTPUTF8\"\nbut was:\n  {}");
    }
}
