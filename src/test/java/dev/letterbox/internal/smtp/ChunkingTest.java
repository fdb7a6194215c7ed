package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.SmtpStage;
import dev.letterbox.Transcript;
import dev.letterbox.testing.SmtpTestClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** CHUNKING (RFC 3030): BDAT chunks read binary-safe, answered per chunk, stored only after LAST; over a socket. */
class ChunkingTest extends ServerPerTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** One BDAT command line followed by its chunk, as a client writes them. */
    private static byte[] bdat(byte[] chunk, boolean last) {
        return concat(ascii("BDAT " + chunk.length + (last ? " LAST" : "") + "\r\n"), chunk);
    }

    private static void transaction(SmtpTestClient c) {
        c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0");
        c.command("RCPT TO:<b@example.com>").assertReply(250, "2.1.5");
    }

    @Test
    void ehloAdvertisesChunkingBinarymimeAndDsn() {
        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);
            assertThat(c.command("EHLO client.example").assertCode(250).lines())
                    .contains("CHUNKING", "BINARYMIME", "DSN");
        }
    }

    @Test
    void chunkBoundariesInsideDotLinesAreJustDataAndTheMessageIsByteExact() {
        // what DATA would read as the end of the message, a stuffed dot and bare line endings, split across chunks
        byte[] one = ascii("Subject: chunks\r\n\r\nline\r\n.");
        byte[] two = ascii("\r\n..not stuffed\r\n.\r");
        byte[] three = ascii("\nbare\nLF and bare\rCR\r\n");
        try (SmtpTestClient c = connectEhlo()) {
            transaction(c);

            c.sendRaw(bdat(one, false));
            c.read().assertReply(250, "2.0.0").assertTextContains(one.length + " octets received");
            c.sendRaw(bdat(two, false));
            c.read().assertReply(250, "2.0.0").assertTextContains(two.length + " octets received");
            assertThat(server.mailbox().messages()).as("nothing is stored before LAST").isEmpty();
            c.sendRaw(bdat(three, true));
            c.read().assertReply(250, "2.0.0").assertTextContains("stored", (one.length + two.length
                    + three.length) + " octets");
            c.command("NOOP").assertReply(250, "2.0.0");
        }
        assertThat(server.mailbox().awaitMessage().raw()).isEqualTo(concat(one, two, three));
    }

    @Test
    void binaryPayloadIsStoredOctetForOctet() {
        byte[] payload = new byte[70_000];
        new Random(3030).nextBytes(payload);
        for (int i = 0; i < 256; i++) {
            payload[i] = (byte) i; // every octet value, NUL and 0xFF included
        }
        byte[] message = concat(ascii("Content-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: binary\r\n\r\n"), payload);
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> BODY=BINARYMIME").assertReply(250, "2.1.0");
            c.command("RCPT TO:<b@example.com>").assertReply(250, "2.1.5");
            c.sendRaw(bdat(message, true));
            c.read().assertReply(250, "2.0.0");
        }
        ReceivedMessage m = server.mailbox().awaitMessage();
        assertThat(m.raw()).isEqualTo(message);
        assertThat(m.envelope().mailParameter("BODY")).isEqualTo("BINARYMIME");
    }

    @Test
    void messageAboveTheSpillThresholdIsStoredWhole() {
        byte[] big = new byte[300_000];
        new Random(1).nextBytes(big);
        try (SmtpServer spilling = SmtpServer.start(ServerOptions.builder().spillThreshold(4096).build());
                SmtpTestClient c = SmtpTestClient.connectEhlo(spilling.host(), spilling.port())) {
            transaction(c);
            int chunk = 65_536;
            for (int off = 0; off < big.length; off += chunk) {
                byte[] part = java.util.Arrays.copyOfRange(big, off, Math.min(big.length, off + chunk));
                c.sendRaw(bdat(part, false));
                c.read().assertReply(250, "2.0.0");
            }
            c.sendRaw(ascii("BDAT 0 LAST\r\n"));
            c.read().assertReply(250, "2.0.0").assertTextContains(big.length + " octets");
            assertThat(spilling.mailbox().awaitMessage().raw()).isEqualTo(big);
        }
    }

    @Test
    void pipelinedChunksInOneWriteAreAnsweredInOrder() {
        try (SmtpTestClient c = connectEhlo()) {
            c.sendRaw(concat(ascii("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\n"),
                    bdat(ascii("Subject: p\r\n"), false), bdat(ascii("\r\nBDAT 3\r\n"), false),
                    ascii("BDAT 0 LAST\r\nMAIL FROM:<c@example.com>\r\nRCPT TO:<d@example.com>\r\n"),
                    bdat(ascii("Subject: q\r\n\r\nQUIT\r\n"), true), ascii("QUIT\r\n")));

            c.read().assertReply(250, "2.1.0");
            c.read().assertReply(250, "2.1.5");
            c.read().assertReply(250, "2.0.0").assertTextContains("12 octets received");
            c.read().assertReply(250, "2.0.0").assertTextContains("10 octets received");
            c.read().assertReply(250, "2.0.0").assertTextContains("stored");
            c.read().assertReply(250, "2.1.0");
            c.read().assertReply(250, "2.1.5");
            c.read().assertReply(250, "2.0.0").assertTextContains("stored");
            c.read().assertReply(221, "2.0.0");
            c.assertClosedByServer();
        }
        var messages = server.mailbox().awaitMessages(2);
        assertThat(new String(messages.get(0).raw(), StandardCharsets.US_ASCII)).isEqualTo("Subject: p\r\n\r\nBDAT 3\r\n");
        assertThat(new String(messages.get(1).raw(), StandardCharsets.US_ASCII)).isEqualTo("Subject: q\r\n\r\nQUIT\r\n");
        assertThat(messages.get(1).envelope().recipients()).containsExactly("d@example.com");
    }

    @Test
    void bdatZeroLastAloneEndsAnEmptyMessage() {
        // RFC 3030 section 2: a zero-length chunk is allowed; with LAST it ends the message, chunks before or not
        try (SmtpTestClient c = connectEhlo()) {
            transaction(c);
            c.command("BDAT 0 LAST").assertReply(250, "2.0.0").assertTextContains("0 octets");
        }
        assertThat(server.mailbox().awaitMessage().raw()).isEmpty();
    }

    @Test
    void bdatWithoutATransactionIsRefusedAndItsOctetsAreStillRead() {
        try (SmtpTestClient c = connectEhlo()) {
            c.sendRaw(bdat(ascii("NOOP\r\nRSET\r\n"), false));
            c.read().assertReply(503, "5.5.1").assertTextContains("need MAIL");

            c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0");
            c.sendRaw(bdat(ascii("QUIT\r\n"), true));
            c.read().assertReply(503, "5.5.1").assertTextContains("need RCPT");
            c.command("NOOP").assertReply(250, "2.0.0");
            c.command("RCPT TO:<b@example.com>").assertReply(503, "5.5.1"); // the refused BDAT failed the transaction
        }
        assertThat(server.mailbox().messages()).isEmpty();
    }

    @Test
    void malformedSizeGets501AndTheConnectionIsClosed() {
        for (String command : new String[] {"BDAT", "BDAT ten", "BDAT -1", "BDAT 10 MORE", "BDAT 10 LAST X",
                "BDAT 1234567890123456789"}) {
            try (SmtpTestClient c = connectEhlo()) {
                transaction(c);
                c.sendLine(command);
                c.read().assertReply(501, "5.5.4").assertTextContains("BDAT <size in octets> [LAST]");
                c.read().assertReply(421, "4.5.0");
                c.assertClosedByServer();
            }
        }
        assertThat(server.mailbox().messages()).isEmpty();
    }

    @Test
    void chunkPastTheSizeLimitGets552AndTheDialogueStaysInStep() {
        try (SmtpServer limited = SmtpServer.start(ServerOptions.builder().maxMessageSize(100).build());
                SmtpTestClient c = SmtpTestClient.connectEhlo(limited.host(), limited.port())) {
            // one chunk larger than the limit, its octets looking like commands
            transaction(c);
            byte[] tooBig = ascii("NOOP\r\n".repeat(30));
            c.sendRaw(concat(bdat(tooBig, false), bdat(ascii("tail"), true)));
            c.read().assertReply(552, "5.3.4").assertTextContains("100 octets", "nothing was stored");
            c.read().assertReply(503, "5.5.1").assertTextContains("need MAIL"); // the pipelined chunk is dropped
            c.command("NOOP").assertReply(250, "2.0.0");

            // chunks each within the limit, together above it
            transaction(c);
            c.sendRaw(bdat(new byte[60], false));
            c.read().assertReply(250, "2.0.0");
            c.sendRaw(bdat(new byte[60], true));
            c.read().assertReply(552, "5.3.4").assertTextContains("120 with this chunk");
            c.command("NOOP").assertReply(250, "2.0.0");

            // and a message within the limit still goes through
            transaction(c);
            c.sendRaw(bdat(new byte[100], true));
            c.read().assertReply(250, "2.0.0");
            assertThat(limited.mailbox().awaitMessage().raw()).hasSize(100);
        }
    }

    @Test
    void dataAfterBdatAndRcptAfterBdatAreRefused() {
        try (SmtpTestClient c = connectEhlo()) {
            transaction(c);
            c.sendRaw(bdat(ascii("Subject: x\r\n"), false));
            c.read().assertReply(250, "2.0.0");
            c.command("DATA").assertReply(503, "5.5.1").assertTextContains("DATA after BDAT");
            c.command("RCPT TO:<late@example.com>").assertReply(503, "5.5.1").assertTextContains("RCPT after BDAT");
            c.sendRaw(bdat(ascii("\r\nbody\r\n"), true));
            c.read().assertReply(250, "2.0.0");
        }
        ReceivedMessage m = server.mailbox().awaitMessage();
        assertThat(m.envelope().recipients()).containsExactly("b@example.com");
        assertThat(new String(m.raw(), StandardCharsets.US_ASCII)).isEqualTo("Subject: x\r\n\r\nbody\r\n");
    }

    @Test
    void binarymimeTransactionRefusesData() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> BODY=BINARYMIME").assertReply(250, "2.1.0");
            c.command("RCPT TO:<b@example.com>").assertReply(250, "2.1.5");
            c.command("DATA").assertReply(503, "5.5.1").assertTextContains("BINARYMIME", "BDAT");
            c.sendRaw(bdat(ascii("Subject: b\r\n\r\n\u0001\r\n"), true));
            c.read().assertReply(250, "2.0.0");
        }
        assertThat(server.mailbox().awaitMessage().envelope().mailParameter("BODY")).isEqualTo("BINARYMIME");
    }

    @Test
    void bdatAfterHeloIsRefused() {
        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);
            c.command("HELO client.example").assertCode(250);
            transaction(c);
            c.sendRaw(bdat(ascii("x"), true));
            c.read().assertReply(503, "5.5.1").assertTextContains("EHLO");
            c.command("NOOP").assertReply(250, "2.0.0");
        }
    }

    @Test
    void rsetDropsTheChunksAndTheNextMessageStartsClean() {
        try (SmtpTestClient c = connectEhlo()) {
            transaction(c);
            c.sendRaw(bdat(ascii("first attempt\r\n"), false));
            c.read().assertReply(250, "2.0.0");
            c.command("RSET").assertReply(250, "2.0.0");
            transaction(c);
            c.sendRaw(bdat(ascii("second\r\n"), true));
            c.read().assertReply(250, "2.0.0");
        }
        assertThat(new String(server.mailbox().awaitMessage().raw(), StandardCharsets.US_ASCII))
                .isEqualTo("second\r\n");
    }

    @Test
    void scriptedFaultsSeeTheFirstChunkAtDataAndTheLastAtEndOfData() {
        server.mailbox().on(SmtpStage.DATA).once().reply(554, "5.7.1 No content today");
        server.mailbox().on(SmtpStage.END_OF_DATA).once().reply(451, "4.3.0 Try again later");
        try (SmtpTestClient c = connectEhlo()) {
            transaction(c);
            c.sendRaw(concat(bdat(ascii("refused\r\n"), false), bdat(ascii("pipelined\r\n"), true)));
            c.read().assertCode(554).assertTextContains("No content today");
            c.read().assertReply(503, "5.5.1"); // the transaction failed with the first chunk

            transaction(c);
            c.sendRaw(bdat(ascii("one\r\n"), false));
            c.read().assertReply(250, "2.0.0");
            c.sendRaw(bdat(ascii("two\r\n"), true));
            c.read().assertCode(451).assertTextContains("Try again later");
            assertThat(server.mailbox().messages()).isEmpty();

            transaction(c);
            c.sendRaw(bdat(ascii("three\r\n"), true));
            c.read().assertReply(250, "2.0.0");
        }
        assertThat(new String(server.mailbox().awaitMessage().raw(), StandardCharsets.US_ASCII))
                .isEqualTo("three\r\n");
    }

    @Test
    void scriptedDelayOnTheFirstChunkStillStoresTheMessage() {
        server.mailbox().on(SmtpStage.DATA).once().delay(Duration.ofMillis(1));
        try (SmtpTestClient c = connectEhlo()) {
            transaction(c);
            c.sendRaw(bdat(ascii("delayed\r\n"), true));
            c.read().assertReply(250, "2.0.0");
        }
        assertThat(server.mailbox().awaitMessage().raw()).isEqualTo(ascii("delayed\r\n"));
    }

    @Test
    void strictModeJudgesAChunkedMessageAtItsLastChunk() {
        try (SmtpServer strict = SmtpServer.start(ServerOptions.builder().strict(true).build());
                SmtpTestClient c = SmtpTestClient.connectEhlo(strict.host(), strict.port())) {
            transaction(c);
            c.sendRaw(bdat(ascii("Subject: no From, no Message-ID\r\n\r\nhi\r\n"), true));
            c.read().assertReply(550, "5.6.0").assertTextContains("strict mode", "nothing was stored");
            assertThat(strict.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void transcriptRecordsTheBdatLinesNotThePayload() throws Exception {
        try (SmtpTestClient c = connectEhlo()) {
            transaction(c);
            c.sendRaw(bdat(ascii("secret payload\r\n"), false));
            c.read().assertCode(250);
            c.sendRaw(bdat(ascii("more\r\n"), true));
            c.read().assertCode(250);
            c.command("QUIT").assertCode(221);
        }
        ServerThreads.awaitSessionsEnded(server.port());

        Transcript t = server.mailbox().transcripts().get(0);
        assertThat(t.commands()).containsSubsequence("BDAT 16", "BDAT 6 LAST", "QUIT");
        assertThat(t.lines()).extracting(Transcript.Line::toString)
                .contains("*  chunk of 16 octets", "*  message content, 22 octets in 2 chunks")
                .noneMatch(l -> l.contains("secret payload"));
    }
}
