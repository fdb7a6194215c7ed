package dev.letterbox.spring.app;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/** Sends one plain message through Boot's {@link JavaMailSender}, in the caller's thread or asynchronously. */
@Service
public class Notifier {
    /** The sender address of every notification. */
    public static final String FROM = "notify@shop.example";

    private final JavaMailSender sender;

    Notifier(JavaMailSender sender) {
        this.sender = sender;
    }

    /**
     * Sends now.
     *
     * @param to the recipient
     * @param subject the subject
     */
    public void send(String to, String subject) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(FROM);
        message.setTo(to);
        message.setSubject(subject);
        message.setText("Sent by " + Thread.currentThread().getName());
        sender.send(message);
    }

    /**
     * Sends in one of Spring's task executor threads; the caller returns at once.
     *
     * @param to the recipient
     * @param subject the subject
     */
    @Async
    public void sendLater(String to, String subject) {
        send(to, subject);
    }
}
