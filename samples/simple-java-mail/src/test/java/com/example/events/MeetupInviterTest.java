package com.example.events;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Attachment;
import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

@CaptureMail
class MeetupInviterTest {
    private static final byte[] AGENDA = "%PDF-1.7 agenda".getBytes(StandardCharsets.US_ASCII);
    private static final Meetup MEETUP = new Meetup("jm-2026-12@meetup.example", "Java Meetup: Records in practice",
            "Room 4, Tech Hub", ZonedDateTime.of(2026, 12, 10, 18, 30, 0, 0, ZoneId.of("Europe/Berlin")),
            Duration.ofHours(2), AGENDA);

    @Test
    void invitationTellsTheAttendeeWhatAndWhere(Mailbox mailbox) {
        new MeetupInviter(mailbox.host(), mailbox.port()).invite(MEETUP, "Ann Lee", "ann@example.com");

        assertThat(mailbox.awaitMessage())
                .isFrom("no-reply@meetup.example")
                .hasTo("ann@example.com")
                .hasSubject("Invitation: Java Meetup: Records in practice")
                .hasTextBodyContaining("you are invited to Java Meetup: Records in practice at Room 4, Tech Hub")
                .hasHtmlBodyContaining("<b>Java Meetup: Records in practice</b>");
    }

    @Test
    void repliesGoToTheOrganiserNotToTheSender(Mailbox mailbox) {
        new MeetupInviter(mailbox.host(), mailbox.port()).invite(MEETUP, "Ann Lee", "ann@example.com");

        ReceivedMessage invitation = mailbox.awaitMessage();

        assertThat(invitation.replyTo()).containsExactly("organiser@meetup.example");
        assertThat(invitation).hasHeader("Reply-To", "Meetup organiser <organiser@meetup.example>");
    }

    @Test
    void archiveGetsABlindCopy(Mailbox mailbox) {
        new MeetupInviter(mailbox.host(), mailbox.port()).invite(MEETUP, "Bo", "bo@example.com");

        ReceivedMessage invitation = mailbox.awaitMessage();

        assertThat(invitation)
                .hasRecipients("bo@example.com", "archive@meetup.example")
                .hasBcc("archive@meetup.example");
        assertThat(invitation.headers("Bcc")).as("Bcc headers").isEmpty();
    }

    @Test
    void agendaIsAttachedAsPdf(Mailbox mailbox) {
        new MeetupInviter(mailbox.host(), mailbox.port()).invite(MEETUP, "Ann Lee", "ann@example.com");

        assertThat(mailbox.awaitMessage()).hasAttachment("agenda.pdf", agenda -> agenda
                .hasContentType("application/pdf")
                .hasContent(AGENDA));
    }

    @Test
    void calendarInviteRequestsTheAttendeeForTheMeetup(Mailbox mailbox) {
        new MeetupInviter(mailbox.host(), mailbox.port()).invite(MEETUP, "Ann Lee", "ann@example.com");

        ReceivedMessage invitation = mailbox.awaitMessage();
        Attachment invite = invitation.parts("text/calendar").get(0);

        assertThat(invitation).hasAttachmentCount(1).hasPart("text/calendar", ics -> ics
                .hasTextContentContaining("METHOD:REQUEST"));
        assertThat(invite).hasContentType("text/calendar; method=REQUEST; charset=UTF-8");
        assertThat(invite.disposition()).as("an invite, not a file to save").isNull();
        assertThat(invite.fileName()).isNull();
        List<String> lines = invite.text().lines().toList();
        assertThat(lines).startsWith("BEGIN:VCALENDAR").contains(
                "METHOD:REQUEST",
                "UID:jm-2026-12@meetup.example",
                "DTSTART:20261210T173000Z",
                "DTEND:20261210T193000Z",
                "SUMMARY:Java Meetup: Records in practice",
                "ORGANIZER;CN=Meetup organiser:mailto:organiser@meetup.example",
                "ATTENDEE;CN=Ann Lee;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:ann@example.com");
    }

    @Test
    void eachAttendeeGetsAnInviteOfTheirOwn(Mailbox mailbox) {
        MeetupInviter inviter = new MeetupInviter(mailbox.host(), mailbox.port());

        inviter.invite(MEETUP, "Ann Lee", "ann@example.com");
        inviter.invite(MEETUP, "Bo", "bo@example.com");

        mailbox.awaitMessages(2);
        assertThat(mailbox).hasMessageCount(2);
        assertThat(mailbox.messagesTo("bo@example.com").get(0).parts("text/calendar")).singleElement()
                .satisfies(invite -> assertThat(invite.text())
                        .contains("mailto:bo@example.com")
                        .doesNotContain("ann@example.com"));
    }
}
