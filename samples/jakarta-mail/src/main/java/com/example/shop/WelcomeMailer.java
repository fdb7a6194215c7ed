package com.example.shop;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends the welcome mail of a small shop: a text body and an HTML alternative showing the shop's logo as an inline
 * {@code cid:} image, the terms as a PDF, and a Bcc to the audit box.
 */
public final class WelcomeMailer {
    /** The Content-ID of the logo, referenced by the HTML body as {@code cid:logo@shop.example}. */
    public static final String LOGO_CONTENT_ID = "logo@shop.example";

    private final Session session;

    /**
     * @param smtpHost the SMTP relay host
     * @param smtpPort the SMTP relay port
     */
    public WelcomeMailer(String smtpHost, int smtpPort) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", smtpHost);
        props.setProperty("mail.smtp.port", String.valueOf(smtpPort));
        props.setProperty("mail.smtp.connectiontimeout", "5000");
        props.setProperty("mail.smtp.timeout", "5000");
        this.session = Session.getInstance(props);
    }

    /**
     * Welcomes a new customer.
     *
     * @param name the customer's first name
     * @param address the customer's address
     * @param token the confirmation token for the link
     * @throws MessagingException if the mail cannot be sent
     */
    public void welcome(String name, String address, String token) throws MessagingException {
        String link = "https://shop.example/confirm?token=" + token;

        MimeBodyPart terms = new MimeBodyPart();
        terms.setContent("%PDF-1.4 terms of service".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        terms.setFileName("terms.pdf");
        terms.setDisposition(MimeBodyPart.ATTACHMENT);

        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("hello@shop.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
        message.setRecipient(Message.RecipientType.BCC, new InternetAddress("audit@shop.example"));
        message.setSubject("Welcome, " + name, "UTF-8");
        message.setContent(new MimeMultipart("mixed", body(name, link), terms));
        Transport.send(message);
    }

    /** Text, and HTML with the logo beside it: multipart/alternative of text/plain and multipart/related. */
    private static MimeBodyPart body(String name, String link) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello " + name + ",\n\nConfirm your address: " + link + "\n", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p><img src=\"cid:" + LOGO_CONTENT_ID + "\" alt=\"Shop\"></p><p>Hello " + name
                + ",</p><p><a href=\"" + link + "\">Confirm your address</a></p>", "text/html; charset=UTF-8");
        MimeBodyPart logo = new MimeBodyPart();
        logo.setDataHandler(new DataHandler(new ByteArrayDataSource(logoPng(), "image/png")));
        logo.setContentID("<" + LOGO_CONTENT_ID + ">");
        logo.setDisposition(MimeBodyPart.INLINE);
        logo.setFileName("logo.png");
        MimeBodyPart htmlWithLogo = new MimeBodyPart();
        htmlWithLogo.setContent(new MimeMultipart("related", html, logo));
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(new MimeMultipart("alternative", text, htmlWithLogo));
        return body;
    }

    private static byte[] logoPng() {
        try (InputStream in = WelcomeMailer.class.getResourceAsStream("logo.png")) {
            if (in == null) {
                throw new IllegalStateException("missing resource logo.png beside " + WelcomeMailer.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
