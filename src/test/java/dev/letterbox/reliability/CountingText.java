package dev.letterbox.reliability;

import java.util.function.Function;

/**
 * Text that counts how many of its characters a reader looks at: every {@code charAt}, and the length of every copy
 * ({@code subSequence}, {@code toString}). The work of a scanner or a regular expression over it, without a clock.
 */
final class CountingText implements CharSequence {
    private final String text;
    private long reads;

    CountingText(String text) {
        this.text = text;
    }

    /**
     * Counts the characters a function reads of a text.
     *
     * @param function the reader
     * @param text the text
     * @return how many characters it read (a character read twice counts twice)
     */
    static long readsOf(Function<CharSequence, ?> function, String text) {
        CountingText counting = new CountingText(text);
        function.apply(counting);
        return counting.reads;
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
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        reads += text.length();
        return text;
    }
}
