package com.example.orders;

import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.apache.commons.mail2.core.EmailException;
import org.apache.commons.mail2.jakarta.EmailAttachment;
import org.apache.commons.mail2.jakarta.HtmlEmail;

/**
 * Confirms an order with Apache Commons Email: an HTML body showing the shop's logo as an embedded image, a text
 * alternative, and the invoice as a PDF attachment whose German file name is sent as an RFC 2047 encoded word.
 */
public final class OrderConfirmationMailer {
    private static final String SHOP = "orders@roesterei.example";

    private final String smtpHost;
    private final int smtpPort;
    private final byte[] logo;

    /**
     * @param smtpHost the SMTP relay host
     * @param smtpPort the SMTP relay port
     */
    public OrderConfirmationMailer(String smtpHost, int smtpPort) {
        this.smtpHost = smtpHost;
        this.smtpPort = smtpPort;
        this.logo = resource("logo.png");
    }

    /**
     * Sends the confirmation of one order.
     *
     * @param customerName the customer's name, as greeted
     * @param customerAddress the customer's address
     * @param orderNumber the order number, in the subject and the invoice's file name
     * @param invoicePdf the invoice
     * @return the Message-ID of the mail sent
     * @throws EmailException if the mail cannot be built or sent
     */
    public String confirm(String customerName, String customerAddress, String orderNumber, byte[] invoicePdf)
            throws EmailException {
        HtmlEmail email = new HtmlEmail();
        email.setHostName(smtpHost);
        email.setSmtpPort(smtpPort);
        email.setSocketConnectionTimeout(Duration.ofSeconds(5));
        email.setSocketTimeout(Duration.ofSeconds(10));
        email.setCharset("UTF-8");
        email.setFrom(SHOP, "Kaffeerösterei Körner");
        email.addTo(customerAddress, customerName);
        email.addBcc("buchhaltung@roesterei.example");
        email.setSubject("Ihre Bestellung " + orderNumber + " ist bestätigt");

        String logoCid = email.embed(new ByteArrayDataSource(logo, "image/png"), "logo.png");
        email.setHtmlMsg("<html><body><img src=\"cid:" + logoCid + "\" alt=\"Kaffeerösterei Körner\">"
                + "<p>Guten Tag " + customerName + ",</p>"
                + "<p>vielen Dank für Ihre Bestellung " + orderNumber + ". Die Rechnung liegt bei.</p>"
                + "</body></html>");
        email.setTextMsg("Guten Tag " + customerName + ",\n\nvielen Dank für Ihre Bestellung " + orderNumber
                + ". Die Rechnung liegt bei.\n");
        email.attach(new ByteArrayDataSource(invoicePdf, "application/pdf"), invoiceFileName(orderNumber),
                "Rechnung", EmailAttachment.ATTACHMENT);
        return email.send();
    }

    /**
     * The invoice's file name for an order.
     *
     * @param orderNumber the order number
     * @return the file name, with non-ASCII letters
     */
    public static String invoiceFileName(String orderNumber) {
        return "Rechnung-" + orderNumber + "-Kaffeerösterei.pdf";
    }

    private static byte[] resource(String name) {
        try (InputStream in = OrderConfirmationMailer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
