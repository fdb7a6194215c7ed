package dev.letterbox;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every part of a message by media type: a calendar invitation sent as Outlook does (text, HTML and text/calendar as
 * alternatives, the .ics also attached), with an inline logo, sent through Jakarta Mail.
 */
class MessagePartsTest {
    private static final String ICS = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Kick-off\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    private static SmtpServer server;
    private static ReceivedMessage invitation;

    @BeforeAll
    static void sendInvitation() throws Exception {
        server = SmtpServer.start();
        MimeMessage message = new MimeMessage(server.mailbox().session());
        message.setFrom(new InternetAddress("calendar@shop.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
        message.setSubject("Invitation: Kick-off");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("You are invited.", "UTF-8");
        alternative.addBodyPart(text);
        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>You are invited.</p><img src=\"cid:logo@shop\">", "UTF-8", "html");
        related.addBodyPart(html);
        MimeBodyPart logo = new MimeBodyPart();
        logo.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(PNG, "image/png")));
        logo.setContentID("<logo@shop>");
        logo.setDisposition(Part.INLINE);
        related.addBodyPart(logo);
        MimeBodyPart htmlWithLogo = new MimeBodyPart();
        htmlWithLogo.setContent(related);
        alternative.addBodyPart(htmlWithLogo);
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setContent(ICS, "text/calendar; charset=UTF-8; method=REQUEST");
        alternative.addBodyPart(calendar);

        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        mixed.addBodyPart(body);
        MimeBodyPart ics = new MimeBodyPart();
        ics.setContent(ICS, "application/ics; name=invite.ics");
        ics.setFileName("invite.ics");
        ics.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(ics);
        message.setContent(mixed);

        Transport.send(message);
        invitation = server.mailbox().awaitMessage();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCalendarAlternativeIsAPartButNotAnAttachment() {
        assertThat(invitation.attachments()).extracting(Attachment::fileName).containsExactly("invite.ics");
        assertThat(invitation.inlineParts()).extracting(Attachment::contentId).containsExactly("logo@shop");

        List<Attachment> calendars = invitation.parts("text/calendar");

        assertThat(calendars).hasSize(1);
        assertThat(calendars.get(0).contentType().parameter("method")).isEqualTo("REQUEST");
        assertThat(calendars.get(0).text()).contains("SUMMARY:Kick-off");
    }

    @Test
    void partsListsEveryLeafInOrder() {
        assertThat(invitation.parts()).extracting(p -> p.contentType().mimeType())
                .containsExactly("text/plain", "text/html", "image/png", "text/calendar", "application/ics");
        assertThat(invitation.parts("image/*")).singleElement().extracting(Attachment::contentId)
                .isEqualTo("logo@shop");
        assertThat(invitation.parts("TEXT/CALENDAR")).hasSize(1);
        assertThat(invitation.parts("application/pdf")).isEmpty();
    }

    @Test
    void attachmentsAndInlinePartsAreTheSameObjectsAsInParts() {
        assertThat(invitation.parts()).contains(invitation.attachments().get(0), invitation.inlineParts().get(0));
    }

    @Test
    void assertsOnAPartByTypeAndOnAnInlinePartByContentId() {
        assertThat(invitation)
                .hasPart("text/calendar", ics -> ics.hasTextContentContaining("METHOD:REQUEST"))
                .hasInlinePart("<logo@shop>", logo -> logo.hasContentType("image/png").hasContent(PNG))
                .hasAttachmentCount(1);
        assertThat(invitation).part("text/calendar").hasTextContentContaining("SUMMARY:Kick-off");
        assertThat(invitation).inlinePart("logo@shop").isInline().hasSize(PNG.length);
    }

    @Test
    void aMissingPartTypeFailsListingThePartsThereAre() {
        assertThatThrownBy(() -> assertThat(invitation).part("application/pdf"))
                .hasMessageContaining("to have part of type:\n  \"application/pdf\"")
                .hasMessageContaining("but its parts are:\n  (no name) (text/plain)\n  (no name) (text/html)\n")
                .hasMessageContaining("  (no name) (text/calendar)\n  \"invite.ics\" (application/ics, attachment)");
        assertThatThrownBy(() -> assertThat(invitation).hasInlinePart("banner", p -> p.isInline()))
                .hasMessageContaining("but its inline parts are:\n  (no name) (image/png, inline, cid:logo@shop)");
    }

    @Test
    void aPartThatFailsACheckSaysWhatItHolds() {
        assertThatThrownBy(() -> assertThat(invitation).part("text/calendar").hasTextContentContaining("CANCEL"))
                .hasMessageContaining("to have text content containing:\n  \"CANCEL\"")
                .hasMessageContaining("SUMMARY:Kick-off");
    }
}
