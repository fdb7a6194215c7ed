package dev.letterbox;

import java.util.Objects;

/**
 * The outcome of verifying one DKIM signature with a given public key (RFC 6376 section 6): passed, or failed with the
 * check that failed and both sides of it.
 *
 * @param signature the signature verified, or null if the message has none that matched
 * @param failure the check that failed, or null if the signature verifies
 * @param detail what was found, readable (for a mismatch: the signed and the computed hash)
 * @param signedHash the hash the signer recorded for the failed check (base64), or null when not known
 * @param computedHash the hash computed from the message as received (base64), or null when not computed
 */
public record DkimResult(DkimSignature signature, Failure failure, String detail, String signedHash,
                         String computedHash) {

    /** Why a signature does not verify. */
    public enum Failure {
        /** the message has no DKIM-Signature for that domain (and selector) */
        NO_SIGNATURE,
        /** the DKIM-Signature field lacks a required tag or has an invalid one */
        MALFORMED_SIGNATURE,
        /** an algorithm or canonicalization this verifier does not accept (rsa-sha1 is obsolete, RFC 8301) */
        UNSUPPORTED_ALGORITHM,
        /** the key does not fit the signature: another type, too short, or not the key that signed */
        KEY_MISMATCH,
        /** the signature's expiration time ({@code x=}) has passed */
        EXPIRED,
        /** the body, canonicalized, does not hash to the signature's {@code bh=}: the body changed */
        BODY_HASH_MISMATCH,
        /** the signed header fields, canonicalized, do not match the signature: a signed header changed */
        HEADER_HASH_MISMATCH
    }

    /**
     * Creates a result.
     *
     * @param signature the signature verified, or null if the message has none that matched
     * @param failure the check that failed, or null if the signature verifies
     * @param detail what was found, readable (for a mismatch: the signed and the computed hash)
     * @param signedHash the hash the signer recorded for the failed check (base64), or null when not known
     * @param computedHash the hash computed from the message as received (base64), or null when not computed
     * @throws NullPointerException if detail is null
     */
    public DkimResult {
        Objects.requireNonNull(detail, "detail");
    }

    /** @return true if the signature verifies */
    public boolean passed() {
        return failure == null;
    }

    /** @return one line, such as {@code FAIL BODY_HASH_MISMATCH (d=example.com s=mail ...): ...} */
    @Override
    public String toString() {
        return (failure == null ? "PASS" : "FAIL " + failure) + " (" + (signature == null ? "no signature" : signature)
                + "): " + detail;
    }
}
