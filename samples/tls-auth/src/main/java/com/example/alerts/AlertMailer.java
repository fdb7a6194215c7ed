package com.example.alerts;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * Sends operational alerts the way production mail code is usually configured: STARTTLS required, SMTP AUTH with a
 * user name and password from the application's configuration.
 */
public final class AlertMailer {
    private final Session session;
    private final String user;
    private final String password;

    /**
     * @param host the SMTP server
     * @param port its port
     * @param user the SMTP user name
     * @param password its password
     * @param trust how to trust the server's certificate: empty in production (the JVM's trust store), the test
     *     server's trust in tests
     */
    public AlertMailer(String host, int port, String user, String password, Properties trust) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", String.valueOf(port));
        p.setProperty("mail.smtp.auth", "true");
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.putAll(trust);
        this.session = Session.getInstance(p);
        this.user = user;
        this.password = password;
    }

    /**
     * Sends one alert.
     *
     * @param to the on-call address
     * @param subject the subject
     * @param text the body
     * @throws MessagingException if the server refuses the login or the message
     */
    public void send(String to, String subject, String text) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alerts@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("[ALERT] " + subject);
        message.setText(text);
        Transport.send(message, user, password);
    }
}
