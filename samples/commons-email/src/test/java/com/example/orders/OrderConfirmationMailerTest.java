package com.example.orders;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Attachment;
import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@CaptureMail
class OrderConfirmationMailerTest {
    private static final byte[] INVOICE = "%PDF-1.7 Rechnung 1042".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CID_IN_HTML = Pattern.compile("src=\"cid:([^\"]+)\"");

    @Test
    void confirmationGreetsTheCustomerInHtmlAndText(Mailbox mailbox) throws Exception {
        new OrderConfirmationMailer(mailbox.host(), mailbox.port()).confirm("Jörg", "joerg@example.com", "1042", INVOICE);

        ReceivedMessage confirmation = mailbox.awaitMessage();

        assertThat(confirmation)
                .isFrom("orders@roesterei.example")
                .hasHeader("From", "Kaffeerösterei Körner <orders@roesterei.example>")
                .hasTo("joerg@example.com")
                .hasSubject("Ihre Bestellung 1042 ist bestätigt")
                .hasHtmlBodyContaining("<p>Guten Tag Jörg,</p>")
                .hasTextBodyContaining("vielen Dank für Ihre Bestellung 1042");
    }

    @Test
    void logoIsEmbeddedAsTheInlineImageTheHtmlReferences(Mailbox mailbox) throws Exception {
        new OrderConfirmationMailer(mailbox.host(), mailbox.port()).confirm("Ann", "ann@example.com", "1043", INVOICE);

        ReceivedMessage confirmation = mailbox.awaitMessage();
        Matcher cid = CID_IN_HTML.matcher(confirmation.htmlBody());
        assertThat(cid.find()).as("a cid: image in the HTML body %s", confirmation.htmlBody()).isTrue();
        String logoCid = cid.group(1);

        assertThat(confirmation).hasInlinePart(logoCid).hasAttachmentCount(1);
        Attachment logo = confirmation.inlineParts().stream()
                .filter(part -> logoCid.equals(part.contentId()))
                .findFirst()
                .orElseThrow();
        assertThat(logo)
                .isInline()
                .hasContentType("image/png")
                .hasContentOfResource("com/example/orders/logo.png");
    }

    @Test
    void invoiceIsAttachedUnderItsGermanFileName(Mailbox mailbox) throws Exception {
        new OrderConfirmationMailer(mailbox.host(), mailbox.port()).confirm("Ann", "ann@example.com", "1044", INVOICE);

        ReceivedMessage confirmation = mailbox.awaitMessage();

        assertThat(confirmation).hasAttachment("Rechnung-1044-Kaffeerösterei.pdf", invoice -> invoice
                .hasContentType("application/pdf")
                .hasContent(INVOICE));
    }

    @Test
    void invoiceFileNameTravelsAsAnRfc2047EncodedWord(Mailbox mailbox) throws Exception {
        new OrderConfirmationMailer(mailbox.host(), mailbox.port()).confirm("Ann", "ann@example.com", "1045", INVOICE);

        String raw = new String(mailbox.awaitMessage().raw(), StandardCharsets.UTF_8);

        assertThat(raw)
                .containsPattern("filename=\"?=\\?UTF-8\\?[QqBb]\\?")
                .doesNotContain("Kaffeerösterei.pdf");
    }

    @Test
    void bookkeepingGetsABlindCopy(Mailbox mailbox) throws Exception {
        new OrderConfirmationMailer(mailbox.host(), mailbox.port()).confirm("Bo", "bo@example.com", "1046", INVOICE);

        ReceivedMessage confirmation = mailbox.awaitMessage();

        assertThat(confirmation)
                .hasRecipients("bo@example.com", "buchhaltung@roesterei.example")
                .hasBcc("buchhaltung@roesterei.example");
        assertThat(confirmation.headers("Bcc")).as("Bcc headers").isEmpty();
    }

    @Test
    void wholeConfirmationMatchesItsCommittedSnapshot(Mailbox mailbox) throws Exception {
        new OrderConfirmationMailer(mailbox.host(), mailbox.port()).confirm("Jörg", "joerg@example.com", "1048", INVOICE);

        // Date, Message-ID, boundaries and the logo's generated Content-ID (and its cid: in the HTML) are masked,
        // so the committed file under src/test/resources/letterbox-snapshots/ matches on every run
        assertThat(mailbox.awaitMessage()).matchesSnapshot();
    }

    @Test
    void returnedMessageIdNamesTheCapturedMail(Mailbox mailbox) throws Exception {
        String messageId = new OrderConfirmationMailer(mailbox.host(), mailbox.port())
                .confirm("Cy", "cy@example.com", "1047", INVOICE);

        assertThat("<" + mailbox.awaitMessage().messageId() + ">").isEqualTo(messageId);
    }
}
