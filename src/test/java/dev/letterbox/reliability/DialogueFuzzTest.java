package dev.letterbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.SmtpTestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes whole dialogues over loopback: arbitrary octets are one client's session (sent from a writer thread, then
 * the client's side shut down) against a running server with users, CHUNKING and the default strict line endings.
 * Every octet the server sends must be reply lines {@code ddd[ -]text CRLF}, none of them {@code 421 4.3.0} (an
 * exception of ours inside the session), and the server must close the connection; after each input a fresh client
 * delivers a message normally. Regression inputs:
 * {@code src/test/resources/dev/letterbox/reliability/DialogueFuzzTestInputs/<method>/}.
 */
class DialogueFuzzTest {
    private static final Pattern REPLY_LINE = Pattern.compile("[2-5][0-9][0-9][ -][^\r\n]*");
    private static final String TLS_READY = "220 2.0.0 Ready to start TLS\r\n";
    private static SmtpServer server;

    @BeforeAll
    static void start() {
        server = SmtpServer.start(ServerOptions.builder().users("alice:secret").maxMessageSize(64 * 1024)
                .idleTimeout(Duration.ofSeconds(10)).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @FuzzTest(maxDuration = "3m")
    void everyReplyIsWellFormedAndTheServerServesTheNextClient(byte[] session) throws Exception {
        // the test's own connections to its server, not requests of the code under test
        try (SilentCloseable allowed = BugDetectors.allowNetworkConnections(
                (host, port) -> port.intValue() == server.port())) {
            String replies = untilTls(dialogue(session));
            String[] lines = replies.split("\r\n", -1);
            assertThat(lines[lines.length - 1]).as("after the last CRLF of %s", replies).isEmpty();
            for (int i = 0; i < lines.length - 1; i++) {
                assertThat(lines[i]).as("reply line %s of %s", i + 1, replies).matches(REPLY_LINE);
                assertThat(lines[i]).as("an internal error").doesNotStartWith("421 4.3.0");
            }
            try (SmtpTestClient next = SmtpTestClient.connectEhlo(server.host(), server.port())) {
                next.sendMessage("a@example.com", List.of("b@example.com"), "Subject: next\r\n\r\nok")
                        .assertReply(250, "2.0.0");
            }
        } finally {
            server.mailbox().clear();
        }
    }

    /** @return everything the server sent until it closed the connection */
    private static String dialogue(byte[] session) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(server.host(), server.port()), 5_000);
            s.setSoTimeout(15_000);
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write(session);
                    out.flush();
                    s.shutdownOutput();
                } catch (IOException e) {
                    // the server closed first (QUIT, an error limit): what it sent is judged
                }
            }, "dialogue-fuzz-writer");
            writer.setDaemon(true);
            writer.start();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    received.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server neither answered nor closed within 15 s; it sent: "
                        + received.toString(StandardCharsets.ISO_8859_1), e);
            } catch (IOException e) {
                // a reset after the server closed with unread input: what arrived before is judged
            }
            writer.join(15_000);
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** @return the replies up to the 220 to STARTTLS: after it come TLS records (an alert for a failed handshake) */
    private static String untilTls(String replies) {
        int tls = replies.indexOf(TLS_READY);
        return tls < 0 ? replies : replies.substring(0, tls + TLS_READY.length());
    }
}
