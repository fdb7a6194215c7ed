package com.example.shop;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.Attachment;
import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;
import jakarta.mail.MessagingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@CaptureMail
class WelcomeMailerTest {

    @Test
    void welcomeMailGreetsTheCustomerAndCarriesTheTerms(Mailbox mailbox) throws Exception {
        new WelcomeMailer(mailbox.host(), mailbox.port()).welcome("Ann", "ann@example.com", "t0k3n");

        assertThat(mailbox.awaitMessage())
                .isFrom("hello@shop.example")
                .hasTo("ann@example.com")
                .hasSubject("Welcome, Ann")
                .hasTextBodyContaining("Confirm your address")
                .hasHtmlBodyContaining("<a href=")
                .hasAttachment("terms.pdf", terms -> terms.hasContentType("application/pdf"));
        mailbox.awaitNoMoreMessages(Duration.ofMillis(100));
    }

    @Test
    void htmlShowsTheLogoAsAnInlineImage(Mailbox mailbox) throws Exception {
        new WelcomeMailer(mailbox.host(), mailbox.port()).welcome("Eve", "eve@example.com", "e");

        ReceivedMessage welcome = mailbox.awaitMessage();

        assertThat(welcome)
                .hasHtmlBodyContaining("<img src=\"cid:logo@shop.example\"")
                .hasInlinePart("logo@shop.example")
                .hasAttachmentCount(1);
        Attachment logo = welcome.inlineParts().stream()
                .filter(part -> WelcomeMailer.LOGO_CONTENT_ID.equals(part.contentId()))
                .findFirst()
                .orElseThrow();
        assertThat(logo)
                .isInline()
                .hasContentType("image/png")
                .hasContentOfResource("com/example/shop/logo.png");
    }

    @Test
    void textAndHtmlAreAlternativesOfOneBody(Mailbox mailbox) throws Exception {
        new WelcomeMailer(mailbox.host(), mailbox.port()).welcome("Fay", "fay@example.com", "f");

        ReceivedMessage welcome = mailbox.awaitMessage();

        assertThat(welcome)
                .hasTextBody("Hello Fay,\n\nConfirm your address: https://shop.example/confirm?token=f\n")
                .hasHtmlBodyContaining("<p>Hello Fay,</p>");
        assertThat(welcome.structure()).containsSubsequence(
                "multipart/alternative", "text/plain", "multipart/related", "text/html", "image/png", "application/pdf");
    }

    @Test
    void auditBoxGetsABlindCopy(Mailbox mailbox) throws Exception {
        new WelcomeMailer(mailbox.host(), mailbox.port()).welcome("Bob", "bob@example.com", "b0b");

        assertThat(mailbox.awaitMessage())
                .hasRecipients("bob@example.com", "audit@shop.example")
                .hasBcc("audit@shop.example");
        assertThat(mailbox.messages().get(0).headers("Bcc")).as("Bcc headers").isEmpty();
    }

    @Test
    void confirmationLinkCarriesTheToken(Mailbox mailbox) throws Exception {
        new WelcomeMailer(mailbox.host(), mailbox.port()).welcome("Cy", "cy@example.com", "c3y42");

        ReceivedMessage welcome = mailbox.awaitMessage();

        assertThat(welcome).hasLinkMatching("https://shop\\.example/confirm\\?token=c3y42");
        assertThat(welcome.links()).first().asString().endsWith("token=c3y42");
    }

    @Test
    void sendingFailsWhenTheServerIsGone(Mailbox mailbox) {
        WelcomeMailer mailer = new WelcomeMailer(mailbox.host(), 1);

        assertThatThrownBy(() -> mailer.welcome("Dee", "dee@example.com", "d"))
                .isInstanceOf(MessagingException.class);
        assertThat(mailbox).isEmpty();
    }
}
