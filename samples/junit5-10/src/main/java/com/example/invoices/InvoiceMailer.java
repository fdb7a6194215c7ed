package com.example.invoices;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;

/** Mails an invoice: a short text, the line items as a CSV attachment, a copy to accounting, replies to billing. */
public final class InvoiceMailer {
    private final Session session;

    /**
     * @param smtp the Jakarta Mail properties that point at the SMTP relay
     */
    public InvoiceMailer(Properties smtp) {
        this.session = Session.getInstance(smtp);
    }

    /**
     * Sends one invoice.
     *
     * @param number the invoice number
     * @param customer the customer's address
     * @param csv the line items
     * @throws MessagingException if the mail cannot be sent
     */
    public void send(int number, String customer, String csv) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Please find invoice " + number + " attached.\n", "UTF-8");
        MimeBodyPart items = new MimeBodyPart();
        items.setText(csv, "UTF-8", "csv");
        items.setFileName("invoice-" + number + ".csv");
        items.setDisposition(MimeBodyPart.ATTACHMENT);

        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("Billing <billing@shop.example>"));
        message.setReplyTo(new InternetAddress[] {new InternetAddress("support@shop.example")});
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(customer));
        message.setRecipient(Message.RecipientType.CC, new InternetAddress("accounting@shop.example"));
        message.setSubject("Invoice " + number, "UTF-8");
        message.setContent(new MimeMultipart("mixed", text, items));
        Transport.send(message);
    }
}
