package dev.letterbox.internal.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Violation;
import dev.letterbox.ViolationCode;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks are linear in the message size: pinned by counting octets read and examined, not by timing. */
class WireChecksGrowthTest {
    private static final String HEADERS = "From: a@example.com\r\nDate: Tue, 3 Mar 2026 10:15:30 +0100\r\n"
            + "Message-ID: <x@example.com>\r\nMIME-Version: 1.0\r\n";

    /** Counts the octets handed out. */
    private static final class CountingStream extends FilterInputStream {
        long read;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b >= 0 ? 1 : 0;
            return b;
        }
    }

    private static WireChecks.Scan scan(String message) {
        return WireChecks.scan(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)), Map.of());
    }

    /** 32 nested multiparts (the depth checked), then n body lines that all look like boundaries but are not. */
    private static String deeplyNested(int lines) {
        StringBuilder sb = new StringBuilder(HEADERS);
        for (int depth = 0; depth < MessageScan.MAX_DEPTH; depth++) {
            sb.append(depth == 0 ? "" : "--b" + (depth - 1) + "\r\n")
                    .append("Content-Type: multipart/mixed; boundary=b").append(depth).append("\r\n\r\n");
        }
        sb.append("--b").append(MessageScan.MAX_DEPTH - 1).append("\r\n\r\n");
        sb.append(("--b1x almost a boundary of every level\r\n").repeat(lines));
        return sb.toString();
    }

    @Test
    void everyOctetIsReadOnce() throws IOException {
        String message = HEADERS + "Content-Type: text/plain\r\n\r\n" + "line\r\n".repeat(100_000);
        CountingStream in = new CountingStream(new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)));

        WireChecks.scan(in, Map.of());

        assertThat(in.read).isEqualTo(message.length());
    }

    @Test
    void workPerOctetStaysTheSameWhenBoundaryLikeLinesGrowTenfold() {
        String small = deeplyNested(2_000);
        String large = deeplyNested(20_000);

        double smallPerOctet = (double) scan(small).work() / small.length();
        double largePerOctet = (double) scan(large).work() / large.length();

        assertThat(largePerOctet).isCloseTo(smallPerOctet, org.assertj.core.data.Offset.offset(0.05 * smallPerOctet));
        assertThat(largePerOctet).as("octets examined per octet read, bounded by the depth").isLessThan(4);
    }

    @Test
    void findingsStayFewWhenTheDefectRepeatsOnEveryLine() {
        String few = HEADERS + "\r\n" + "bare\n".repeat(10) + "long " + "x".repeat(2000) + "\r\n";
        String many = HEADERS + "\r\n" + ("bare\n" + "long " + "x".repeat(2000) + "\r\n").repeat(10_000);

        assertThat(scan(few).violations()).extracting(Violation::code)
                .containsExactly(ViolationCode.BARE_LF, ViolationCode.LINE_TOO_LONG);
        assertThat(scan(many).violations()).extracting(Violation::code)
                .containsExactly(ViolationCode.BARE_LF, ViolationCode.LINE_TOO_LONG);
        assertThat(scan(many).violations().get(0).message()).endsWith("(10000 lines in all)");
    }

    @Test
    void encodedWordCandidatesAreLookedAtOverAtMostSeventyFiveCharactersEach() {
        String subject = "=?utf-8?Q?" + "a".repeat(200) + " =?x?";

        assertThat(EncodedWords.firstProblem(subject)).contains("is not closed with ?= within 75 characters");
        assertThat(EncodedWords.firstProblem("1+1=? and =?x")).isNull();
    }
}
