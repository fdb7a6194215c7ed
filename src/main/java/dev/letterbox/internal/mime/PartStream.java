package dev.letterbox.internal.mime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decoded body of one part as a stream, whose failures say which part and what went wrong: content that is not
 * valid for its transfer encoding (truncated base64, uuencode without its {@code begin} line) or that can no longer
 * be read (a message released with its mailbox). Every failure is a plain {@link IOException} naming the part, with
 * the decoder's own exception (a jakarta.mail implementation type) as its cause, never that type itself.
 */
final class PartStream extends FilterInputStream {
    private final String part;

    /**
     * @param in the decoding stream
     * @param part what to call the content in messages, such as {@code the base64 content of the image/png part}
     */
    PartStream(InputStream in, String part) {
        super(in);
        this.part = part;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public int available() throws IOException {
        try {
            return super.available();
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean markSupported() {
        return false; // the decoders do not all support it; one pass is what every reader here needs
    }

    @Override
    public synchronized void mark(int readLimit) {
        // not supported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset is not supported on " + part);
    }

    private IOException failure(Exception e) {
        return new IOException("cannot read " + part + ": " + e.getMessage(), e);
    }
}
