package com.example.shop;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/** Tells the customer that the order has shipped, in the background: the caller does not wait for the mail. */
@Service
public class ShippingNotifier {
    private final JavaMailSender sender;
    private final String from;

    ShippingNotifier(JavaMailSender sender, @Value("${shop.mail.from}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /**
     * Sends the shipping notice in one of Spring's task threads; returns at once.
     *
     * @param order the order that shipped
     * @param trackingCode the carrier's tracking code
     */
    @Async
    public void orderShipped(Order order, String trackingCode) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(order.customerEmail());
        message.setSubject("Order " + order.number() + " has shipped");
        message.setText("Track it at https://track.carrier.example/" + trackingCode);
        sender.send(message);
    }
}
