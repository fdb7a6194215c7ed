package dev.letterbox.junit;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Sends mail with Jakarta Mail, as the code under test in a user's project would. */
final class Mails {
    private Mails() {
    }

    static void send(Session session, String to, String subject) {
        try {
            MimeMessage msg = new MimeMessage(session);
            msg.setFrom(new InternetAddress("shop@example.com"));
            msg.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            msg.setSubject(subject, "UTF-8");
            msg.setText("Hello", "UTF-8");
            Transport.send(msg);
        } catch (MessagingException e) {
            throw new IllegalStateException("sending failed: " + e, e);
        }
    }
}
