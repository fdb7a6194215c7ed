package com.example.newsletter;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

/**
 * Sends a newsletter the way bulk senders must since Gmail's and Yahoo's 2024 sender rules: one message per
 * subscriber, DKIM-signed by the sending domain, with a one-click unsubscribe (RFC 8058) and Message-IDs of the
 * sending domain.
 */
public final class NewsletterMailer {
    private final Session session;
    private final String from;
    private final String domain;
    private final DkimSigner signer;
    private final UnaryOperator<String> unsubscribeLink;

    /**
     * @param session the mail session, pointed at the SMTP relay
     * @param from the sender address, such as {@code news@shop.example}
     * @param domain the domain of the Message-IDs and the DKIM signature
     * @param selector the DKIM selector whose public key the domain publishes
     * @param key the selector's private key
     * @param unsubscribeLink the one-click unsubscribe URL of a subscriber
     */
    public NewsletterMailer(Session session, String from, String domain, String selector, RSAPrivateKey key,
            UnaryOperator<String> unsubscribeLink) {
        this.session = session;
        this.unsubscribeLink = unsubscribeLink;
        this.from = from;
        this.domain = domain;
        this.signer = new DkimSigner(domain, selector, key);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        signer.setCheckDomainKey(false); // the signer would look the selector up in DNS first
    }

    /**
     * Sends one issue to every subscriber, each their own message.
     *
     * @param subscribers the addresses
     * @param subject the subject
     * @param text the plain-text version
     * @param html the HTML version
     * @throws MessagingException if the relay refuses a message
     */
    public void send(List<String> subscribers, String subject, String text, String html) throws MessagingException {
        for (String subscriber : subscribers) {
            MimeMessage message = new DomainMessageIds(session, domain);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(subscriber));
            message.setSubject(subject, "UTF-8");
            String unsubscribe = unsubscribeLink.apply(subscriber);
            message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text + "\n\nUnsubscribe: " + unsubscribe + "\n", "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html + "<p><a href=\"" + unsubscribe + "\">Unsubscribe</a></p>", "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", plain, rich));
            message.saveChanges();

            Transport.send(new DkimMessage(message, signer) {
                @Override
                protected void updateMessageID() {
                    // keep the Message-ID of the sending domain: by default Transport.send's saveChanges() would
                    // replace it with one of this host's name (the test caught it: "...@localhost")
                }
            });
        }
    }

    /** A message whose Message-ID names the sending domain, not the host the JVM runs on. */
    private static final class DomainMessageIds extends MimeMessage {
        private final String domain;

        DomainMessageIds(Session session, String domain) {
            super(session);
            this.domain = domain;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
        }
    }
}
