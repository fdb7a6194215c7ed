package dev.letterbox.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A raw-socket SMTP client for what Jakarta Mail cannot do or would distort: RFC 2920 pipelining, and streaming a
 * large message without holding or re-encoding it (so the heap figures are the server's, not the client's).
 */
final class RawSmtp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private String extensions = "";

    RawSmtp(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(180_000);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 30_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        expect(220);
    }

    /** Sends EHLO and returns the reply text (the announced extensions). */
    String ehlo() throws IOException {
        send("EHLO bench.example\r\n");
        extensions = expect(250);
        return extensions;
    }

    boolean pipelining() {
        return extensions.contains("PIPELINING");
    }

    /** One transaction in lock-step; the body is written by {@code body} and must end with CRLF. */
    void sendMessage(BodyWriter body) throws IOException {
        send("MAIL FROM:<app@bench.example>\r\n");
        expect(250);
        send("RCPT TO:<user@bench.example>\r\n");
        expect(250);
        send("DATA\r\n");
        expect(354);
        body.write(out);
        send(".\r\n");
        expect(250);
    }

    /**
     * Sends {@code count} messages pipelined per RFC 2920: MAIL, RCPT and DATA as one group, then after the 354 the
     * message, its terminating dot and the next group in one write. One round trip per message.
     */
    void sendPipelined(int count, byte[] body) throws IOException {
        byte[] group = "MAIL FROM:<app@bench.example>\r\nRCPT TO:<user@bench.example>\r\nDATA\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] dot = ".\r\n".getBytes(StandardCharsets.US_ASCII);
        out.write(group);
        out.flush();
        for (int i = 0; i < count; i++) {
            expect(250);
            expect(250);
            expect(354);
            out.write(body);
            out.write(dot);
            if (i + 1 < count) {
                out.write(group);
            }
            out.flush();
            if (i + 1 < count) {
                expect(250);
            }
        }
        expect(250);
    }

    void quit() throws IOException {
        send("QUIT\r\n");
        expect(221);
    }

    private void send(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one (possibly multi-line) reply and checks its code; returns its text. */
    private String expect(int code) throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("connection closed while waiting for " + code + "; got so far: " + text);
            }
            text.append(line).append('\n');
            if (line.length() < 4 || line.charAt(3) == ' ') {
                if (!line.startsWith(Integer.toString(code))) {
                    throw new IOException("expected " + code + " but got: " + text);
                }
                return text.toString();
            }
        }
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) b);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Writes a message body. */
    interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }
}
