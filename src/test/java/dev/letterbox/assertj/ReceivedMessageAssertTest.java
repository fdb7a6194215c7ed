package dev.letterbox.assertj;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static dev.letterbox.testing.Smtp.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Corpus;
import dev.letterbox.testing.Smtp;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReceivedMessageAssertTest {
    private static SmtpServer server;
    private static ReceivedMessage plain;
    private static ReceivedMessage related;
    private static ReceivedMessage invoice;
    private static ReceivedMessage reset;

    @BeforeAll
    static void deliverCorpus() throws Exception {
        server = SmtpServer.start();
        plain = deliver(server, "bounce@example.com",
                List.of("ann@example.com", "bob@example.com", "carol@example.com", "audit@example.com"), Corpus.PLAIN);
        related = deliver(server, "shop@example.com", List.of("ann@example.com"), Corpus.RELATED);
        invoice = deliver(server, "billing@example.com", List.of("ann@example.com"), Corpus.ATTACHMENTS);
        reset = Smtp.send(server, Corpus.alternative());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void passesOnTheRightMessage() {
        assertThat(plain)
                .isFrom("SHOP@example.com")
                .hasRecipients("audit@example.com", "ann@example.com", "bob@example.com", "carol@example.com")
                .hasTo("bob@example.com", "ann@example.com")
                .hasCc("carol@example.com")
                .hasBcc("audit@example.com")
                .hasSubject("Welcome, Ann ✔ and more")
                .hasSubjectContaining("Ann")
                .hasHeader("X-Tag")
                .hasHeader("X-Tag", "two")
                .hasTextBody("Hello Ann,\nconfirm your address: https://shop.example.com/confirm?token=abc&u=1.\n"
                        + ".a line that starts with a dot")
                .hasTextBodyContaining("confirm your address")
                .hasAttachmentCount(0)
                .hasLinkMatching("confirm\\?token=\\w+")
                .hasSizeLessThan(10_000);
        assertThat(related).hasHtmlBodyContaining("<p>Your order shipped.</p>").hasInlinePart("<logo@shop>");
        assertThat(invoice)
                .hasAttachmentCount(2)
                .hasAttachment("résumé.csv")
                .hasAttachment("Rechnung März.pdf", a -> a.hasContentType("application/pdf").hasSize(9));
    }

    @Test
    void navigatesToEnvelopeBodiesAndAttachments() {
        assertThat(plain).envelope().hasMailFrom("bounce@example.com");
        assertThat(reset).textBody().startsWith("Reset:").contains("https://example.com/reset");
        assertThat(reset).htmlBody().contains("<a href=");
        assertThat(invoice).attachment("résumé.csv").hasTextContent("a,b\n1,2");
    }

    @Test
    void satisfiesGivesTheMessage() {
        assertThat(reset).satisfies(m -> assertThat(m.links()).isNotEmpty());
    }

    @Test
    void subjectFailureShowsExpectedActualAndTheCapturedMessage() {
        assertThatThrownBy(() -> assertThat(related).hasSubject("Your invoice"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("\n  Transcript (session ")
                .hasMessageContaining("\n    C: MAIL FROM:<shop@example.com>\n")
                .hasMessageEndingWith(" stored, " + related.size() + " octets")
                .hasMessageStartingWith(String.format("""
                        %nExpecting actual message:
                          from=<shop@example.com> to=[ann@example.com] From: shop@example.com Subject: Your order \
                        (%d octets)
                        to have subject:
                          "Your invoice"
                        but was:
                          "Your order"

                        Captured message:
                          Envelope: MAIL FROM:<shop@example.com> RCPT TO:[ann@example.com] HELO %s, %d octets
                          From: shop@example.com
                          To: ann@example.com
                          Subject: Your order
                          Structure:
                            multipart/alternative
                              text/plain; charset=us-ascii, 60 octets as sent
                              multipart/related
                                text/html; charset=UTF-8, quoted-printable, 224 octets as sent
                                image/png, base64, cid:logo@shop, 12 octets as sent""",
                        related.size(), related.envelope().helo(), related.size()));
    }

    @Test
    void missingAttachmentFailureListsTheAttachmentsThatExist() {
        assertThatThrownBy(() -> assertThat(invoice).hasAttachment("invoice.pdf"))
                .hasMessageContaining("""
                        to have attachment:
                          "invoice.pdf"
                        but its attachments are:
                          "Rechnung März.pdf" (application/pdf, attachment)
                          "résumé.csv" (text/csv, attachment)""")
                .hasMessageContaining("Captured message:");
        assertThatThrownBy(() -> assertThat(invoice).attachment("invoice.pdf"))
                .hasMessageContaining("but its attachments are:");
    }

    @Test
    void attachmentRequirementFailureNamesTheAttachment() {
        assertThatThrownBy(() -> assertThat(invoice)
                .hasAttachment("Rechnung März.pdf", a -> a.hasContentType("image/png")))
                .hasMessageContaining("""
                        Expecting actual attachment:
                          "Rechnung März.pdf" (application/pdf, attachment)
                        to have content type:
                          "image/png"
                        but was:
                          "application/pdf\"""");
    }

    @Test
    void addressFailuresShowTheAddressesFound() {
        assertThatThrownBy(() -> assertThat(plain).hasBcc("boss@example.com"))
                .hasMessageContaining("""
                        to have exactly these Bcc recipients (envelope recipients not in To or Cc), in any order:
                          ["boss@example.com"]
                        but was:
                          ["audit@example.com"]""");
        assertThatThrownBy(() -> assertThat(plain).isFrom("hello@example.com"))
                .hasMessageContaining("to have From address:\n  \"hello@example.com\"\nbut was:\n  \"shop@example.com\"");
        assertThatThrownBy(() -> assertThat(plain).hasRecipients("ann@example.com"))
                .hasMessageContaining("to have exactly these envelope recipients, in any order:");
    }

    @Test
    void bodyFailuresShowTheBody() {
        assertThatThrownBy(() -> assertThat(reset).hasTextBodyContaining("Welcome"))
                .hasMessageContaining("to have text body containing:\n  \"Welcome\"\nbut was:\n  \"Reset: ");
        assertThatThrownBy(() -> assertThat(plain).hasHtmlBodyContaining("<p>"))
                .hasMessageContaining("to have HTML body containing:\n  \"<p>\"\nbut was:\n  null");
    }

    @Test
    void linkFailureListsTheLinks() {
        assertThatThrownBy(() -> assertThat(reset).hasLinkMatching("/confirm"))
                .hasMessageContaining("""
                        to have link matching:
                          "/confirm"
                        but its links are:
                          https://example.com/reset?t=1&u=2
                          https://example.com/help""");
    }

    @Test
    void headerFailureSaysTheHeaderIsMissingOrShowsItsValues() {
        assertThatThrownBy(() -> assertThat(plain).hasHeader("X-Campaign"))
                .hasMessageContaining("to have header:\n  \"X-Campaign\"\nbut was:\n  \"no such header\"");
        assertThatThrownBy(() -> assertThat(plain).hasHeader("X-Tag", "three"))
                .hasMessageContaining("to have header X-Tag:\n  \"three\"\nbut was:\n  [\"one\", \"two\"]");
    }

    @Test
    void countSizeAndInlineFailuresSayWhatWasFound() {
        assertThatThrownBy(() -> assertThat(invoice).hasAttachmentCount(1))
                .hasMessageContaining("to have attachment count:\n  1\nbut it has 2:");
        assertThatThrownBy(() -> assertThat(plain).hasSizeLessThan(10))
                .hasMessageContaining("to have size in octets less than:\n  10L\nbut was:\n  " + plain.size() + "L");
        assertThatThrownBy(() -> assertThat(related).hasInlinePart("banner"))
                .hasMessageContaining("but its inline parts are:\n  (no name) (image/png, cid:logo@shop)");
    }

    @Test
    void nullMessageFailsWithAssertJsMessage() {
        assertThatThrownBy(() -> assertThat((ReceivedMessage) null).hasSubject("x"))
                .hasMessageContaining("Expecting actual not to be null");
    }
}
