package dev.letterbox.internal.smtp;

import dev.letterbox.internal.store.ContentBuffer;
import java.io.IOException;

/**
 * The content of a message arriving in BDAT chunks (RFC 3030), collected in the same spill-to-disk
 * {@link ContentBuffer} DATA uses. Chunks are binary: no dot-unstuffing, no line endings looked at. Owned by the
 * session, which closes it when its transaction ends without a LAST chunk.
 */
final class ChunkedMessage implements DataCommand.Received, AutoCloseable {
    private final Transaction transaction;
    private final ContentBuffer buffer;
    private IOException storageError;

    ChunkedMessage(Transaction transaction, ContentBuffer buffer) {
        this.transaction = transaction;
        this.buffer = buffer;
    }

    /** @return the transaction the chunks belong to */
    Transaction transaction() {
        return transaction;
    }

    ContentBuffer buffer() {
        return buffer;
    }

    /**
     * Reads the octets of one chunk into the buffer; a failure to store them is kept for the end of the message, and
     * the chunk is still read to its end so the dialogue stays in step.
     *
     * @param octets the chunk size
     * @return the scanner for the wire
     */
    Wire.Scanner chunk(long octets) {
        return new Counted(octets, this);
    }

    /**
     * Reads and drops the octets of a refused chunk, so the next command is read where it starts.
     *
     * @param octets the chunk size
     * @return the scanner for the wire
     */
    static Wire.Scanner skip(long octets) {
        return new Counted(octets, null);
    }

    @Override
    public long size() {
        return buffer.size();
    }

    /** @return false: a chunk that would pass the limit is refused before it is read */
    @Override
    public boolean tooLarge() {
        return false;
    }

    @Override
    public IOException storageError() {
        return storageError;
    }

    /** @return null: BDAT content is binary, a bare CR or LF is just an octet */
    @Override
    public String bareLineEnding() {
        return null;
    }

    @Override
    public long bareLineNumber() {
        return 0;
    }

    @Override
    public boolean binary() {
        return true;
    }

    @Override
    public void close() {
        buffer.close();
    }

    /** Consumes exactly the octets of one chunk, storing them in a message or dropping them. */
    private static final class Counted implements Wire.Scanner {
        private long left;
        private final ChunkedMessage into;

        Counted(long octets, ChunkedMessage into) {
            this.left = octets;
            this.into = into;
        }

        @Override
        public int scan(byte[] buf, int from, int to) {
            int n = (int) Math.min(left, to - from);
            if (into != null && into.storageError == null) {
                try {
                    into.buffer.write(buf, from, n);
                } catch (IOException e) {
                    into.storageError = e;
                }
            }
            left -= n;
            return left == 0 ? from + n : -1;
        }
    }
}
