package dev.letterbox.internal.dkim;

import java.security.MessageDigest;

/**
 * Canonicalizes a body as it streams by (RFC 6376 sections 3.4.3 and 3.4.4) and hashes the first {@code l=} octets of
 * the result. Keeps O(1) state: trailing empty lines and white space are held back as counts until content follows.
 */
final class BodyHasher {
    private final boolean relaxed;
    private final MessageDigest digest;
    private final long limit;
    private long length;
    private long pendingLines;
    private boolean pendingSpace;
    private boolean pendingCr;
    private boolean lineOpen;
    private boolean any;

    /** @param limit the octets to hash, or -1 for all */
    BodyHasher(boolean relaxed, MessageDigest digest, long limit) {
        this.relaxed = relaxed;
        this.digest = digest;
        this.limit = limit;
    }

    void update(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (pendingCr) {
                pendingCr = false;
                if (b == '\n') {
                    pendingSpace = false;
                    pendingLines++;
                    lineOpen = false;
                    continue;
                }
                content((byte) '\r');
            }
            if (b == '\r') {
                pendingCr = true;
            } else if (relaxed && (b == ' ' || b == '\t')) {
                pendingSpace = true;
            } else {
                content(b);
            }
        }
    }

    private void content(byte b) {
        while (pendingLines > 0) {
            emit((byte) '\r');
            emit((byte) '\n');
            pendingLines--;
        }
        if (pendingSpace) {
            emit((byte) ' ');
            pendingSpace = false;
        }
        emit(b);
        lineOpen = true;
        any = true;
    }

    private void emit(byte b) {
        if (limit < 0 || length < limit) {
            digest.update(b);
        }
        length++;
    }

    /** Ends the body: its last line gets its CRLF; an empty body is CRLF (simple) or nothing (relaxed). */
    byte[] finish() {
        if (pendingCr) {
            pendingCr = false;
            content((byte) '\r');
        }
        if (any || lineOpen) {
            emit((byte) '\r');
            emit((byte) '\n');
        } else if (!relaxed) {
            emit((byte) '\r');
            emit((byte) '\n');
        }
        return digest.digest();
    }

    /** @return the length of the canonicalized body (all of it, not only the hashed part) */
    long length() {
        return length;
    }
}
