package dev.letterbox.internal.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Collects the octets of a message being received: on the heap up to a threshold, then in a temporary file, so a
 * 1 GB message does not need 1 GB of heap. Not thread-safe: one session owns it.
 */
public final class ContentBuffer implements AutoCloseable {
    private final int threshold;
    private byte[] heap = new byte[8192];
    private int heapLength;
    private Path file;
    private OutputStream fileOut;
    private long size;
    private boolean finished;

    /**
     * Creates an empty buffer.
     *
     * @param threshold the size in octets above which content moves to a temporary file
     */
    public ContentBuffer(int threshold) {
        this.threshold = threshold;
    }

    /** @return how many octets were written so far */
    public long size() {
        return size;
    }

    /**
     * Appends octets.
     *
     * @param b the array
     * @param off where to start
     * @param len how many octets
     * @throws IOException if the temporary file cannot be written
     */
    public void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        size += len;
        if (fileOut == null && heapLength + len <= threshold) {
            if (heapLength + len > heap.length) {
                heap = Arrays.copyOf(heap, Math.min(threshold, Math.max(heap.length * 2, heapLength + len)));
            }
            System.arraycopy(b, off, heap, heapLength, len);
            heapLength += len;
            return;
        }
        if (fileOut == null) {
            file = Files.createTempFile("letterbox-", ".eml");
            // FileOutputStream writes a heap array with one copy, less than a channel's temporary direct buffer; the
            // small buffer only gathers short dot-unstuffed segments, the usual 64 KB segments go straight through
            fileOut = new java.io.BufferedOutputStream(new java.io.FileOutputStream(file.toFile()), 8 * 1024);
            fileOut.write(heap, 0, heapLength);
            heap = null;
            heapLength = 0;
        }
        fileOut.write(b, off, len);
    }

    /**
     * Opens a stream over what was written so far, for a check before the content is handed over; the buffer keeps
     * owning the content.
     *
     * @return a new stream the caller closes
     * @throws IOException if the temporary file cannot be flushed or opened
     */
    public java.io.InputStream openWritten() throws IOException {
        if (fileOut == null) {
            return new java.io.ByteArrayInputStream(heap, 0, heapLength);
        }
        fileOut.flush();
        return java.nio.file.Files.newInputStream(file);
    }

    /**
     * Ends the content and hands it over; the buffer must not be used afterwards.
     *
     * @return the content
     * @throws IOException if the temporary file cannot be completed
     */
    public RawContent finish() throws IOException {
        if (fileOut == null) {
            // the mailbox keeps this for its lifetime: hold what was received, not the growth buffer around it
            byte[] kept = heap.length - heapLength > 1024 ? Arrays.copyOf(heap, heapLength) : heap;
            finished = true;
            return new RawContent.InMemory(kept, heapLength);
        }
        fileOut.close();
        RawContent content = new RawContent.InFile(file, size);
        finished = true;
        return content;
    }

    /** Discards the content unless it was handed over; deletes the temporary file if there is one. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        heap = null;
        if (fileOut != null) {
            try {
                fileOut.close();
            } catch (IOException ignored) {
                // deleting it next is all that matters
            }
            new RawContent.InFile(file, size).release();
        }
    }
}
