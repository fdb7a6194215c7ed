package dev.letterbox.deliverability;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.DkimResult.Failure;
import dev.letterbox.DkimSignature;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.security.interfaces.RSAPrivateKey;
import org.simplejavamail.converter.EmailConverter;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

/**
 * Mail signed by a Java signer used in the wild, Simple Java Mail's DKIM module (its signer, utils-mail-dkim), verifies; one
 * changed header or body byte fails with the right reason.
 */
class SimpleJavaMailDkimTest {
    private static SmtpServer server;
    private static KeyPair keys;

    @BeforeAll
    static void start() throws Exception {
        server = SmtpServer.start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * Signs a Simple Java Mail message with the signer of its DKIM module (utils-mail-dkim). The module itself insists on
     * looking the selector up in DNS before it signs, so the test drives its signer directly with that check off.
     */
    private static ReceivedMessage sendSigned(Canonicalization header, Canonicalization body, boolean length)
            throws Exception {
        MimeMessage message = EmailConverter.emailToMimeMessage(EmailBuilder.startingBlank()
                .from("Shop", "shop@example.com")
                .to("Ann", "ann@example.com")
                .withSubject("Your order has shipped")
                .withPlainText("Your order\t has shipped.  \n\n\n")
                .withHTMLText("<p>Your order has shipped.</p>")
                .buildEmail());
        DkimSigner signer = new DkimSigner("example.com", "sjm", (RSAPrivateKey) keys.getPrivate());
        signer.setCheckDomainKey(false);
        signer.setHeaderCanonicalization(header);
        signer.setBodyCanonicalization(body);
        signer.setLengthParam(length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DkimMessage(message, signer).writeTo(out);
        return Delivery.deliver(server, "", out.toByteArray());
    }

    private static ReceivedMessage redeliver(ReceivedMessage m, String from, String to) {
        String raw = new String(m.raw(), StandardCharsets.ISO_8859_1);
        assertThat(raw).contains(from);
        return Delivery.deliver(server, "", raw.replaceFirst(java.util.regex.Pattern.quote(from), to)
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "{0}/{1} l={2}")
    @CsvSource({"RELAXED, RELAXED, false", "SIMPLE, SIMPLE, false", "RELAXED, SIMPLE, true"})
    void simpleJavaMailSignedMailVerifiesAndATamperedCopyFailsWithTheRightReason(
            Canonicalization header, Canonicalization body, boolean length) throws Exception {
        ReceivedMessage signed = sendSigned(header, body, length);

        DkimSignature signature = signed.dkimSignatures().get(0);
        assertThat(signature.headerCanonicalization()).isEqualTo(header.name().toLowerCase());
        assertThat(signature.bodyCanonicalization()).isEqualTo(body.name().toLowerCase());
        assertThat(signed.verifyDkim("sjm", "example.com", keys.getPublic()).passed())
                .as("%s", signed.verifyDkim("sjm", "example.com", keys.getPublic())).isTrue();
        assertThat(signed).hasValidDkimSignature("example.com", keys.getPublic());

        ReceivedMessage headerChanged = redeliver(signed, "Subject: Your order", "Subject: Your 0rder");
        ReceivedMessage bodyChanged = redeliver(signed, "<p>Your order", "<p>Your 0rder");

        assertThat(headerChanged.verifyDkim("sjm", "example.com", keys.getPublic()).failure())
                .isEqualTo(Failure.HEADER_HASH_MISMATCH);
        assertThat(bodyChanged.verifyDkim("sjm", "example.com", keys.getPublic()).failure())
                .isEqualTo(Failure.BODY_HASH_MISMATCH);
    }
}
