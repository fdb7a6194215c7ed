package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.letterbox.testing.SmtpTestClient;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Command-line syntax: unknown verbs, line length, and 501 replies that say what was wrong. */
class CommandSyntaxTest extends ServerPerTest {
    @Test
    void commandLineEndingInBareLfIsRefusedAndTheSessionGoesOn() {
        try (SmtpTestClient c = connectEhlo()) {
            c.send("NOOP\n");
            c.read().assertReply(500, "5.5.2").assertTextContains("bare <LF>");

            c.command("NOOP").assertReply(250, "2.0.0");
        }
    }

    @Test
    void commandLineEndingInBareLfIsAcceptedWithLenientLineEndings() {
        try (SmtpServer lenient = SmtpServer.start(ServerOptions.builder().lenientLineEndings(true).build());
             SmtpTestClient c = SmtpTestClient.connect(lenient.host(), lenient.port())) {
            c.expect(220);
            c.send("EHLO client.example\n");
            c.read().assertCode(250);
            c.send("NOOP\n");
            c.read().assertReply(250, "2.0.0");
        }
    }

    @Test
    void unknownCommandIsAnswered500() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("FROB now").assertReply(500, "5.5.2").assertTextContains("FROB");
        }
    }

    /**
     * Verbs are ASCII: letters that {@code toUpperCase} folds onto ASCII ones (dotless i U+0131 to I, long s U+017F to
     * S) do not make a verb, so "MAıL FROM:" is an unknown command, not MAIL.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MA\u0131L FROM:<a@example.com>|MA\u0131L",
        "R\u017FET|R\u017FET",
        "QU\u0131T|QU\u0131T",
        "\u017FTARTTLS|\u017FTARTTLS",
        "ma\u0131l FROM:<a@example.com>|ma\u0131l"})
    void nonAsciiLettersThatFoldToAsciiDoNotMakeAVerb(String line, String word) {
        try (SmtpTestClient c = connectEhlo()) {
            c.command(line).assertReply(500, "5.5.2").assertTextContains("not recognized", word);

            c.command("NOOP").assertReply(250, "2.0.0");
        }
    }

    @Test
    void aParameterKeywordWithALongSIsNotSmtputf8() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> \u017FMTPUTF8").assertReply(501, "5.5.4")
                    .assertTextContains("parameter");
            c.command("MAIL FROM:<a@example.com> smtputf8").assertReply(250, "2.1.0"); // ASCII case still folds
        }
    }

    @Test
    void commandLineOver512OctetsIsAnswered500AndTheSessionGoesOn() {
        try (SmtpTestClient c = connectEhlo()) {
            String longest = "NOOP " + "x".repeat(512 - 2 - 5);   // 512 octets with CRLF
            c.command(longest).assertReply(250, "2.0.0");

            c.command(longest + "x").assertReply(500, "5.5.2").assertTextContains("too long");

            c.command("NOOP").assertReply(250, "2.0.0");
            c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0");
        }
    }

    @Test
    void veryLongCommandLineIsConsumedWholeAndAnsweredOnce() {
        try (SmtpTestClient c = connectEhlo()) {
            c.sendLine("MAIL FROM:<" + "a".repeat(200_000) + "@example.com>");

            c.read().assertReply(500, "5.5.2");

            c.command("NOOP").assertReply(250, "2.0.0");
        }
    }

    @Test
    void commandLineLimitIsConfigurable() {
        try (SmtpServer roomy = SmtpServer.start(ServerOptions.builder().maxCommandLineLength(2048).build());
             SmtpTestClient c = SmtpTestClient.connectEhlo(roomy.host(), roomy.port())) {
            String line = "NOOP " + "x".repeat(2048 - 2 - 5);

            c.command(line).assertReply(250, "2.0.0");
            c.command(line + "x").assertReply(500, "5.5.2");
        }
    }

    @ParameterizedTest(name = "{0} -> 501 mentioning \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "MAIL FROM:a@example.com|angle brackets",
        "MAIL FROM:<a@example.com|missing '>'",
        "MAIL <a@example.com>|MAIL FROM:",
        "MAIL TO:<a@example.com>|MAIL FROM:",
        "MAIL|MAIL FROM:",
        "RSET now|takes no argument",
        "QUIT now|takes no argument",
        "VRFY|VRFY <",
        "MAIL FROM:<a@example.com>SIZE=1|space after '>'",
        "MAIL FROM:<a@example.com> SIZE=|has no value",
        "MAIL FROM:<a@example.com> SIZE=1 SIZE=2|given twice with different values (1 and 2)",
        "MAIL FROM:<a@example.com> BODY=8BITMIME BODY=7BIT|given twice with different values",
        "MAIL FROM:<a@example.com> =x|parameter",
    })
    void syntaxErrorIsAnswered501WithTheReason(String command, String reason) {
        try (SmtpTestClient c = connectEhlo()) {
            c.command(command).assertReply(501, "5.5.4").assertTextContains(reason);
        }
    }

    @Test
    void dataWithAnArgumentIsAnswered501InATransactionAnd503Outside() {
        // the sequence is checked before the syntax, as Postfix does
        try (SmtpTestClient c = connectEhlo()) {
            c.command("DATA now").assertReply(503, "5.5.1");
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<b@example.com>").assertCode(250);

            c.command("DATA now").assertReply(501, "5.5.4").assertTextContains("takes no argument");
        }
    }

    @Test
    void repeatedParameterWithTheSameValueIsAccepted() {
        // Python's smtplib send_message(msg, mail_options=["SMTPUTF8"]) sends SMTPUTF8 twice
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> SMTPUTF8 SMTPUTF8 SIZE=10 SIZE=10").assertReply(250, "2.1.0");
            c.command("RCPT TO:<b@example.com>").assertReply(250, "2.1.5");
            c.command("DATA").assertCode(354);
            c.send("Subject: hi\r\n\r\nbody\r\n.\r\n");
            c.expect(250);
        }
        assertThat(server.mailbox().awaitMessage().envelope().mailParameters())
                .containsExactly(entry("SMTPUTF8", ""), entry("SIZE", "10"));
    }

    @Test
    void rcptWithoutToIsAnswered501() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);

            c.command("RCPT <b@example.com>").assertReply(501, "5.5.4").assertTextContains("RCPT TO:");
        }
    }

    @Test
    void ehloWithoutDomainIsAnswered501() {
        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);

            c.command("EHLO").assertReply(501, "5.5.4").assertTextContains("domain");
            c.command("HELO").assertReply(501, "5.5.4").assertTextContains("domain");
            c.command("MAIL FROM:<a@example.com>").assertReply(503, "5.5.1");
        }
    }

    @Test
    void commandVerbsAreCaseInsensitive() {
        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);

            c.command("ehlo client.example").assertCode(250);
            c.command("mail from:<a@example.com>").assertReply(250, "2.1.0");
            c.command("Rcpt To:<b@example.com>").assertReply(250, "2.1.5");
        }
    }
}
