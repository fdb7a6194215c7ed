package com.example.shop;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/** Mails order confirmations: an HTML body with the shop's logo inline, a text alternative, the invoice as a PDF. */
@Service
public class OrderMailer {
    private final JavaMailSender sender;
    private final String from;

    OrderMailer(JavaMailSender sender, @Value("${shop.mail.from}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /**
     * Sends the confirmation of an order, in the caller's thread.
     *
     * @param order the order
     */
    public void sendConfirmation(Order order) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            helper.setFrom(from);
            helper.setTo(order.customerEmail());
            helper.setSubject("Your order " + order.number());
            helper.setText("Thank you, " + order.customerName() + ". Your invoice is attached.",
                    "<img src=\"cid:logo\"><p>Thank you, " + order.customerName() + ".</p>"
                            + "<p>Your invoice for order " + order.number() + " is attached.</p>");
            helper.addInline("logo", new ClassPathResource("mail/logo.png"), "image/png");
            helper.addAttachment("invoice-" + order.number() + ".pdf", new ClassPathResource("mail/invoice.pdf"),
                    "application/pdf");
        } catch (MessagingException e) {
            throw new MailPreparationException("cannot build the confirmation of order " + order.number(), e);
        }
        sender.send(message);
    }
}
