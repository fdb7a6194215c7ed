package dev.letterbox.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSharedStreamTest {

    @Test
    void rangesReadTheirPartOfTheFileAndNestWithinEachOther(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("m.eml"), "0123456789abcdef");
        try (FileSharedStream whole = FileSharedStream.open(file)) {
            assertThat(whole.read()).isEqualTo('0');
            assertThat(whole.getPosition()).isEqualTo(1);
            InputStream middle = whole.newStream(4, 12);
            InputStream rest = whole.newStream(10, -1);
            InputStream nested = ((FileSharedStream) middle).newStream(2, 4);

            assertThat(text(middle)).isEqualTo("456789ab");
            assertThat(text(rest)).isEqualTo("abcdef");
            assertThat(text(nested)).isEqualTo("67");
            assertThat(text(whole)).isEqualTo("123456789abcdef");
        }
    }

    @Test
    void resetReturnsToTheMarkAndLargeReadsAreExact(@TempDir Path dir) throws IOException {
        byte[] octets = new byte[300_000];
        new Random(1).nextBytes(octets);
        Path file = Files.write(dir.resolve("big.eml"), octets);
        try (FileSharedStream in = FileSharedStream.open(file)) {
            in.mark(0);
            byte[] first = in.readNBytes(100_000);
            in.reset();

            assertThat(in.readAllBytes()).isEqualTo(octets);
            assertThat(first).isEqualTo(java.util.Arrays.copyOf(octets, 100_000));
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void closingTheStreamThatOpenedTheFileClosesItForEveryRange(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("m.eml"), "0123456789");
        FileSharedStream whole = FileSharedStream.open(file);
        InputStream range = whole.newStream(2, 6);

        range.close(); // a range's close leaves the file open
        assertThat(text(whole.newStream(0, 2))).isEqualTo("01");
        whole.close();

        assertThatThrownBy(range::read).isInstanceOf(IOException.class);
    }

    private static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
}
