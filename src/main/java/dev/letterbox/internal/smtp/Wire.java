package dev.letterbox.internal.smtp;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The one owner of a connection's octets: the socket (and its TLS layer after {@link #upgradeToTls}), the buffered
 * input (command lines, DATA streams through a {@link Scanner}, discarding what is buffered) and the reply queue.
 * Nothing else touches the buffer.
 *
 * <p>Replies are queued and leave in one write just before the wire blocks on input, so the replies to a pipelined
 * group (RFC 2920) go out together, and never later than the server starts waiting. Writing is safe from another
 * thread (the listener's shutdown); reading belongs to the session thread.
 */
final class Wire {

    /** A command line as read: its text without the line ending, or the reason it cannot be a command. */
    record Line(String text, boolean tooLong, boolean bareLf) {
    }

    /**
     * Consumes buffered octets, such as the DATA reader looking for the end of a message.
     */
    interface Scanner {
        /**
         * Looks at the next octets.
         *
         * @param buf the buffer (read only)
         * @param from the first octet to look at
         * @param to one past the last
         * @return the position just after what the scanner consumed if it is done, or -1 if it consumed everything and
         *     needs more
         * @throws IOException if storing what it read fails fatally
         */
        int scan(byte[] buf, int from, int to) throws IOException;
    }

    /** Sets the read timeout of the connection, such as {@code Socket.setSoTimeout}. */
    @FunctionalInterface
    interface ReadTimeout {
        void set(int millis) throws IOException;
    }

    /** A client took longer than its deadline for one command line or one message's content. */
    static final class DeadlineExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        DeadlineExceeded() {
            super("deadline exceeded", null);
        }
    }

    private static final int LINE_START = 512;
    /**
     * The read buffer's sizes: small while the client sends commands (an idle session keeps little heap), grown
     * fourfold whenever a read fills it (a message's content), up to the largest; back to the smallest when the wire
     * waits for a command with nothing buffered. Each read still fills what the buffer holds in one call.
     */
    static final int READ_SMALL = 2 * 1024;
    static final int READ_LARGE = 64 * 1024;
    /** The reply queue: allocated on the first reply, grown as a pipelined group needs, at most the largest. */
    static final int WRITE_SMALL = 512;
    static final int WRITE_LARGE = 16 * 1024;

    private InputStream in;
    private OutputStream out;
    private Closeable connection;
    private final Closeable transport; // the plain socket under any TLS layer
    private final ReadTimeout readTimeout;
    private final int idleMillis;
    private int currentTimeout;
    private byte[] buf = new byte[READ_SMALL];
    private int pos;
    private int limit;
    private byte[] line; // made on the first command line

    private final Object writeLock = new Object();
    private byte[] pending; // null until a reply is queued, and again after a large queue has been written
    private int pendingLength;
    private boolean closedForWriting;
    private volatile long writingSince; // System.nanoTime() when a write began that has not returned, or 0

    /**
     * @param in the connection's input
     * @param out the connection's output
     * @param connection closed by {@link #close()}, such as the socket
     * @param readTimeout sets the connection's read timeout
     * @param idleMillis how long a read may wait for the client between commands (0: forever)
     * @throws IOException if the read timeout cannot be set
     */
    Wire(InputStream in, OutputStream out, Closeable connection, ReadTimeout readTimeout, int idleMillis)
            throws IOException {
        this.in = in;
        this.out = out;
        this.connection = connection;
        this.transport = connection;
        this.readTimeout = readTimeout;
        this.idleMillis = idleMillis;
        readTimeout.set(idleMillis);
        this.currentTimeout = idleMillis;
    }

    /**
     * Starts TLS on the connection as the server: writes the queued replies (the 220 to STARTTLS), drops the
     * plaintext the client sent after the command (CVE-2011-0411: it must never be executed), runs the handshake
     * and reads and writes through TLS from then on.
     *
     * @param context the server's context
     * @return the TLS session, with its protocol and cipher suite
     * @throws IOException if the handshake fails; the connection is then unusable
     */
    SSLSession upgradeToTls(SSLContext context) throws IOException {
        flush();
        discardBuffered();
        Socket plain = (Socket) connection;
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain,
                plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        tls.setUseClientMode(false);
        synchronized (writeLock) {
            connection = tls; // from now on close() closes the TLS layer, and with it the socket
        }
        tls.startHandshake();
        InputStream tlsIn = tls.getInputStream();
        OutputStream tlsOut = tls.getOutputStream();
        synchronized (writeLock) {
            in = tlsIn;
            out = tlsOut;
        }
        return tls.getSession();
    }

    // ---- input

    /**
     * Reads one command line up to LF, decoded as UTF-8.
     *
     * @param max the longest line accepted, line ending included; a longer one is consumed and reported too long
     * @param timeoutNanos how long the line may take from its first octet to its LF
     * @return the line, or null at the end of the stream before any octet of a line
     * @throws DeadlineExceeded if the line takes longer than the timeout
     * @throws IOException on a read error, or an end of stream inside a line
     */
    Line readLine(int max, long timeoutNanos) throws IOException {
        int len = 0;
        boolean tooLong = false;
        long deadline = 0;
        while (true) {
            if (pos == limit && !fill(len == 0 && !tooLong, deadline)) {
                return null;
            }
            if (deadline == 0) {
                deadline = deadlineAfter(timeoutNanos); // from the line's first octet: waiting before it is idling
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
                    if (line == null) {
                        line = new byte[Math.max(LINE_START, chunk)];
                    } else if (len + chunk > line.length) {
                        line = Arrays.copyOf(line, Math.max(line.length * 2, len + chunk));
                    }
                    System.arraycopy(buf, start, line, len, chunk);
                    len += chunk;
                }
            }
            if (found) {
                if (tooLong) {
                    return new Line("", true, false);
                }
                boolean bareLf = len == 0 || line[len - 1] != '\r';
                if (!bareLf) {
                    len--;
                } else if (len + 2 > max) {
                    return new Line("", true, true);
                }
                String text = new String(line, 0, len, StandardCharsets.UTF_8);
                if (line.length > LINE_START) {
                    line = new byte[LINE_START]; // a long line once does not keep a large buffer for the session
                }
                return new Line(text, false, bareLf);
            }
        }
    }

    /**
     * Offers the buffered input, and more as it arrives, to a scanner until it is done.
     *
     * @param scanner the scanner
     * @param timeoutNanos how long the scanner may take to be done
     * @throws DeadlineExceeded if it takes longer
     * @throws EOFException if the stream ends before the scanner is done
     * @throws IOException on a read error, or what the scanner throws
     */
    void scan(Scanner scanner, long timeoutNanos) throws IOException {
        long deadline = deadlineAfter(timeoutNanos);
        while (true) {
            if (pos == limit) {
                fill(false, deadline);
            }
            int next = scanner.scan(buf, pos, limit);
            if (next >= 0) {
                pos = next;
                return;
            }
            pos = limit;
        }
    }

    /**
     * Drops whatever the client sent that has not been read yet (the plaintext pipelined after STARTTLS must never
     * be executed).
     */
    void discardBuffered() {
        pos = limit;
    }

    /**
     * Reads and drops everything until the client closes the connection (a stalled session).
     *
     * @throws java.net.SocketTimeoutException if the client is silent for the socket's timeout
     * @throws IOException on a read error
     */
    void drain() throws IOException {
        flush();
        pos = limit;
        while (in.read(buf, 0, buf.length) >= 0) {
            // dropped: a stalled server reads nothing as a command
        }
    }

    /**
     * Fills the empty buffer, first writing the queued replies.
     *
     * @param endAllowed whether an end of stream here is a normal end (between lines)
     * @param deadline the {@code System.nanoTime()} by which the read must be done, or 0 for the idle timeout only
     * @return false at a normal end of stream
     * @throws EOFException at an end of stream that is not allowed
     * @throws DeadlineExceeded if the deadline passed
     */
    private boolean fill(boolean endAllowed, long deadline) throws IOException {
        // the buffer is empty here, so it can be replaced; before the flush, so a client that has its reply finds the
        // session already holding only what it keeps while idle
        if (limit == buf.length) {
            if (buf.length < READ_LARGE) {
                buf = new byte[Math.min(READ_LARGE, buf.length * 4)]; // the last read filled it: more is coming
            }
        } else if (endAllowed && buf.length > READ_SMALL) {
            buf = new byte[READ_SMALL]; // waiting for a command after a short read: a message's buffer is not kept
        }
        flush();
        int timeout = idleMillis;
        boolean deadlineFirst = false; // whether the read times out at the deadline rather than the idle timeout
        if (deadline != 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new DeadlineExceeded();
            }
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(left + 999_999); // rounded up: never early
            if (idleMillis == 0 || leftMillis < idleMillis) {
                timeout = (int) Math.min(Integer.MAX_VALUE, leftMillis);
                deadlineFirst = true;
            }
        }
        if (timeout != currentTimeout) {
            readTimeout.set(timeout);
            currentTimeout = timeout;
        }
        int n;
        try {
            n = in.read(buf, 0, buf.length);
        } catch (SocketTimeoutException e) {
            if (deadlineFirst) {
                throw new DeadlineExceeded();
            }
            throw e;
        }
        if (n < 0) {
            if (endAllowed) {
                return false;
            }
            throw new EOFException("client closed the connection");
        }
        pos = 0;
        limit = n;
        return true;
    }

    private static long deadlineAfter(long timeoutNanos) {
        long d = System.nanoTime() + timeoutNanos;
        return d == 0 ? 1 : d;
    }

    // ---- output

    /**
     * Queues octets to write; they leave when the wire is about to wait for input, on {@link #flush()}, or at once if
     * the queue is full.
     *
     * @param octets the encoded reply
     */
    void queue(byte[] octets) {
        synchronized (writeLock) {
            int needed = pendingLength + octets.length;
            if (needed > WRITE_LARGE) {
                flushLocked();
                needed = octets.length;
            }
            if (needed > WRITE_LARGE) {
                writeLocked(octets, octets.length);
                return;
            }
            if (pending == null || needed > pending.length) {
                int size = pending == null ? WRITE_SMALL : pending.length;
                while (size < needed) {
                    size *= 2;
                }
                pending = pending == null ? new byte[size] : Arrays.copyOf(pending, size);
            }
            System.arraycopy(octets, 0, pending, pendingLength, octets.length);
            pendingLength += octets.length;
        }
    }

    /** Writes the queued octets now. */
    void flush() {
        synchronized (writeLock) {
            flushLocked();
        }
    }

    /**
     * Writes the queued octets and these last ones, then refuses any later write; for the listener's shutdown, from
     * another thread.
     *
     * @param octets the last reply
     */
    void finish(byte[] octets) {
        synchronized (writeLock) {
            flushLocked();
            writeLocked(octets, octets.length);
            closedForWriting = true;
        }
    }

    private void flushLocked() {
        if (pendingLength > 0) {
            writeLocked(pending, pendingLength);
            pendingLength = 0;
            if (pending.length > WRITE_SMALL) {
                pending = null; // a large pipelined group's queue is not kept for the rest of the session
            }
        }
    }

    private void writeLocked(byte[] b, int len) {
        if (closedForWriting) {
            return;
        }
        writingSince = Math.max(1, System.nanoTime());
        try {
            out.write(b, 0, len);
            out.flush();
        } catch (IOException e) {
            closedForWriting = true; // the client is gone; the next read ends the session
        } finally {
            writingSince = 0;
        }
    }

    /**
     * Tells whether a write has been blocked for longer than a limit (the client does not read its replies).
     *
     * @param now {@code System.nanoTime()}
     * @param limitNanos the limit
     * @return true if a write began more than the limit ago and has not returned
     */
    boolean writeBlockedLongerThan(long now, long limitNanos) {
        long since = writingSince;
        return since != 0 && now - since > limitNanos;
    }

    /**
     * Closes the connection from another thread (the listener's shutdown): closes the plain socket under any TLS
     * layer, which ends blocked reads and writes at once, without a TLS close_notify. Idempotent.
     */
    void closeAbruptly() {
        try {
            transport.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    /** Closes the connection, ending TLS with a close_notify if it is in force. Session thread; idempotent. */
    void close() {
        Closeable c;
        synchronized (writeLock) {
            c = connection;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
