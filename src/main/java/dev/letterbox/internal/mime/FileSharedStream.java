package dev.letterbox.internal.mime;

import jakarta.mail.internet.SharedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A captured file as jakarta.mail's {@link SharedInputStream}: the message and every part of it are ranges of one open
 * file, read with positional reads. Unlike jakarta.mail's {@code SharedFileInputStream}, a range allocates its read
 * buffer only when it is read and drops it when closed, so a parsed message with 10,000 parts holds 10,000 small
 * objects, not 10,000 buffers; and closing the stream that opened the file closes the file at once, whatever ranges
 * are still around (they fail to read afterwards). Mark and reset are a remembered position: the file is there to
 * read again. One thread at a time per stream; ranges may be read by different threads.
 */
final class FileSharedStream extends InputStream implements SharedInputStream {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final FileChannel file;
    private final boolean ownsFile;
    private final long start;
    private final long end;
    private long position;
    private long mark;
    private byte[] buffer; // null until read, and again after close
    private long bufferStart;
    private int bufferLength;

    private FileSharedStream(FileChannel file, boolean ownsFile, long start, long end) {
        this.file = file;
        this.ownsFile = ownsFile;
        this.start = start;
        this.end = end;
        this.position = start;
        this.mark = start;
    }

    /**
     * Opens a file.
     *
     * @param path the file
     * @return the stream over the whole file; closing it closes the file
     * @throws IOException if the file cannot be opened
     */
    static FileSharedStream open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        return new FileSharedStream(channel, true, 0, channel.size());
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer[(int) (position++ - bufferStart)] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        boolean buffered = buffer != null && position >= bufferStart && position < bufferStart + bufferLength;
        if (!buffered && len >= BUFFER_SIZE && position < end) {
            return readDirect(b, off, len); // a large read goes straight into the caller's array
        }
        if (!fill()) {
            return -1;
        }
        int n = (int) Math.min(len, bufferStart + bufferLength - position);
        System.arraycopy(buffer, (int) (position - bufferStart), b, off, n);
        position += n;
        return n;
    }

    private int readDirect(byte[] b, int off, int len) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(b, off, (int) Math.min(len, end - position));
        int n = file.read(target, position);
        if (n <= 0) {
            return -1; // the file is shorter than the range
        }
        position += n;
        return n;
    }

    /** Makes the octet at the position available in the buffer; false at the end of the range. */
    private boolean fill() throws IOException {
        if (position >= end) {
            return false;
        }
        if (buffer != null && position >= bufferStart && position < bufferStart + bufferLength) {
            return true;
        }
        if (buffer == null) {
            buffer = new byte[(int) Math.min(BUFFER_SIZE, Math.max(1, end - start))];
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, end - position));
        int n;
        do {
            n = file.read(target, position + target.position());
        } while (n == 0 && target.hasRemaining());
        if (target.position() == 0) {
            return false; // the file is shorter than the range
        }
        bufferStart = position;
        bufferLength = target.position();
        return true;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, end - position));
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readLimit) {
        mark = position;
    }

    @Override
    public void reset() {
        position = mark;
    }

    @Override
    public long getPosition() {
        return position - start;
    }

    @Override
    public InputStream newStream(long from, long to) {
        long rangeStart = start + Math.max(0, from);
        long rangeEnd = to < 0 ? end : Math.min(end, start + to);
        return new FileSharedStream(file, false, rangeStart, Math.max(rangeStart, rangeEnd));
    }

    @Override
    public void close() throws IOException {
        buffer = null;
        if (ownsFile) {
            file.close();
        }
    }
}
