package dev.letterbox;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * One {@code DKIM-Signature} header field of a captured message, parsed (RFC 6376 section 3.5). A field that lacks a
 * tag shows it as "" (or null for the numbers and times); verifying it then fails as malformed.
 *
 * @param domain the signing domain ({@code d=})
 * @param selector the selector ({@code s=}): the key is published at {@code selector._domainkey.domain}
 * @param algorithm the algorithm ({@code a=}), such as {@code rsa-sha256} or {@code ed25519-sha256}
 * @param headerCanonicalization {@code simple} or {@code relaxed} ({@code c=} before the slash)
 * @param bodyCanonicalization {@code simple} or {@code relaxed} ({@code c=} after the slash)
 * @param signedHeaders the header field names signed ({@code h=}), in order, as written
 * @param bodyLength the number of canonicalized body octets signed ({@code l=}), or null for the whole body
 * @param signedAt the signature timestamp ({@code t=}), or null
 * @param expiresAt the expiration ({@code x=}), or null
 * @param bodyHash the body hash the signer computed ({@code bh=}, base64)
 */
public record DkimSignature(String domain, String selector, String algorithm, String headerCanonicalization,
                            String bodyCanonicalization, List<String> signedHeaders, Long bodyLength,
                            Instant signedAt, Instant expiresAt, String bodyHash) {

    /**
     * Creates a signature description, copying the header list.
     *
     * @param domain the signing domain ({@code d=})
     * @param selector the selector ({@code s=}): the key is published at {@code selector._domainkey.domain}
     * @param algorithm the algorithm ({@code a=}), such as {@code rsa-sha256} or {@code ed25519-sha256}
     * @param headerCanonicalization {@code simple} or {@code relaxed} ({@code c=} before the slash)
     * @param bodyCanonicalization {@code simple} or {@code relaxed} ({@code c=} after the slash)
     * @param signedHeaders the header field names signed ({@code h=}), in order, as written
     * @param bodyLength the number of canonicalized body octets signed ({@code l=}), or null for the whole body
     * @param signedAt the signature timestamp ({@code t=}), or null
     * @param expiresAt the expiration ({@code x=}), or null
     * @param bodyHash the body hash the signer computed ({@code bh=}, base64)
     * @throws NullPointerException if a string or the list is null
     */
    public DkimSignature {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(headerCanonicalization, "headerCanonicalization");
        Objects.requireNonNull(bodyCanonicalization, "bodyCanonicalization");
        signedHeaders = List.copyOf(signedHeaders);
        Objects.requireNonNull(bodyHash, "bodyHash");
    }

    /**
     * Reads the public key of a DKIM key record, the text a selector publishes in DNS (RFC 6376 section 3.6.1), such as
     * {@code v=DKIM1; k=rsa; p=MIIBIjANBg...}; {@code k=ed25519} keys are the raw 32 octets of RFC 8463.
     *
     * @param record the TXT record text (the quoted pieces joined)
     * @return the key, for {@link ReceivedMessage#verifyDkim(String, String, PublicKey)}
     * @throws IllegalArgumentException if the record has no usable {@code p=} key
     */
    public static PublicKey keyFromDnsRecord(String record) {
        Objects.requireNonNull(record, "record");
        String type = "rsa";
        String p = null;
        for (String tag : record.split(";")) {
            int eq = tag.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = tag.substring(0, eq).trim();
            String value = tag.substring(eq + 1).replaceAll("\\s", "");
            if (name.equals("k")) {
                type = value;
            } else if (name.equals("p")) {
                p = value;
            }
        }
        if (p == null || p.isEmpty()) {
            throw new IllegalArgumentException("the DKIM key record has no key (p= is missing or empty, which means"
                    + " revoked): " + record);
        }
        try {
            byte[] key = Base64.getDecoder().decode(p);
            if (type.equalsIgnoreCase("ed25519")) {
                byte[] spki = new byte[12 + key.length];
                byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
                System.arraycopy(prefix, 0, spki, 0, 12);
                System.arraycopy(key, 0, spki, 12, key.length);
                return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            }
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the DKIM key record's p= is not an " + type + " public key ("
                    + e.getMessage() + "): " + record, e);
        }
    }

    /** @return one line, such as {@code d=example.com s=mail a=rsa-sha256 c=relaxed/simple h=from:to:subject} */
    @Override
    public String toString() {
        return "d=" + domain + " s=" + selector + " a=" + algorithm + " c=" + headerCanonicalization + "/"
                + bodyCanonicalization + " h=" + String.join(":", signedHeaders)
                + (bodyLength == null ? "" : " l=" + bodyLength);
    }
}
