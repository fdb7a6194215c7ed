package dev.letterbox.internal.mime;

import jakarta.mail.internet.SharedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * A captured message's temporary file, opened once for its parse: every stream jakarta.mail makes over it (the
 * message's, each part's, each raw body a test opens) is a {@link Slice} reading this one file at its own position.
 * Closing this closes the file's only descriptor, so releasing a message frees it at once, whatever streams are
 * still referenced (jakarta.mail's {@code SharedFileInputStream} counts references and leaves the file open until
 * every one of them is closed or collected).
 *
 * <p>Reads go through a {@link RandomAccessFile} under its lock rather than a {@code FileChannel}: an interrupted
 * thread would close a channel for every stream of the message.
 */
final class SharedCapturedFile implements Closeable {
    private static final int BUFFER_SIZE = 8 * 1024;

    private final Path path;
    private final RandomAccessFile file;
    private final long length;
    private boolean closed; // guarded by file

    private SharedCapturedFile(Path path, RandomAccessFile file, long length) {
        this.path = path;
        this.file = file;
        this.length = length;
    }

    /**
     * Opens a captured file.
     *
     * @param path the file
     * @return the open file
     * @throws IOException if it cannot be opened
     */
    static SharedCapturedFile open(Path path) throws IOException {
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "r");
        try {
            return new SharedCapturedFile(path, file, file.length());
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** @return a stream over the whole file */
    InputStream stream() {
        return new Slice(0, length);
    }

    /** Closes the file: every stream over it fails from now on. Idempotent. */
    @Override
    public void close() throws IOException {
        synchronized (file) {
            closed = true;
            file.close();
        }
    }

    private int read(long position, byte[] b, int off, int len) throws IOException {
        synchronized (file) {
            if (closed) {
                throw new IOException("the captured message in " + path
                        + " was released when the mailbox was cleared or the server closed; read what you need"
                        + " from it before that");
            }
            file.seek(position);
            return file.read(b, off, len);
        }
    }

    /** One range of the file with its own position, buffer and mark; what jakarta.mail parses and reads. */
    private final class Slice extends InputStream implements SharedInputStream {
        private final long start;
        private final long end;
        private long pos;
        private long mark;
        private byte[] buf; // allocated on the first small read
        private long bufStart;
        private int bufLength;

        Slice(long start, long end) {
            this.start = start;
            this.end = end;
            this.pos = start;
            this.mark = start;
        }

        @Override
        public int read() throws IOException {
            if (pos >= end) {
                return -1;
            }
            if (pos < bufStart || pos >= bufStart + bufLength) {
                fill();
            }
            return buf[(int) (pos++ - bufStart)] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (pos >= end) {
                return -1;
            }
            int want = (int) Math.min(len, end - pos);
            if (pos >= bufStart && pos < bufStart + bufLength) {
                int n = Math.min(want, (int) (bufStart + bufLength - pos));
                System.arraycopy(buf, (int) (pos - bufStart), b, off, n);
                pos += n;
                return n;
            }
            if (want >= BUFFER_SIZE) {
                int n = SharedCapturedFile.this.read(pos, b, off, want);
                if (n < 0) {
                    throw truncated();
                }
                pos += n;
                return n;
            }
            fill();
            int n = Math.min(want, bufLength);
            System.arraycopy(buf, 0, b, off, n);
            pos += n;
            return n;
        }

        private void fill() throws IOException {
            if (buf == null) {
                buf = new byte[BUFFER_SIZE];
            }
            int want = (int) Math.min(buf.length, end - pos);
            int n = SharedCapturedFile.this.read(pos, buf, 0, want);
            if (n <= 0) {
                throw truncated();
            }
            bufStart = pos;
            bufLength = n;
        }

        private IOException truncated() {
            return new IOException("the captured message in " + path + " ended at octet " + pos + " of " + end);
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, end - pos));
            pos += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - pos);
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public void mark(int readLimit) {
            mark = pos; // any limit: the octets are re-read from the file
        }

        @Override
        public void reset() {
            pos = mark;
        }

        @Override
        public long getPosition() {
            return pos - start;
        }

        @Override
        public InputStream newStream(long from, long to) {
            if (from < 0) {
                throw new IllegalArgumentException("start < 0");
            }
            long s = Math.min(start + from, end);
            long e = to == -1 ? end : Math.min(Math.max(start + to, s), end);
            return new Slice(s, e);
        }

        @Override
        public void close() {
            buf = null; // the descriptor belongs to the file, closed when the message is released
            bufLength = 0;
        }

        @Override
        public String toString() {
            return "Slice{" + path.getFileName() + " [" + start + ", " + end + "), at " + pos + "}";
        }
    }
}
