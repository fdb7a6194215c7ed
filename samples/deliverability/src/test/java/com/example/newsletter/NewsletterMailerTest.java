package com.example.newsletter;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;
import jakarta.mail.SendFailedException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@CaptureMail
class NewsletterMailerTest {
    private static KeyPair keys;

    @BeforeAll
    static void makeTheSelectorsKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    private static NewsletterMailer mailer(Mailbox mailbox, UnaryOperator<String> unsubscribeLink) {
        return new NewsletterMailer(mailbox.session(), "news@shop.example", "shop.example", "news2026",
                (RSAPrivateKey) keys.getPrivate(), unsubscribeLink);
    }

    private static NewsletterMailer mailer(Mailbox mailbox) {
        return mailer(mailbox, subscriber -> "https://shop.example/unsubscribe?u="
                + URLEncoder.encode(subscriber, StandardCharsets.UTF_8));
    }

    @Test
    void everySubscriberGetsASignedMessageNoProviderWouldRefuse(Mailbox mailbox) throws Exception {
        mailer(mailbox).send(List.of("ann@example.com", "bob@example.org"), "Spring sale – 20 % off",
                "Everything is cheaper this week.", "<h1>Spring sale</h1><p>Everything is cheaper this week.</p>");

        mailbox.awaitMessages(2);
        assertThat(mailbox).hasMessageCount(2).allMessagesAreDeliverable().allMessages(message -> message
                .hasNoViolations()
                .hasValidDkimSignature("shop.example", keys.getPublic())
                .hasSubject("Spring sale – 20 % off"));
    }

    @Test
    void eachMessageCarriesAOneClickUnsubscribeForItsSubscriber(Mailbox mailbox) throws Exception {
        mailer(mailbox).send(List.of("ann@example.com"), "News", "Hello.", "<p>Hello.</p>");

        ReceivedMessage message = mailbox.awaitMessage();
        assertThat(message)
                .hasHeader("List-Unsubscribe", "<https://shop.example/unsubscribe?u=ann%40example.com>")
                .hasHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .hasLinkMatching("^https://shop\\.example/unsubscribe\\?u=ann%40example\\.com$");
        assertThat(message.messageId()).endsWith("@shop.example");
    }

    @Test
    void theSignatureCoversTheSubject(Mailbox mailbox) throws Exception {
        mailer(mailbox).send(List.of("ann@example.com"), "News", "Hello.", "<p>Hello.</p>");
        ReceivedMessage signed = mailbox.awaitMessage();

        // a relay that rewrote the subject (a "[SPAM]" tag, say) would break the signature
        assertThat(signed.verifyDkim("news2026", "shop.example", keys.getPublic()).passed()).isTrue();
        assertThat(signed.dkimSignatures()).singleElement().satisfies(signature -> assertThat(signature.signedHeaders())
                .anySatisfy(header -> assertThat(header).isEqualToIgnoringCase("subject")));
    }

    /** Strict mode refuses what Gmail refuses, so the sending code fails here as it would there. */
    @Nested
    @CaptureMail(strict = true)
    class InStrictMode {
        @Test
        void anUnsubscribeLinkTooLongForOneHeaderLineIsRefused(Mailbox mailbox) {
            // a signed token with many claims: List-Unsubscribe becomes one header line of over 998 octets, which
            // Jakarta Mail cannot fold (a URL has no white space) and receivers refuse
            NewsletterMailer withLongTokens = mailer(mailbox,
                    subscriber -> "https://shop.example/unsubscribe?token=" + "eyJhbGciOiJSUzI1NiJ9".repeat(50));

            assertThatThrownBy(() -> withLongTokens.send(List.of("ann@example.com"), "News", "Hello.", "<p>Hi.</p>"))
                    .isInstanceOf(SendFailedException.class)
                    .hasMessageContaining("550 5.6.0 Message refused (strict mode): HEADER_LINE_TOO_LONG");
            assertThat(mailbox).isEmpty();
        }
    }
}
