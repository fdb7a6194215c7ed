package dev.letterbox.internal.smtp;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.net.Socket;
import java.util.Arrays;
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

    private static final int LINE_START = 512;

    private InputStream in;
    private OutputStream out;
    private Closeable connection;
    private final Closeable transport; // the plain socket under any TLS layer
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private byte[] line = new byte[LINE_START];

    private final Object writeLock = new Object();
    private final byte[] pending = new byte[16 * 1024];
    private int pendingLength;
    private boolean closedForWriting;

    /**
     * @param in the connection's input
     * @param out the connection's output
     * @param connection closed by {@link #close()}, such as the socket
     */
    Wire(InputStream in, OutputStream out, Closeable connection) {
        this.in = in;
        this.out = out;
        this.connection = connection;
        this.transport = connection;
    }

    /**
     * @param socket the connection, which this wire now owns (and may replace by its TLS layer)
     * @throws IOException if its streams cannot be had
     */
    Wire(Socket socket) throws IOException {
        this(socket.getInputStream(), socket.getOutputStream(), socket);
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
     * @return the line, or null at the end of the stream before any octet of a line
     * @throws IOException on a read error, or an end of stream inside a line
     */
    Line readLine(int max) throws IOException {
        int len = 0;
        boolean tooLong = false;
        while (true) {
            if (pos == limit && !fill(len == 0 && !tooLong)) {
                return null;
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
     * @throws EOFException if the stream ends before the scanner is done
     * @throws IOException on a read error, or what the scanner throws
     */
    void scan(Scanner scanner) throws IOException {
        while (true) {
            if (pos == limit) {
                fill(false);
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

    /** @return true if octets the client sent are buffered and not read yet */
    boolean hasBufferedInput() {
        return pos < limit;
    }

    /**
     * Fills the empty buffer, first writing the queued replies.
     *
     * @param endAllowed whether an end of stream here is a normal end (between lines)
     * @return false at a normal end of stream
     * @throws EOFException at an end of stream that is not allowed
     */
    private boolean fill(boolean endAllowed) throws IOException {
        flush();
        int n = in.read(buf, 0, buf.length);
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

    // ---- output

    /**
     * Queues octets to write; they leave when the wire is about to wait for input, on {@link #flush()}, or at once if
     * the queue is full.
     *
     * @param octets the encoded reply
     */
    void queue(byte[] octets) {
        synchronized (writeLock) {
            if (pendingLength + octets.length > pending.length) {
                flushLocked();
            }
            if (octets.length > pending.length) {
                writeLocked(octets, octets.length);
            } else {
                System.arraycopy(octets, 0, pending, pendingLength, octets.length);
                pendingLength += octets.length;
            }
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
        }
    }

    private void writeLocked(byte[] b, int len) {
        if (closedForWriting) {
            return;
        }
        try {
            out.write(b, 0, len);
            out.flush();
        } catch (IOException e) {
            closedForWriting = true; // the client is gone; the next read ends the session
        }
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
