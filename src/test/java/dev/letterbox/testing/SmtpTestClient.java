package dev.letterbox.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw-socket SMTP client for dialogue tests: every read has a socket timeout, so no test can hang; replies are read
 * whole (all lines of a multi-line reply) and checked for well-formedness.
 */
public final class SmtpTestClient implements AutoCloseable {
    static final int READ_TIMEOUT_MS = 5_000;

    /** One reply as read from the wire. */
    public record Response(int code, List<String> lines, String raw) {

        /** @return the text of every line after "code-" / "code ", joined with newlines */
        public String text() {
            return String.join("\n", lines);
        }

        /** @return the enhanced status code that starts the first line, or null */
        public String enhanced() {
            String first = lines.get(0);
            int sp = first.indexOf(' ');
            String token = sp < 0 ? first : first.substring(0, sp);
            return token.matches("[245]\\.\\d{1,3}\\.\\d{1,3}") ? token : null;
        }

        /** Asserts the reply code; returns this for chaining. */
        public Response assertCode(int expected) {
            assertThat(code).as("reply code of %s", this).isEqualTo(expected);
            return this;
        }

        /** Asserts the reply code and the enhanced status code; returns this for chaining. */
        public Response assertReply(int expectedCode, String expectedEnhanced) {
            assertCode(expectedCode);
            assertThat(enhanced()).as("enhanced status code of %s", this).isEqualTo(expectedEnhanced);
            return this;
        }

        /** Asserts that the text contains every fragment, ignoring case; returns this for chaining. */
        public Response assertTextContains(String... fragments) {
            for (String f : fragments) {
                assertThat(text()).as("text of %s", this).containsIgnoringCase(f);
            }
            return this;
        }

        @Override
        public String toString() {
            return raw.stripTrailing();
        }
    }

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private SmtpTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects without reading the greeting. */
    public static SmtpTestClient connect(String host, int port) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(host, port), READ_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            s.setTcpNoDelay(true);
            return new SmtpTestClient(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
        }
    }

    /** Connects, reads the 220 greeting and says EHLO; returns after the EHLO reply. */
    public static SmtpTestClient connectEhlo(String host, int port) {
        SmtpTestClient c = connect(host, port);
        c.expect(220);
        c.command("EHLO client.example").assertCode(250);
        return c;
    }

    /**
     * Runs the TLS handshake as the client on this connection (after a 220 to STARTTLS, or first thing for implicit
     * TLS) and reads and writes through TLS from then on.
     *
     * @param context the client's context, such as {@code TlsCertificate.localhost().clientSslContext()}
     * @return the TLS session
     */
    public javax.net.ssl.SSLSession startTls(javax.net.ssl.SSLContext context) {
        try {
            javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket(socket,
                    socket.getInetAddress().getHostAddress(), socket.getPort(), true);
            javax.net.ssl.SSLParameters params = tls.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS"); // check the name, as a careful client does
            tls.setSSLParameters(params);
            tls.startHandshake();
            socket = tls;
            in = tls.getInputStream();
            out = tls.getOutputStream();
            return tls.getSession();
        } catch (IOException e) {
            throw new UncheckedIOException("TLS handshake failed", e);
        }
    }

    public Socket socket() {
        return socket;
    }

    /** Sends one command line (CRLF is appended) and reads its reply. */
    public Response command(String line) {
        sendLine(line);
        return read();
    }

    /** Sends one line, CRLF appended, without reading. */
    public void sendLine(String line) {
        send(line + "\r\n");
    }

    /** Sends text as UTF-8, unchanged, in one write. */
    public void send(String text) {
        sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends octets in one write. */
    public void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one reply and asserts its code. */
    public Response expect(int code) {
        return read().assertCode(code);
    }

    /**
     * Reads one complete reply: lines {@code code-text} up to the line {@code code text}. Fails if the socket times out
     * or closes first, or a line is malformed.
     */
    public Response read() {
        StringBuilder raw = new StringBuilder();
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new AssertionError("connection closed while reading a reply; read so far: " + raw);
            }
            raw.append(line).append("\r\n");
            assertThat(line).as("reply line").matches("[2-5][0-9][0-9]([ -].*)?");
            int c = Integer.parseInt(line.substring(0, 3));
            if (code >= 0) {
                assertThat(c).as("code of every line of reply %s", raw).isEqualTo(code);
            }
            code = c;
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new Response(code, List.copyOf(lines), raw.toString());
            }
        }
    }

    /** Reads one reply line ending in CRLF (without it), or null at end of stream before any octet. */
    public String readLine() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    if (buf.size() == 0) {
                        return null;
                    }
                    throw new EOFException("connection closed inside a reply line: " + buf);
                }
                if (b == '\n') {
                    byte[] line = buf.toByteArray();
                    assertThat(line.length > 0 && line[line.length - 1] == '\r')
                            .as("reply line ends with CRLF: %s", buf).isTrue();
                    return new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
                }
                buf.write(b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no complete reply line within " + READ_TIMEOUT_MS + " ms; read so far: "
                    + buf, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Does one blocking read of whatever the server has sent (up to 64 KiB) and returns it undecoded as text; used to
     * check that a reply written in one write arrives whole.
     */
    public String readOnce() {
        byte[] b = new byte[64 * 1024];
        try {
            int n = in.read(b);
            if (n < 0) {
                throw new AssertionError("connection closed, expected a reply");
            }
            return new String(b, 0, n, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing read within " + READ_TIMEOUT_MS + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the server closes the connection: the next read sees end of stream (or a reset), within the timeout. */
    public void assertClosedByServer() {
        try {
            int b = in.read();
            assertThat(b).as("next octet after the server should have closed the connection").isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection within " + READ_TIMEOUT_MS + " ms", e);
        } catch (IOException e) {
            // a reset is a close as well
        }
    }

    /** Runs MAIL, RCPT per recipient and DATA, then sends the body (already dot-stuffed, without terminator). */
    public Response sendMessage(String from, List<String> to, String body) {
        return sendMessage(from, to, (body + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs MAIL, RCPT per recipient and DATA, then sends the octets (already dot-stuffed, ending in CRLF) and the
     * terminating dot, and reads the reply to the message.
     */
    public Response sendMessage(String from, List<String> to, byte[] stuffedBody) {
        command("MAIL FROM:<" + from + ">").assertCode(250);
        for (String r : to) {
            command("RCPT TO:<" + r + ">").assertCode(250);
        }
        command("DATA").assertCode(354);
        byte[] data = java.util.Arrays.copyOf(stuffedBody, stuffedBody.length + 3);
        data[stuffedBody.length] = '.';
        data[stuffedBody.length + 1] = '\r';
        data[stuffedBody.length + 2] = '\n';
        sendRaw(data);
        return read();
    }

    /**
     * Dot-stuffs message octets for DATA (RFC 5321 section 4.5.2): a line starting with '.' gets another, and a last
     * line without CRLF (a bare LF included) gets one.
     */
    public static byte[] dotStuff(byte[] raw) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length + 64);
        boolean lineStart = true;
        for (byte b : raw) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        int n = raw.length;
        if (n > 0 && !(n >= 2 && raw[n - 2] == '\r' && raw[n - 1] == '\n')) {
            out.write('\r'); // only CRLF before the dot ends the data: a last bare LF would leave it open
            out.write('\n');
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
