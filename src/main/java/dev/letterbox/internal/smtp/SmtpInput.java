package dev.letterbox.internal.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The buffered input side of one session: bounded command lines (never an unbounded {@code readLine}) and raw access
 * to the buffer for the DATA reader. Every refill first runs a hook in which the session flushes its queued replies,
 * so the replies to a pipelined group leave in one write, and never later than the server starts waiting for input.
 */
final class SmtpInput {
    /** Returned by {@link #readCommandLine(int)} for a line longer than the limit (which is consumed). */
    static final String TOO_LONG = new String("<too long>");

    private final InputStream in;
    private final Runnable beforeBlockingRead;
    final byte[] buf = new byte[64 * 1024];
    int pos;
    int limit;
    private byte[] line = new byte[512];
    private boolean bareLf;

    /**
     * @param in the socket's input
     * @param beforeBlockingRead run each time the buffer is exhausted, before blocking on the socket: the session
     *     flushes its queued replies there, so a client never waits on a reply the server is holding back
     */
    SmtpInput(InputStream in, Runnable beforeBlockingRead) {
        this.in = in;
        this.beforeBlockingRead = beforeBlockingRead;
    }

    /**
     * Reads more octets into the buffer; only call when it is exhausted.
     *
     * @throws EOFException if the client closed the connection
     */
    void fill() throws IOException {
        beforeBlockingRead.run();
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            throw new EOFException("client closed the connection");
        }
        pos = 0;
        limit = n;
    }

    /** @return true if the last command line read ended in a bare LF instead of CRLF */
    boolean lastLineEndedInBareLf() {
        return bareLf;
    }

    /**
     * Reads one command line up to LF, without its line ending, decoded as UTF-8.
     *
     * @param max the longest line accepted, line ending included
     * @return the line, {@link #TOO_LONG} if it exceeded max, or null at end of stream before any octet
     * @throws IOException on a read error
     */
    String readCommandLine(int max) throws IOException {
        int len = 0;
        boolean tooLong = false;
        while (true) {
            if (pos == limit) {
                try {
                    fill();
                } catch (EOFException e) {
                    if (len == 0 && !tooLong) {
                        return null;
                    }
                    throw e;
                }
            }
            int start = pos;
            int end = start;
            while (end < limit && buf[end] != '\n') {
                end++;
            }
            boolean found = end < limit;
            int chunk = end - start;
            pos = found ? end + 1 : end;
            if (!tooLong) {
                if (len + chunk + 1 > max) {
                    tooLong = true;
                } else {
                    if (len + chunk > line.length) {
                        line = Arrays.copyOf(line, Math.max(line.length * 2, len + chunk));
                    }
                    System.arraycopy(buf, start, line, len, chunk);
                    len += chunk;
                }
            }
            if (found) {
                if (tooLong) {
                    return TOO_LONG;
                }
                bareLf = len == 0 || line[len - 1] != '\r';
                if (!bareLf) {
                    len--;
                } else if (len + 2 > max) {
                    return TOO_LONG;
                }
                return new String(line, 0, len, StandardCharsets.UTF_8);
            }
        }
    }
}
