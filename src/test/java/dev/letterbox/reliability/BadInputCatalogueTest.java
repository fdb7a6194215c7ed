package dev.letterbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.SmtpTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue: one row per hostile or broken input, the reply it gets, and, after each, proof that the
 * server still serves the next client normally.
 */
class BadInputCatalogueTest {
    private static final int LIMIT = 2_000;
    private SmtpServer server;

    @BeforeEach
    void start() {
        server = SmtpServer.start(ServerOptions.builder().maxMessageSize(LIMIT).idleTimeout(Duration.ofMillis(500))
                .users("alice:secret").build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * One row: what the client sends after EHLO (CRLF not added), how many replies come before the one judged (the
     * transaction's MAIL, RCPT and DATA, or the refused AUTH attempts), and the reply it must get.
     */
    record Row(String name, byte[] input, int before, int code, String enhanced) {
        static Row of(String name, String input, int code, String enhanced) {
            int before = input.startsWith("AUTH") ? 5 // the limit of failed attempts
                    : input.startsWith("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA") ? 3
                    : input.startsWith("MAIL FROM:<a@example.com>\r\nRCPT") ? 1 : 0;
            return new Row(name, input.getBytes(StandardCharsets.ISO_8859_1), before, code, enhanced);
        }

        @Override
        public String toString() {
            return name + " -> " + code + (enhanced == null ? "" : " " + enhanced);
        }
    }

    static List<Row> rows() {
        String limitBody = "x".repeat(LIMIT - 2) + "\r\n"; // exactly LIMIT octets of content
        String transaction = "MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n";
        return List.of(
                Row.of("NUL inside an address", "MAIL FROM:<a\u0000b@example.com>\r\n", 501, "5.1.7"),
                Row.of("NUL as a command", "\u0000\r\n", 500, "5.5.2"),
                Row.of("lone CR inside a command line", "NOOP\rRSET\r\n", 500, "5.5.2"),
                Row.of("lone LF ending a command", "NOOP\n", 500, "5.5.2"),
                Row.of("10 MB without a line end, then CRLF", "X".repeat(10_000_000) + "\r\n", 500, "5.5.2"),
                Row.of("path without its closing '>'", "MAIL FROM:<a@example.com\r\n", 501, "5.5.4"),
                Row.of("path without its opening '<'", "MAIL FROM:a@example.com>\r\n", 501, "5.5.4"),
                Row.of("source route (accepted, dropped)", "MAIL FROM:<@relay.example:a@example.com>\r\n", 250,
                        "2.1.0"),
                Row.of("null path as a recipient", "MAIL FROM:<a@example.com>\r\nRCPT TO:<>\r\n", 501, "5.1.3"),
                Row.of("DATA of exactly the size limit", transaction + limitBody + ".\r\n", 250, "2.0.0"),
                Row.of("DATA one octet above the size limit", transaction + "y" + limitBody + ".\r\n", 552, "5.3.4"),
                Row.of("bare LF before the dot (smuggling)", transaction + "a\r\n\n.\n" + "b\r\n.\r\n", 550,
                        "5.5.2"),
                Row.of("LF.CR end attempt (smuggling)", transaction + "a\n.\r\nb\r\n.\r\n", 550, "5.5.2"),
                Row.of("a client that connects and never speaks", "", 421, "4.4.2"),
                Row.of("10 wrong AUTH passwords in a row (closed after 5, each 535)",
                        ("AUTH PLAIN " + Base64.getEncoder().encodeToString("\0alice\0wrong".getBytes(
                                StandardCharsets.UTF_8)) + "\r\n").repeat(10), 421, "4.7.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void badInputGetsItsReplyAndTheServerServesTheNextClient(Row row) {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.sendRaw(row.input());

            for (int i = 0; i < row.before(); i++) {
                assertThat(c.read().code()).as("reply before the one judged").isIn(250, 354, 535);
            }
            SmtpTestClient.Response last = c.read();
            last.assertCode(row.code());
            assertThat(last.enhanced()).as("enhanced code of %s", last).isEqualTo(row.enhanced());
        }

        try (SmtpTestClient next = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            next.sendMessage("a@example.com", List.of("b@example.com"), "Subject: next\r\n\r\nok")
                    .assertReply(250, "2.0.0");
        }
    }
}
