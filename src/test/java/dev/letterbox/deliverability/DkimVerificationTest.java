package dev.letterbox.deliverability;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.DkimResult;
import dev.letterbox.DkimResult.Failure;
import dev.letterbox.DkimSignature;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DKIM verification against mail signed by an independent signer (dkimpy, see src/test/resources/dkim/README.md):
 * each signed message verifies with the published key; one changed header or body byte fails with the right reason.
 */
class DkimVerificationTest {
    private static SmtpServer server;
    private static PublicKey rsa;
    private static PublicKey ed25519;

    @BeforeAll
    static void start() {
        server = SmtpServer.start();
        rsa = DkimSignature.keyFromDnsRecord(resource("rsa.dns"));
        ed25519 = DkimSignature.keyFromDnsRecord(resource("ed25519.dns"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String resource(String name) {
        try (InputStream in = DkimVerificationTest.class.getResourceAsStream("/dkim/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReceivedMessage deliver(String text) {
        return Delivery.deliver(server, "BODY=8BITMIME", text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static PublicKey key(String selector) {
        return selector.equals("ed") ? ed25519 : rsa;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rsa-relaxed-simple.eml, mail, rsa-sha256, relaxed, simple",
        "rsa-simple-simple.eml, mail, rsa-sha256, simple, simple",
        "rsa-relaxed-relaxed-length.eml, mail, rsa-sha256, relaxed, relaxed",
        "ed25519-relaxed-relaxed.eml, ed, ed25519-sha256, relaxed, relaxed"})
    void mailSignedByDkimpyVerifies(String file, String selector, String algorithm, String headerCanon,
                                    String bodyCanon) {
        ReceivedMessage message = deliver(resource(file));

        DkimResult result = message.verifyDkim(selector, "example.com", key(selector));

        assertThat(result.passed()).as("%s", result).isTrue();
        DkimSignature signature = message.dkimSignatures().get(0);
        assertThat(signature.algorithm()).isEqualTo(algorithm);
        assertThat(signature.headerCanonicalization()).isEqualTo(headerCanon);
        assertThat(signature.bodyCanonicalization()).isEqualTo(bodyCanon);
        assertThat(signature.signedHeaders()).containsExactly("from", "to", "subject", "date", "message-id",
                "reply-to");
        assertThat(result.signature()).isEqualTo(signature);
        assertThat(message).hasValidDkimSignature("example.com", key(selector)).hasValidDkimSignature("EXAMPLE.com");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rsa-relaxed-simple.eml, mail", "rsa-simple-simple.eml, mail", "ed25519-relaxed-relaxed.eml, ed"})
    void oneChangedBodyByteFailsTheBodyHash(String file, String selector) {
        ReceivedMessage message = deliver(resource(file).replace("your order", "your 0rder"));

        DkimResult result = message.verifyDkim(selector, "example.com", key(selector));

        assertThat(result.failure()).as("%s", result).isEqualTo(Failure.BODY_HASH_MISMATCH);
        assertThat(result.signedHash()).isEqualTo(message.dkimSignatures().get(0).bodyHash());
        assertThat(result.computedHash()).isNotEqualTo(result.signedHash());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rsa-relaxed-simple.eml, mail", "rsa-simple-simple.eml, mail", "ed25519-relaxed-relaxed.eml, ed"})
    void oneChangedSignedHeaderByteFailsTheHeaderHash(String file, String selector) {
        ReceivedMessage message = deliver(resource(file).replace("Subject: Your", "Subject: Y0ur"));

        DkimResult result = message.verifyDkim(selector, "example.com", key(selector));

        assertThat(result.failure()).as("%s", result).isEqualTo(Failure.HEADER_HASH_MISMATCH);
        assertThat(result.computedHash()).isNotNull();
    }

    @Test
    void rsaHeaderMismatchShowsTheSignedAndTheComputedHeaderHash() {
        ReceivedMessage message = deliver(resource("rsa-relaxed-simple.eml").replace("To: Ann", "To: Anna"));

        assertThatThrownBy(() -> assertThat(message).hasValidDkimSignature("example.com", rsa))
                .hasMessageContaining("to have a valid DKIM signature by example.com")
                .hasMessageContaining("but HEADER_HASH_MISMATCH: the signed header fields changed")
                .hasMessageMatching("(?s).*\n  signed:   [A-Za-z0-9+/=]{44}\n  computed: [A-Za-z0-9+/=]{44}\n.*");
    }

    @Test
    void relaxedCanonicalizationToleratesReFoldingAndWhiteSpaceThatSimpleDoesNot() {
        String refolded = "Subject: Your order has shipped";

        ReceivedMessage relaxed = deliver(resource("rsa-relaxed-simple.eml")
                .replace("Subject: Your   order\r\n  has shipped", refolded));
        ReceivedMessage simple = deliver(resource("rsa-simple-simple.eml")
                .replace("Subject: Your   order\r\n  has shipped", refolded));

        assertThat(relaxed.verifyDkim("mail", "example.com", rsa).passed()).isTrue();
        assertThat(simple.verifyDkim("mail", "example.com", rsa).failure()).isEqualTo(Failure.HEADER_HASH_MISMATCH);
    }

    @Test
    void aSignedHeaderThatWasMissingMustStayMissing() {
        // h= names Reply-To, which the signed message did not have: adding one changes the header hash
        String signed = resource("rsa-relaxed-simple.eml");
        ReceivedMessage added = deliver(signed.replace("MIME-Version: 1.0\r\n",
                "MIME-Version: 1.0\r\nReply-To: evil@example.net\r\n"));
        ReceivedMessage unsignedAdded = deliver(signed.replace("MIME-Version: 1.0\r\n",
                "MIME-Version: 1.0\r\nX-Mailer: anything\r\n"));

        assertThat(added.verifyDkim("mail", "example.com", rsa).failure()).isEqualTo(Failure.HEADER_HASH_MISMATCH);
        assertThat(unsignedAdded.verifyDkim("mail", "example.com", rsa).passed()).isTrue();
    }

    @Test
    void bodyLengthLimitLeavesAppendedContentUnsigned() {
        String signed = resource("rsa-relaxed-relaxed-length.eml");
        ReceivedMessage appended = deliver(signed + "-- \r\nappended by a mailing list\r\n");

        DkimResult result = appended.verifyDkim("mail", "example.com", rsa);

        assertThat(appended.dkimSignatures().get(0).bodyLength()).isEqualTo(37L);
        assertThat(result.passed()).as("%s", result).isTrue();
    }

    @Test
    void anotherKeyIsAKeyMismatch() throws Exception {
        ReceivedMessage message = deliver(resource("rsa-relaxed-simple.eml"));
        PublicKey other = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();

        assertThat(message.verifyDkim("mail", "example.com", other).failure()).isEqualTo(Failure.KEY_MISMATCH);
        assertThat(message.verifyDkim("mail", "example.com", ed25519).failure()).isEqualTo(Failure.KEY_MISMATCH);
    }

    @Test
    void anUnknownSelectorOrDomainHasNoSignatureAndSaysWhichThereAre() {
        ReceivedMessage message = deliver(resource("ed25519-relaxed-relaxed.eml"));

        DkimResult result = message.verifyDkim("mail", "example.org", rsa);

        assertThat(result.failure()).isEqualTo(Failure.NO_SIGNATURE);
        assertThat(result.detail()).isEqualTo("no DKIM-Signature with d=example.org s=mail; its signatures: "
                + "[d=example.com s=ed a=ed25519-sha256 c=relaxed/relaxed h=from:to:subject:date:message-id:reply-to]");
        assertThatThrownBy(() -> assertThat(message).hasValidDkimSignature("example.org", rsa))
                .hasMessageContaining("but NO_SIGNATURE: no DKIM-Signature with d=example.org");
    }

    @Test
    void withoutAKeyTheBodyHashIsStillChecked() {
        ReceivedMessage changed = deliver(resource("rsa-relaxed-simple.eml").replace("your order", "your 0rder"));

        assertThatThrownBy(() -> assertThat(changed).hasValidDkimSignature("example.com"))
                .hasMessageContaining("but BODY_HASH_MISMATCH: the body hash does not match")
                .hasMessageContaining("\n  signed:   " + changed.dkimSignatures().get(0).bodyHash() + "\n");
    }

    /** Signs by hand with simple/simple (the canonical form is the text itself), so x= can be chosen. */
    private static String signedUntil(java.security.KeyPair keys, long expires) throws Exception {
        String headers = "From: shop@example.com\r\nSubject: Expiring\r\n";
        String body = "Hi\r\n";
        String bh = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.US_ASCII)));
        String field = "DKIM-Signature: v=1; a=rsa-sha256; c=simple/simple; d=example.com; s=old; t=1000000000;"
                + " x=" + expires + "; h=from:subject; bh=" + bh + "; b=";
        java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((headers + field).getBytes(StandardCharsets.US_ASCII));
        String b = java.util.Base64.getEncoder().encodeToString(rsa.sign());
        return field + b + "\r\n" + headers + "\r\n" + body;
    }

    @Test
    void aSignatureWhoseExpirationPassedIsExpired() throws Exception {
        java.security.KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        ReceivedMessage expired = deliver(signedUntil(keys, 1000000100L));
        ReceivedMessage current = deliver(signedUntil(keys, 4000000000L));

        DkimResult result = expired.verifyDkim("old", "example.com", keys.getPublic());

        assertThat(current.verifyDkim("old", "example.com", keys.getPublic()).passed()).isTrue();
        assertThat(result.failure()).isEqualTo(Failure.EXPIRED);
        assertThat(result.detail()).startsWith("the signature expired at 2001-09-09T01:48:20Z (x=); it is now ");
        assertThat(expired.dkimSignatures().get(0).expiresAt()).isEqualTo(java.time.Instant.ofEpochSecond(1000000100L));
    }

    @Test
    void rsaSha1IsRefusedAsObsolete() {
        ReceivedMessage message = deliver(resource("rsa-relaxed-simple.eml").replace("a=rsa-sha256", "a=rsa-sha1"));

        DkimResult result = message.verifyDkim("mail", "example.com", rsa);

        assertThat(result.failure()).isEqualTo(Failure.UNSUPPORTED_ALGORITHM);
        assertThat(result.detail()).contains("RFC 8301");
    }

    @Test
    void aSignatureWithoutRequiredTagsIsMalformed() {
        ReceivedMessage message = deliver("DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=mail; h=from\r\n"
                + "From: shop@example.com\r\n\r\nHi\r\n");

        DkimResult result = message.verifyDkim("mail", "example.com", rsa);

        assertThat(result.failure()).isEqualTo(Failure.MALFORMED_SIGNATURE);
        assertThat(result.detail()).contains("[b=, bh=]");
        assertThat(message.dkimSignatures()).hasSize(1);
    }

    @Test
    void aRevokedOrBrokenKeyRecordIsRefusedWithTheRecordInTheMessage() {
        assertThatThrownBy(() -> DkimSignature.keyFromDnsRecord("v=DKIM1; k=rsa; p="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the DKIM key record has no key (p= is missing or empty, which means revoked):"
                        + " v=DKIM1; k=rsa; p=");
        assertThatThrownBy(() -> DkimSignature.keyFromDnsRecord("v=DKIM1; k=ed25519; p=AAAA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the DKIM key record's p= is not an ed25519 public key");
    }

    @Test
    void unsignedMailHasNoSignatures() {
        ReceivedMessage message = deliver("From: shop@example.com\r\n\r\nHi\r\n");

        assertThat(message.dkimSignatures()).isEqualTo(List.of());
        assertThat(message.verifyDkim("mail", "example.com", rsa).detail())
                .isEqualTo("no DKIM-Signature with d=example.com s=mail; the message is not signed");
    }
}
