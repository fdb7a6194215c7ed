package dev.letterbox.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnfoldingTest {

    @Test
    void unfoldsAsJakartaMailDoes() {
        List<String> cases = List.of("", "plain", "a\r\n b", "a\r\n\t\t b", "a\n b", "a\r b", "\r\n a", "a\r\n",
                "a\r\nb", "a\\\r\n b", "x\r\n \r\n y", "a\r\n\r\n b", "a \r\n b", "\\\r\n", "a\r\n \\\r\n b",
                "=?UTF-8?B?V2VsY29tZQ==?=\r\n =?UTF-8?Q?_Ann?=");
        for (String c : cases) {
            assertThat(Unfolding.unfold(c)).as("unfold of %s", c.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(MimeUtility.unfold(c));
        }
    }

    @Test
    void unfoldsRandomValuesAsJakartaMailDoes() {
        Random random = new Random(42);
        String alphabet = "ab \t\r\n\\";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String c = sb.toString();
            assertThat(Unfolding.unfold(c)).as("unfold of %s", c.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(MimeUtility.unfold(c));
        }
    }

    @Test
    void readsEachCharacterOfAFoldedValueAFewTimesHoweverOftenItIsFolded() {
        Counting small = new Counting(folded(10_000));
        Counting large = new Counting(folded(160_000));

        String unfolded = Unfolding.unfold(large);
        Unfolding.unfold(small);

        assertThat(unfolded).startsWith("start word word").doesNotContain("\r").doesNotContain("\n");
        assertThat(large.reads).as("character reads for %s characters", large.length())
                .isLessThanOrEqualTo(2L * large.length());
        assertThat((double) large.reads / small.reads).as("growth of the reads for 16 times the folds")
                .isLessThanOrEqualTo(16.5);
    }

    private static String folded(int folds) {
        return "start" + "\r\n word".repeat(folds);
    }

    /** A header value that counts how often it is read. */
    private static final class Counting implements CharSequence {
        private final String text;
        private long reads;

        Counting(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            reads += text.length();
            return text;
        }
    }
}
