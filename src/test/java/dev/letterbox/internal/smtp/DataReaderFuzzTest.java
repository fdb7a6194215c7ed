package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.letterbox.internal.store.ContentBuffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Fuzzes the DATA reader against a small reference that is obviously right because it works on whole lines of the
 * whole stream: the message ends at the first line that is a lone dot (a line ends only at CRLF), a leading dot of any
 * other line is removed, a bare LF or CR is content and the first one is reported with its line. The reader gets the
 * stream through a {@link Wire} in arbitrary chunks (as TCP may split it), with a size limit and a spill threshold
 * also chosen by the input; content, size, the bare line ending report and the octets left after the end must agree.
 * Regression inputs: {@code src/test/resources/dev/letterbox/internal/smtp/DataReaderFuzzTestInputs/<method>/}.
 */
class DataReaderFuzzTest {

    /** What the reference reads from a stream. */
    private record Expected(boolean ended, byte[] content, String bareKind, long bareLine, int consumed) {
    }

    /**
     * The first three octets are parameters (chunk sizes, size limit, spill threshold), the rest is the stream that
     * follows the 354.
     */
    @FuzzTest(maxDuration = "2m")
    void readerAgreesWithTheLineByLineReference(byte[] input) throws IOException {
        if (input.length < 3) {
            return;
        }
        int chunkSeed = input[0] & 0xff;
        long maxSize = (input[1] & 0x80) == 0 ? 0 : (input[1] & 0x7f) * 3L; // 0: no limit
        int threshold = 1 + (input[2] & 0xff) * 4;
        byte[] stream = Arrays.copyOfRange(input, 3, input.length);
        Expected expected = reference(stream);

        Wire wire = new Wire(chunked(stream, chunkSeed), new ByteArrayOutputStream(), () -> { }, millis -> { }, 0);
        try (ContentBuffer buffer = new ContentBuffer(threshold)) {
            DataReader reader = new DataReader(buffer, maxSize);
            try {
                wire.scan(reader, Long.MAX_VALUE / 2);
            } catch (EOFException e) {
                assertThat(expected.ended()).as("the reference found the end, the reader did not").isFalse();
                return;
            }
            assertThat(expected.ended()).as("the reader found an end the reference did not").isTrue();
            boolean tooLarge = maxSize > 0 && expected.content().length > maxSize;
            assertThat(reader.size()).as("size").isEqualTo(expected.content().length);
            assertThat(reader.tooLarge()).as("too large (limit %s)", maxSize).isEqualTo(tooLarge);
            assertThat(reader.storageError()).as("storage error").isNull();
            assertThat(reader.bareLineEnding()).as("first bare line ending").isEqualTo(expected.bareKind());
            assertThat(reader.bareLineNumber()).as("its line").isEqualTo(expected.bareLine());
            if (!tooLarge) {
                assertThat(buffer.finish().bytes()).as("content").isEqualTo(expected.content());
            }
            assertThat(rest(wire)).as("octets after the end")
                    .isEqualTo(Arrays.copyOfRange(stream, expected.consumed(), stream.length));
        }
    }

    /** The reference: whole lines (ended by CRLF only), the first lone dot ends the message. */
    private static Expected reference(byte[] s) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        String bareKind = null;
        long bareLine = 0;
        long lineNumber = 1;
        int start = 0;
        while (true) {
            int crlf = indexOfCrlf(s, start);
            if (crlf < 0) {
                return new Expected(false, null, null, 0, 0);
            }
            if (crlf - start == 1 && s[start] == '.') {
                return new Expected(true, content.toByteArray(), bareKind, bareLine, crlf + 2);
            }
            for (int i = start; i < crlf && bareKind == null; i++) {
                if (s[i] == '\n') {
                    bareKind = "LF";
                    bareLine = lineNumber;
                } else if (s[i] == '\r' && s[i + 1] != '\n') {
                    bareKind = "CR";
                    bareLine = lineNumber;
                }
            }
            int from = s[start] == '.' ? start + 1 : start;
            content.write(s, from, crlf + 2 - from);
            lineNumber++;
            start = crlf + 2;
        }
    }

    private static int indexOfCrlf(byte[] s, int from) {
        for (int i = from; i + 1 < s.length; i++) {
            if (s[i] == '\r' && s[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Reads what the wire holds after the message, to the end of the stream. */
    private static byte[] rest(Wire wire) throws IOException {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        try {
            wire.scan((buf, from, to) -> {
                rest.write(buf, from, to - from);
                return -1;
            }, Long.MAX_VALUE / 2);
        } catch (EOFException end) {
            // the whole stream was read
        }
        return rest.toByteArray();
    }

    /** A stream whose reads return 1 to 64 octets, in a pattern set by the seed (as a slow network splits a stream). */
    private static InputStream chunked(byte[] data, int seed) {
        return new ByteArrayInputStream(data) {
            private int n = seed;

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                n = n * 1103515245 + 12345;
                int chunk = seed == 0 ? len : 1 + ((n >>> 16) & 63);
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }
}
