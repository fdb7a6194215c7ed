package dev.letterbox.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor: the cheapest SMTP server that still behaves like one. A thread per connection answers EHLO (with
 * PIPELINING), HELO, MAIL, RCPT, DATA, RSET, NOOP and QUIT, counts the octets of DATA up to CRLF.CRLF and stores
 * nothing. Same socket discipline as Letterbox so the ratio is fair: TCP_NODELAY, buffered input, one write per reply
 * (replies to pipelined commands batched until no input is waiting), close() joins every thread.
 */
final class CountingSink implements AutoCloseable {
    private static final byte[] GREETING = ascii("220 floor ESMTP\r\n");
    private static final byte[] EHLO = ascii("250-floor\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
    private static final byte[] OK = ascii("250 OK\r\n");
    private static final byte[] GO = ascii("354 go\r\n");
    private static final byte[] BYE = ascii("221 bye\r\n");
    private static final byte[] WHAT = ascii("500 what\r\n");

    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicLong octets = new AtomicLong();
    private volatile boolean closed;

    private CountingSink(ServerSocket server) {
        this.server = server;
        this.acceptor = thread(this::accept);
    }

    static CountingSink start() throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        CountingSink sink = new CountingSink(ss);
        sink.acceptor.start();
        return sink;
    }

    int port() {
        return server.getLocalPort();
    }

    int messages() {
        return messages.get();
    }

    long octets() {
        return octets.get();
    }

    private Thread thread(Runnable r) {
        Thread t = new Thread(r, "floor-" + threadNumber.getAndIncrement());
        t.setDaemon(true);
        threads.add(t);
        return t;
    }

    private void accept() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(s);
            thread(() -> session(s)).start();
        }
    }

    private void session(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            new Session(socket.getInputStream(), socket.getOutputStream()).run();
        } catch (IOException e) {
            // client gone or closing
        } finally {
            sockets.remove(socket);
            threads.remove(Thread.currentThread());
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // best effort
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
        List<Thread> all = new ArrayList<>(threads);
        all.add(acceptor);
        boolean interrupted = false;
        for (Thread t : all) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Session {
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int limit;
        private final byte[] pending = new byte[16 * 1024];
        private int pendingLength;

        Session(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            reply(GREETING);
            while (true) {
                int start = lineStart();
                if (start < 0) {
                    return;
                }
                int verb = limit - start >= 4 ? (upper(buf[start]) << 24 | upper(buf[start + 1]) << 16
                        | upper(buf[start + 2]) << 8 | upper(buf[start + 3])) : 0;
                switch (verb) {
                    case 'E' << 24 | 'H' << 16 | 'L' << 8 | 'O' -> reply(EHLO);
                    case 'H' << 24 | 'E' << 16 | 'L' << 8 | 'O', 'M' << 24 | 'A' << 16 | 'I' << 8 | 'L',
                            'R' << 24 | 'C' << 16 | 'P' << 8 | 'T', 'R' << 24 | 'S' << 16 | 'E' << 8 | 'T',
                            'N' << 24 | 'O' << 16 | 'O' << 8 | 'P' -> reply(OK);
                    case 'D' << 24 | 'A' << 16 | 'T' << 8 | 'A' -> {
                        reply(GO);
                        flush();
                        data();
                        reply(OK);
                    }
                    case 'Q' << 24 | 'U' << 16 | 'I' << 8 | 'T' -> {
                        reply(BYE);
                        flush();
                        return;
                    }
                    default -> reply(WHAT);
                }
            }
        }

        /** Consumes one command line; returns where it started in buf, or -1 at end of stream. */
        private int lineStart() throws IOException {
            while (true) {
                for (int i = pos; i < limit; i++) {
                    if (buf[i] == '\n') {
                        int start = pos;
                        pos = i + 1;
                        return start;
                    }
                }
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, limit - pos);
                    limit -= pos;
                    pos = 0;
                }
                if (limit == buf.length) {
                    limit = 0; // absurdly long line: drop it
                }
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    return -1;
                }
                limit += n;
            }
        }

        private void data() throws IOException {
            int state = 2; // as if CRLF had just been seen, so ".CRLF" right away ends an empty message
            long count = 0;
            while (true) {
                if (pos == limit) {
                    int n = in.read(buf, 0, buf.length);
                    if (n < 0) {
                        throw new IOException("eof in DATA");
                    }
                    pos = 0;
                    limit = n;
                }
                int i = pos;
                for (; i < limit; i++) {
                    if (state == 0) {
                        while (i < limit && buf[i] != '\r') {
                            i++; // the body of a line: nothing to look at until CR
                        }
                        if (i == limit) {
                            break;
                        }
                    }
                    byte b = buf[i];
                    switch (state) {
                        case 0 -> state = b == '\r' ? 1 : 0;
                        case 1 -> state = b == '\n' ? 2 : b == '\r' ? 1 : 0;
                        case 2 -> state = b == '.' ? 3 : b == '\r' ? 1 : 0;
                        case 3 -> state = b == '\r' ? 4 : 0;
                        default -> {
                            if (b == '\n') {
                                count += i + 1 - pos;
                                pos = i + 1;
                                octets.addAndGet(count);
                                messages.incrementAndGet();
                                return;
                            }
                            state = b == '\r' ? 1 : 0;
                        }
                    }
                }
                count += i - pos;
                pos = i;
            }
        }

        private void reply(byte[] r) throws IOException {
            System.arraycopy(r, 0, pending, pendingLength, r.length);
            pendingLength += r.length;
            if (pos == limit || pendingLength > pending.length - 128) {
                flush();
            }
        }

        private void flush() throws IOException {
            if (pendingLength > 0) {
                out.write(pending, 0, pendingLength);
                out.flush();
                pendingLength = 0;
            }
        }
    }

    private static int upper(byte b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
