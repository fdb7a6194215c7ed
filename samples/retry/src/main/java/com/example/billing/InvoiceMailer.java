package com.example.billing;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends invoices, retrying transient failures: a 4xx reply or a broken connection is tried again after a backoff
 * that doubles each time; a 5xx reply is final. What a billing service does so an invoice survives a busy mail relay.
 */
public final class InvoiceMailer {
    private final Session session;
    private final int maxAttempts;
    private final Duration firstBackoff;

    /**
     * @param smtp the Jakarta Mail properties of the relay (mail.smtp.host, mail.smtp.port, timeouts)
     * @param maxAttempts how many times to try at most
     * @param firstBackoff the wait before the second attempt; it doubles for each further one
     */
    public InvoiceMailer(Properties smtp, int maxAttempts, Duration firstBackoff) {
        this.session = Session.getInstance(smtp);
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
    }

    /**
     * Sends one invoice.
     *
     * @return how many attempts it took
     * @throws MessagingException the last failure, if every attempt failed or a failure was permanent
     */
    public int send(String customer, String invoiceNumber) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("billing@shop.example"));
        message.setRecipients(MimeMessage.RecipientType.TO, customer);
        message.setSubject("Invoice " + invoiceNumber);
        message.setText("Dear customer,\n\nplease find your invoice " + invoiceNumber + " in your account.\n");
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                Transport.send(message);
                return attempt;
            } catch (MessagingException e) {
                if (!isTransient(e) || attempt == maxAttempts) {
                    throw e;
                }
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2);
        }
    }

    /**
     * 4xx replies and broken connections are worth another try; 5xx replies are not. A connection dropped in the middle
     * of a command shows as an SMTPSendFailedException without a reply code ({@code [EOF]}): that is transient too.
     */
    static boolean isTransient(MessagingException e) {
        for (Exception cause = e; cause != null; cause = next(cause)) {
            if (cause instanceof SMTPSendFailedException s) {
                return s.getReturnCode() < 0 || s.getReturnCode() >= 400 && s.getReturnCode() < 500;
            }
            if (cause instanceof SMTPAddressFailedException a) {
                return a.getReturnCode() >= 400 && a.getReturnCode() < 500;
            }
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static Exception next(Exception e) {
        if (e instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return e.getCause() instanceof Exception c ? c : null;
    }

    private static void sleep(Duration d) throws MessagingException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while waiting to retry", e);
        }
    }
}
