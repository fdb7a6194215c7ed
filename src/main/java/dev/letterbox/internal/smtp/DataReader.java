package dev.letterbox.internal.smtp;

import dev.letterbox.internal.store.ContentBuffer;
import java.io.IOException;

/**
 * Reads a DATA stream up to the terminating CRLF.CRLF, removing dot-stuffing, into a {@link ContentBuffer}. Only
 * CRLF ends a line: a bare LF or bare CR is content (counted, and reported by line number), so one DATA stream can never
 * become two messages. Octets past the size limit are read and dropped, so the reply comes after the whole stream.
 */
final class DataReader implements Wire.Scanner, DataCommand.Received {
    private static final int LINE_START = 0;
    private static final int TEXT = 1;
    private static final int CR = 2;
    private static final int DOT = 3;
    private static final int DOT_CR = 4;

    private final ContentBuffer out;
    private final long maxSize;
    private long written;
    private boolean tooLarge;
    private long line = 1;
    private long firstBareLine;
    private String firstBareKind;
    private IOException storageError;

    private int state = LINE_START;

    DataReader(ContentBuffer out, long maxSize) {
        this.out = out;
        this.maxSize = maxSize;
    }

    /** @return true if the message had more octets than the limit (they were not kept) */
    @Override
    public boolean tooLarge() {
        return tooLarge;
    }

    /** @return the received size in octets, after unstuffing, counted even past the limit */
    @Override
    public long size() {
        return written;
    }

    /** @return the error that stopped storing the content (the stream was still read to its end), or null */
    @Override
    public IOException storageError() {
        return storageError;
    }

    /** @return "LF" or "CR" for the first bare line ending seen, or null if every line ended in CRLF */
    @Override
    public String bareLineEnding() {
        return firstBareKind;
    }

    /** @return the 1-based line of the first bare line ending, or 0 */
    @Override
    public long bareLineNumber() {
        return firstBareLine;
    }

    /**
     * Reads the next octets of the stream (the wire calls this until the end of the message).
     *
     * @throws IOException never for a failure to store the content (that is kept for {@link #storageError()}, so the
     *     stream is still read to its end)
     */
    @Override
    public int scan(byte[] buf, int from, int limit) throws IOException {
        int i = from;
        int seg = i;
        if (state == DOT_CR && i < limit && buf[i] != '\n') {
            // the CR after a leading dot was content after all (the dot was stuffing)
            emit(new byte[] {'\r'}, 0, 1);
            state = CR;
        }
        for (; i < limit; i++) {
            if (state == TEXT) {
                // inside a line nothing matters until CR or LF: skip ahead without the state machine
                while (i < limit && buf[i] != '\r' && buf[i] != '\n') {
                    i++;
                }
                if (i == limit) {
                    break;
                }
            }
            byte b = buf[i];
            switch (state) {
                case TEXT:
                    if (b == '\r') {
                        state = CR;
                    } else if (b == '\n') {
                        bare("LF");
                    }
                    break;
                case CR:
                    if (b == '\n') {
                        state = LINE_START;
                        line++;
                    } else {
                        bare("CR");
                        state = b == '\r' ? CR : TEXT;
                    }
                    break;
                case LINE_START:
                    if (b == '.') {
                        emit(buf, seg, i - seg);
                        seg = i + 1;
                        state = DOT;
                    } else if (b == '\r') {
                        state = CR;
                    } else {
                        if (b == '\n') {
                            bare("LF");
                        }
                        state = TEXT;
                    }
                    break;
                case DOT:
                    if (b == '\r') {
                        state = DOT_CR;
                    } else {
                        if (b == '\n') {
                            bare("LF");
                        }
                        state = TEXT;
                    }
                    break;
                case DOT_CR:
                    if (b == '\n') {
                        // terminator: the CR at i - 1 is not content (seg points at it, or it was withheld)
                        emit(buf, seg, Math.max(0, i - 1 - seg));
                        return i + 1;
                    }
                    bare("CR");
                    state = b == '\r' ? CR : TEXT;
                    break;
                default:
                    throw new IllegalStateException("state " + state);
            }
        }
        // withhold the CR after a leading dot until we know whether LF follows
        emit(buf, seg, (state == DOT_CR ? limit - 1 : limit) - seg);
        return -1;
    }

    private void bare(String kind) {
        if (firstBareKind == null) {
            firstBareKind = kind;
            firstBareLine = line;
        }
    }

    private void emit(byte[] b, int off, int len) throws IOException {
        if (len <= 0) {
            return;
        }
        written += len;
        if (tooLarge || storageError != null) {
            return;
        }
        if (maxSize > 0 && written > maxSize) {
            tooLarge = true;
            return;
        }
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            storageError = e;
        }
    }
}
