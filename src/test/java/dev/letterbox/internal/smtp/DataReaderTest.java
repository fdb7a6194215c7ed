package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.internal.store.ContentBuffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DATA reader fed in chunks of every size from 1 octet up: however TCP splits the stream, unstuffing, the end
 * marker and bare line ending detection give the same result, and what follows the marker is left for the next
 * command.
 */
class DataReaderTest {

    /** An input stream that returns at most {@code chunk} octets per read, like a slow network. */
    private static InputStream chunked(byte[] data, int chunk) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private record Result(String stored, String bare, long bareLine, String rest) {
    }

    private static Result read(String wire, int chunk) throws IOException {
        Wire input = new Wire(chunked(wire.getBytes(StandardCharsets.ISO_8859_1), chunk),
                new ByteArrayOutputStream(), () -> { }, millis -> { }, 0);
        try (ContentBuffer buffer = new ContentBuffer(1024)) {
            DataReader reader = new DataReader(buffer, 0);
            input.scan(reader, Long.MAX_VALUE / 2);
            String stored = new String(buffer.finish().bytes(), StandardCharsets.ISO_8859_1);
            String rest = input.readLine(512, Long.MAX_VALUE / 2).text();
            return new Result(stored, reader.bareLineEnding(), reader.bareLineNumber(), rest);
        }
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "a\\r\\n.\\r\\n|a\\r\\n|null|0",
        ".\\r\\n||null|0",
        "..\\r\\n.\\r\\n|.\\r\\n|null|0",
        "..x\\r\\n...\\r\\n.\\r\\n|.x\\r\\n..\\r\\n|null|0",
        "a\\r\\n.b\\r\\n.\\r\\n|a\\r\\nb\\r\\n|null|0",
        "a\\nb\\r\\n.\\r\\n|a\\nb\\r\\n|LF|1",
        "a\\r\\nb\\rc\\r\\n.\\r\\n|a\\r\\nb\\rc\\r\\n|CR|2",
        "a\\n.\\r\\nb\\r\\n.\\r\\n|a\\n.\\r\\nb\\r\\n|LF|1",
        "a\\r\\n.\\nb\\r\\n.\\r\\n|a\\r\\n\\nb\\r\\n|LF|2",
        "a\\r\\n.\\rb\\r\\n.\\r\\n|a\\r\\n\\rb\\r\\n|CR|2",
        "a\\r\\n.\\r\\r\\n.\\r\\n|a\\r\\n\\r\\r\\n|CR|2",
        "a\\r\\r\\n.\\r\\n|a\\r\\r\\n|CR|1",
        "\\r\\n\\r\\n.\\r\\n|\\r\\n\\r\\n|null|0",
    })
    void sameResultForEveryChunkSize(String wireEscaped, String storedEscaped, String bare, long bareLine)
            throws IOException {
        String wire = unescape(wireEscaped) + "NEXT\r\n";
        String expected = storedEscaped == null ? "" : unescape(storedEscaped);
        for (int chunk = 1; chunk <= wire.length(); chunk++) {
            Result r = read(wire, chunk);

            assertThat(r.stored()).as("stored, chunk %d", chunk).isEqualTo(expected);
            assertThat(r.bare()).as("bare line ending, chunk %d", chunk).isEqualTo(bare);
            assertThat(r.bareLine()).as("bare line number, chunk %d", chunk).isEqualTo(bareLine);
            assertThat(r.rest()).as("the command after the message, chunk %d", chunk).isEqualTo("NEXT");
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3", "7"})
    void streamEndingBeforeTheMarkerFails(int chunk) {
        assertThatThrownBy(() -> read("a\r\nb\r\n.", chunk)).isInstanceOf(EOFException.class);
    }
}
