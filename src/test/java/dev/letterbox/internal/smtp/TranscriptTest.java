package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpStage;
import dev.letterbox.Transcript;
import dev.letterbox.testing.SmtpTestClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every session is recorded line by line; message content only by its size. */
class TranscriptTest extends ServerPerTest {

    @Test
    void transcriptListsTheExactLinesAndSummarisesTheContent() throws Exception {
        try (SmtpTestClient c = connectEhlo()) {
            c.sendMessage("shop@example.com", List.of("ann@example.com"), "Subject: secret\r\n\r\nthe body")
                    .assertCode(250);
            c.command("QUIT").assertCode(221);
        }
        ServerThreads.awaitSessionsEnded(server.port());

        Transcript t = server.mailbox().transcripts().get(0);

        assertThat(t.sessionNumber()).isEqualTo(1);
        assertThat(t.client()).startsWith("127.0.0.1:");
        assertThat(t.lines()).extracting(Transcript.Line::toString).containsExactly(
                "S: 220 letterbox.localhost ESMTP Letterbox ready",
                "C: EHLO client.example",
                "S: 250-letterbox.localhost greets client.example",
                "S: 250-PIPELINING",
                "S: 250-SIZE",
                "S: 250-8BITMIME",
                "S: 250-SMTPUTF8",
                "S: 250-ENHANCEDSTATUSCODES",
                "S: 250-CHUNKING",
                "S: 250-BINARYMIME",
                "S: 250 DSN",
                "C: MAIL FROM:<shop@example.com>",
                "S: 250 2.1.0 Sender <shop@example.com> OK",
                "C: RCPT TO:<ann@example.com>",
                "S: 250 2.1.5 Recipient <ann@example.com> OK",
                "C: DATA",
                "S: 354 End data with <CR><LF>.<CR><LF>",
                "*  message content, 29 octets",
                "S: 250 2.0.0 OK: message 1 stored, 29 octets",
                "C: QUIT",
                "S: 221 2.0.0 Bye");
        assertThat(t.toString()).doesNotContain("secret", "the body")
                .startsWith("Session 1 with 127.0.0.1:").contains("\n  +0.0");
        assertThat(t.lines()).allSatisfy(l -> assertThat(l.at()).isAfterOrEqualTo(t.startedAt()));
        assertThat(t.commands()).containsExactly("EHLO client.example", "MAIL FROM:<shop@example.com>",
                "RCPT TO:<ann@example.com>", "DATA", "QUIT");
        assertThat(server.mailbox().messages().get(0).transcript().lines())
                .as("a message's transcript: what led to it, up to the reply to its content")
                .hasSize(19).last().hasToString("S: 250 2.0.0 OK: message 1 stored, 29 octets");
    }

    @Test
    void messageKnowsTheSessionItCameFrom() {
        try (SmtpTestClient first = connectEhlo(); SmtpTestClient second = connectEhlo()) {
            second.sendMessage("b@example.com", List.of("x@example.com"), "Subject: two\r\n\r\nx").assertCode(250);
            first.sendMessage("a@example.com", List.of("y@example.com"), "Subject: one\r\n\r\nx").assertCode(250);
        }

        List<ReceivedMessage> messages = server.mailbox().awaitMessages(2);

        assertThat(messages.get(0).transcript().commands()).contains("MAIL FROM:<b@example.com>")
                .doesNotContain("MAIL FROM:<a@example.com>");
        assertThat(messages.get(1).transcript().commands()).contains("MAIL FROM:<a@example.com>");
        assertThat(messages.get(0).transcript().sessionNumber())
                .isNotEqualTo(messages.get(1).transcript().sessionNumber());
    }

    @Test
    void refusalsScriptedFaultsAndTheShutdownAreRecorded() {
        server.mailbox().on(SmtpStage.RCPT).reply(550, "5.1.1 No such user");
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("RCPT TO:<b@example.com>").assertCode(550);
            c.command("BOGUS").assertCode(500);

            List<Transcript.Line> lines = server.mailbox().transcripts().get(0).lines();
            server.close();

            assertThat(lines).extracting(Transcript.Line::toString).endsWith(
                    "C: RCPT TO:<b@example.com>",
                    "*  scripted on RCPT every time: reply 550 5.1.1 No such user",
                    "S: 550 5.1.1 No such user",
                    "C: BOGUS",
                    "S: 500 5.5.2 Error: command not recognized: \"BOGUS\"");
            c.read().assertReply(421, "4.3.2");
        }
    }

    @Test
    void clearForgetsEndedSessionsAndKeepsLiveOnes() throws Exception {
        try (SmtpTestClient ended = connectEhlo()) {
            ended.command("QUIT").assertCode(221);
        }
        ServerThreads.awaitSessionsEnded(server.port());
        try (SmtpTestClient live = connectEhlo()) {
            server.mailbox().clear();

            assertThat(server.mailbox().transcripts()).extracting(Transcript::sessionNumber).containsExactly(2L);
        }
    }

    @Test
    void aSessionKeepsAtMostTenThousandLinesAndCountsTheRest() {
        Transcript t;
        try (SmtpTestClient c = connectEhlo()) {
            c.send("NOOP\r\n".repeat(6000));
            for (int i = 0; i < 6000; i++) {
                c.read().assertCode(250);
            }
            t = server.mailbox().transcripts().get(0);
        }

        assertThat(t.lines()).hasSize(SessionRecord.MAX_LINES);
        // greeting 1, EHLO 1 + 9 reply lines, then 2 lines per NOOP
        assertThat(t.omittedLines()).isEqualTo(11 + 6000 * 2 - SessionRecord.MAX_LINES);
        assertThat(t.toString()).endsWith("(2011 more lines not kept)");
    }

    @Test
    void overlongCommandLinesAreNotKept() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("NOOP " + "x".repeat(600)).assertReply(500, "5.5.2");
        }

        assertThat(server.mailbox().transcripts().get(0).lines()).extracting(Transcript.Line::text)
                .contains("command line longer than 512 octets (not kept)")
                .noneMatch(text -> text.contains("xxxx"));
    }
}
