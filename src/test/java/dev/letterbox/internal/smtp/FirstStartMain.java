package dev.letterbox.internal.smtp;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Run in a child JVM by {@link ClassLoadingTest}: what a first test does, with nothing but {@code java.net} around the
 * library (no test client, no AssertJ, no lambda), so the classes the child loads are the library's and the JDK's.
 * Starts a server with {@code SmtpServer.start()}, delivers one message over a raw socket, awaits it and closes.
 * Prints {@code RECEIVED} and exits 0 on success.
 */
public final class FirstStartMain {
    private FirstStartMain() {
    }

    /**
     * Runs the scenario.
     *
     * @param args ignored
     * @throws IOException if the conversation fails
     */
    public static void main(String[] args) throws IOException {
        try (SmtpServer server = SmtpServer.start();
             Socket socket = new Socket(server.host(), server.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            exchange(in, out, "EHLO client.example", "250");
            exchange(in, out, "MAIL FROM:<a@example.com>", "250");
            exchange(in, out, "RCPT TO:<b@example.com>", "250");
            exchange(in, out, "DATA", "354");
            exchange(in, out, "Subject: hi\r\n\r\nhello\r\n.", "250");
            exchange(in, out, "QUIT", "221");
            List<ReceivedMessage> messages = server.mailbox().awaitMessages(1);
            if (!messages.get(0).envelope().recipients().equals(List.of("b@example.com"))) {
                throw new IllegalStateException("unexpected message " + messages.get(0).envelope());
            }
            System.out.println("RECEIVED " + messages.get(0).size() + " octets");
        }
    }

    private static void exchange(BufferedReader in, OutputStream out, String command, String code)
            throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    /** Reads one reply, every line of a multi-line one, and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IllegalStateException("expected " + code + ", got " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }
}
