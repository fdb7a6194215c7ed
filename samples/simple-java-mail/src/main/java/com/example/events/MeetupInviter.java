package com.example.events;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.simplejavamail.api.email.CalendarMethod;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;

/**
 * Invites attendees to a meetup with Simple Java Mail: a text and HTML invitation, a calendar invite
 * ({@code text/calendar; method=REQUEST}) that mail clients show with accept/decline buttons, the agenda as a PDF
 * attachment, replies going to the organiser and a blind copy to the organiser's archive.
 */
public final class MeetupInviter {
    static final String ORGANISER = "organiser@meetup.example";
    static final String NO_REPLY = "no-reply@meetup.example";
    static final String ARCHIVE = "archive@meetup.example";
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final Mailer mailer;

    /**
     * @param smtpHost the SMTP relay host
     * @param smtpPort the SMTP relay port
     */
    public MeetupInviter(String smtpHost, int smtpPort) {
        this.mailer = MailerBuilder
                .withSMTPServer(smtpHost, smtpPort)
                .withTransportStrategy(TransportStrategy.SMTP)
                .withSessionTimeout(10_000)
                .buildMailer();
    }

    /**
     * Sends one attendee the invitation to a meetup.
     *
     * @param meetup the meetup
     * @param attendeeName the attendee's name
     * @param attendeeAddress the attendee's address
     */
    public void invite(Meetup meetup, String attendeeName, String attendeeAddress) {
        Email invitation = EmailBuilder.startingBlank()
                .from("Java Meetup", NO_REPLY)
                .to(attendeeName, attendeeAddress)
                .bcc(ARCHIVE)
                .withReplyTo("Meetup organiser", ORGANISER)
                .withSubject("Invitation: " + meetup.title())
                .withPlainText("Hi " + attendeeName + ",\n\nyou are invited to " + meetup.title() + " at "
                        + meetup.location() + ". The agenda is attached.\n")
                .withHTMLText("<p>Hi " + attendeeName + ",</p><p>you are invited to <b>" + meetup.title()
                        + "</b> at " + meetup.location() + ". The agenda is attached.</p>")
                .withCalendarText(CalendarMethod.REQUEST, calendar(meetup, attendeeName, attendeeAddress))
                .withAttachment("agenda.pdf", meetup.agendaPdf(), "application/pdf")
                .buildEmail();
        mailer.sendMail(invitation).join();
    }

    private static String calendar(Meetup meetup, String attendeeName, String attendeeAddress) {
        ZonedDateTime start = meetup.start().withZoneSameInstant(ZoneOffset.UTC);
        return String.join("\r\n",
                "BEGIN:VCALENDAR",
                "PRODID:-//Example//Meetup Inviter//EN",
                "VERSION:2.0",
                "METHOD:REQUEST",
                "BEGIN:VEVENT",
                "UID:" + meetup.uid(),
                "DTSTAMP:" + ICS_UTC.format(ZonedDateTime.now(ZoneOffset.UTC)),
                "DTSTART:" + ICS_UTC.format(start),
                "DTEND:" + ICS_UTC.format(start.plus(meetup.length())),
                "SUMMARY:" + meetup.title(),
                "LOCATION:" + meetup.location(),
                "ORGANIZER;CN=Meetup organiser:mailto:" + ORGANISER,
                "ATTENDEE;CN=" + attendeeName + ";ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:" + attendeeAddress,
                "END:VEVENT",
                "END:VCALENDAR",
                "");
    }
}
