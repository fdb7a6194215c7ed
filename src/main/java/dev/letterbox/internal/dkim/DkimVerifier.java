package dev.letterbox.internal.dkim;

import dev.letterbox.DkimResult;
import dev.letterbox.DkimResult.Failure;
import dev.letterbox.DkimSignature;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Cipher;

/**
 * Verifies DKIM signatures (RFC 6376 section 6.1.3) with keys the caller gives, no DNS: rsa-sha256 and ed25519-sha256
 * (RFC 8463) with the JDK's own crypto, simple and relaxed canonicalization, {@code l=}, {@code x=}. Every signature
 * asked for is checked in one pass over the message.
 */
public final class DkimVerifier {
    /** The DER prefix of a PKCS #1 v1.5 DigestInfo for SHA-256, which an RSA signature wraps the hash in. */
    private static final byte[] SHA256_DIGEST_INFO = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48,
        0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};

    private DkimVerifier() {
    }

    /**
     * Parses the DKIM-Signature fields of a message, without verifying them.
     *
     * @param raw the message octets; read (buffered) at least to the end of the header section, not closed
     * @return the signatures, in header order
     */
    public static List<DkimSignature> signatures(InputStream raw) {
        InputStream in = new BufferedInputStream(raw);
        try {
            List<DkimSignature> out = new ArrayList<>();
            for (HeaderSection.Field f : HeaderSection.read(in)) {
                if (f.name().equalsIgnoreCase("DKIM-Signature")) {
                    out.add(SignatureField.parse(f).signature);
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the captured message: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies signatures and picks the outcome that answers "is it signed by ...": the first that passed, else the
     * first failure, else {@link Failure#NO_SIGNATURE}.
     *
     * @param in the message octets; read to the end, not closed
     * @param keys the key for a signature, or null to skip it; or {@link #WITHOUT_KEY} to check all but the
     *     signature itself (well-formed, supported, not expired, body hash)
     * @param wanted how the signatures asked for are named when there is none, such as {@code d=example.com}
     * @param now the time against which {@code x=} is checked
     * @return the outcome
     */
    public static DkimResult verifyBest(InputStream in, Function<DkimSignature, PublicKey> keys, String wanted,
                                        Instant now) {
        List<DkimSignature> present = new ArrayList<>();
        List<DkimResult> results = verify(in, s -> {
            present.add(s);
            return keys.apply(s);
        }, now);
        for (DkimResult r : results) {
            if (r.passed()) {
                return r;
            }
        }
        if (!results.isEmpty()) {
            return results.get(0);
        }
        return new DkimResult(null, Failure.NO_SIGNATURE, "no DKIM-Signature with " + wanted
                + (present.isEmpty() ? "; the message is not signed" : "; its signatures: " + present), null, null);
    }

    /**
     * A key that stands for "no key": the signature itself is not verified, only everything else.
     */
    public static final PublicKey WITHOUT_KEY = new PublicKey() {
        private static final long serialVersionUID = 1L;

        @Override
        public String getAlgorithm() {
            return "none";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    };

    /**
     * Verifies the signatures that a key is given for.
     *
     * @param raw the message octets; read to the end, not closed
     * @param keys the key for a signature, or null to skip that signature
     * @param now the time against which {@code x=} is checked
     * @return one result per signature with a key, in header order
     */
    public static List<DkimResult> verify(InputStream raw, Function<DkimSignature, PublicKey> keys, Instant now) {
        InputStream in = new BufferedInputStream(raw, 64 * 1024);
        try {
            List<HeaderSection.Field> fields = HeaderSection.read(in);
            List<Check> checks = new ArrayList<>();
            for (HeaderSection.Field f : fields) {
                if (f.name().equalsIgnoreCase("DKIM-Signature")) {
                    SignatureField s = SignatureField.parse(f);
                    PublicKey key = keys.apply(s.signature);
                    if (key != null) {
                        checks.add(new Check(s, key));
                    }
                }
            }
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (Check c : checks) {
                    if (c.body != null) {
                        c.body.update(buf, 0, n);
                    }
                }
            }
            List<DkimResult> results = new ArrayList<>(checks.size());
            for (Check c : checks) {
                results.add(c.finish(fields, now));
            }
            return List.copyOf(results);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the captured message: " + e.getMessage(), e);
        }
    }

    /** One signature being verified. */
    private static final class Check {
        final SignatureField field;
        final DkimSignature sig;
        final PublicKey key;
        final BodyHasher body;
        final DkimResult early;

        Check(SignatureField field, PublicKey key) {
            this.field = field;
            this.sig = field.signature;
            this.key = key;
            this.early = precheck();
            this.body = early == null ? new BodyHasher(sig.bodyCanonicalization().equals("relaxed"), sha256(),
                    sig.bodyLength() == null ? -1 : sig.bodyLength()) : null;
        }

        private DkimResult precheck() {
            if (field.problem != null) {
                return fail(Failure.MALFORMED_SIGNATURE, "the DKIM-Signature is malformed: " + field.problem);
            }
            String a = sig.algorithm();
            if (!a.equals("rsa-sha256") && !a.equals("ed25519-sha256")) {
                return fail(Failure.UNSUPPORTED_ALGORITHM, "a=" + a + " is not supported; use rsa-sha256 or"
                        + " ed25519-sha256" + (a.equals("rsa-sha1") ? " (rsa-sha1 is obsolete, RFC 8301)" : ""));
            }
            for (String c : List.of(sig.headerCanonicalization(), sig.bodyCanonicalization())) {
                if (!c.equals("simple") && !c.equals("relaxed")) {
                    return fail(Failure.UNSUPPORTED_ALGORITHM, "the canonicalization '" + c + "' is not simple or"
                            + " relaxed");
                }
            }
            if (key == WITHOUT_KEY) {
                return null;
            }
            String keyType = key.getAlgorithm().toUpperCase(Locale.ROOT);
            boolean rsa = a.startsWith("rsa");
            if (rsa != keyType.equals("RSA") || !rsa && !(keyType.equals("ED25519") || keyType.equals("EDDSA"))) {
                return fail(Failure.KEY_MISMATCH, "a=" + a + " needs " + (rsa ? "an RSA" : "an Ed25519")
                        + " key, but the key given is " + key.getAlgorithm());
            }
            if (key instanceof RSAPublicKey r && r.getModulus().bitLength() < 1024) {
                return fail(Failure.KEY_MISMATCH, "the RSA key has " + r.getModulus().bitLength()
                        + " bits; verifiers must refuse keys under 1024 bits (RFC 8301)");
            }
            return null;
        }

        DkimResult finish(List<HeaderSection.Field> fields, Instant now) {
            if (early != null) {
                return early;
            }
            if (sig.expiresAt() != null && sig.expiresAt().isBefore(now)) {
                return new DkimResult(sig, Failure.EXPIRED, "the signature expired at " + sig.expiresAt()
                        + " (x=); it is now " + now, null, null);
            }
            byte[] bodyHash = body.finish();
            String computed = Base64.getEncoder().encodeToString(bodyHash);
            if (sig.bodyLength() != null && sig.bodyLength() > body.length()) {
                return new DkimResult(sig, Failure.BODY_HASH_MISMATCH, "l=" + sig.bodyLength() + " but the"
                        + " canonicalized body has only " + body.length() + " octets", sig.bodyHash(), computed);
            }
            if (!computed.equals(sig.bodyHash())) {
                return new DkimResult(sig, Failure.BODY_HASH_MISMATCH, "the body hash does not match: bh= is "
                        + sig.bodyHash() + ", the body as received (" + sig.bodyCanonicalization() + ", "
                        + (sig.bodyLength() == null ? body.length() : sig.bodyLength()) + " octets) hashes to "
                        + computed, sig.bodyHash(), computed);
            }
            if (key == WITHOUT_KEY) {
                return new DkimResult(sig, null, "well formed, not expired, and the body hash " + computed
                        + " matches; the signature over the header fields was not verified (no key given)",
                        sig.bodyHash(), computed);
            }
            byte[] data = signedData(fields).getBytes(StandardCharsets.ISO_8859_1);
            byte[] headerHash = sha256().digest(data);
            String computedHeader = Base64.getEncoder().encodeToString(headerHash);
            boolean valid;
            try {
                valid = verifySignature(data, headerHash);
            } catch (GeneralSecurityException e) {
                return fail(Failure.KEY_MISMATCH, "the key cannot verify the signature: " + e.getMessage());
            }
            if (!valid) {
                return headerMismatch(headerHash, computedHeader);
            }
            return new DkimResult(sig, null, "body hash " + computed + " and header hash " + computedHeader
                    + " verify with the key", sig.bodyHash(), computed);
        }

        private DkimResult headerMismatch(byte[] headerHash, String computedHeader) {
            if (sig.algorithm().startsWith("rsa")) {
                byte[] signedHash = recoverRsaHash();
                if (signedHash == null) {
                    return fail(Failure.KEY_MISMATCH, "b= was not made with the private key of this public key"
                            + " (it does not decrypt to a SHA-256 DigestInfo)");
                }
                String signed = Base64.getEncoder().encodeToString(signedHash);
                return new DkimResult(sig, Failure.HEADER_HASH_MISMATCH, "the signed header fields changed: the"
                        + " signature is over the header hash " + signed + ", the header fields as received ("
                        + sig.headerCanonicalization() + ", h=" + String.join(":", sig.signedHeaders())
                        + ") hash to " + computedHeader, signed, computedHeader);
            }
            return new DkimResult(sig, Failure.HEADER_HASH_MISMATCH, "the signature does not verify over the header"
                    + " hash " + computedHeader + " of the fields as received (" + sig.headerCanonicalization()
                    + ", h=" + String.join(":", sig.signedHeaders()) + "): a signed header changed, or the key is"
                    + " not the signer's (Ed25519 cannot tell which)", null, computedHeader);
        }

        private byte[] recoverRsaHash() {
            try {
                Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                rsa.init(Cipher.DECRYPT_MODE, key);
                byte[] info = rsa.doFinal(field.b);
                if (info.length != SHA256_DIGEST_INFO.length + 32
                        || !Arrays.equals(info, 0, SHA256_DIGEST_INFO.length, SHA256_DIGEST_INFO, 0,
                        SHA256_DIGEST_INFO.length)) {
                    return null;
                }
                return Arrays.copyOfRange(info, SHA256_DIGEST_INFO.length, info.length);
            } catch (GeneralSecurityException e) {
                return null;
            }
        }

        private boolean verifySignature(byte[] data, byte[] headerHash) throws GeneralSecurityException {
            if (sig.algorithm().equals("rsa-sha256")) {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initVerify(key);
                s.update(data);
                return s.verify(field.b);
            }
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(headerHash); // RFC 8463 section 3: Ed25519 signs the SHA-256 hash
            return s.verify(field.b);
        }

        /** The header hash input of RFC 6376 section 3.7: the h= fields bottom-up, then this field without b=. */
        private String signedData(List<HeaderSection.Field> fields) {
            boolean relaxed = sig.headerCanonicalization().equals("relaxed");
            boolean[] used = new boolean[fields.size()];
            StringBuilder sb = new StringBuilder();
            for (String name : sig.signedHeaders()) {
                for (int i = fields.size() - 1; i >= 0; i--) {
                    if (!used[i] && fields.get(i).name().equalsIgnoreCase(name)) {
                        used[i] = true;
                        sb.append(HeaderCanonicalization.canonicalize(fields.get(i).text(), relaxed));
                        break;
                    }
                }
                // a name with no (more) instances contributes the null string (RFC 6376 section 5.4.2)
            }
            String self = HeaderCanonicalization.canonicalize(field.withEmptyB(), relaxed);
            return sb.append(self, 0, self.length() - 2).toString();
        }

        private DkimResult fail(Failure failure, String detail) {
            return new DkimResult(sig, failure, detail, null, null);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
