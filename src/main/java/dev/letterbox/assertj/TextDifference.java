package dev.letterbox.assertj;

/**
 * Where two texts first differ, for a failure message about a long text: line and column, and a short excerpt of
 * each around that place. Both texts are expected with line ends already normalised to {@code \n}.
 */
final class TextDifference {
    private static final int LONG = 80;
    private static final int CONTEXT = 24;

    private final String expected;
    private final String actual;
    private final int index;

    private TextDifference(String expected, String actual) {
        this.expected = expected;
        this.actual = actual;
        int i = 0;
        int n = Math.min(expected.length(), actual.length());
        while (i < n && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        this.index = i;
    }

    /**
     * Tells whether a text is too long to print twice in a failure message: several lines, or a long line.
     *
     * @param text the text, may be null
     * @return true if it is
     */
    static boolean isLong(String text) {
        return text != null && (text.length() > LONG || text.indexOf('\n') >= 0);
    }

    /**
     * Compares two different texts.
     *
     * @param expected the expected text
     * @param actual the actual text
     * @return the difference
     */
    static TextDifference between(String expected, String actual) {
        return new TextDifference(expected, actual);
    }

    /** @return the size of the expected text, such as {@code 412 characters on 9 lines} */
    String expectedShape() {
        return shape(expected);
    }

    /** @return where the texts first differ and an excerpt of each, for "but ..." */
    String describe() {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (expected.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String where = "it first differs at line " + line + ", column " + (index - lineStart + 1) + " (it has "
                + shape(actual) + "):";
        return where + "\n  expected: " + excerpt(expected) + "\n  but was:  " + excerpt(actual)
                + "\n(both texts in full are the expected and actual values of this failure, which IDEs show side by"
                + " side)";
    }

    private String excerpt(String text) {
        if (index >= text.length()) {
            return (index > 0 ? quoted(text, Math.max(0, index - CONTEXT), index) + " " : "") + "(end of text)";
        }
        return quoted(text, Math.max(0, index - CONTEXT), Math.min(text.length(), index + CONTEXT));
    }

    private static String quoted(String text, int from, int to) {
        String s = text.substring(from, to).replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
        return (from > 0 ? "…" : "") + "\"" + s + "\"" + (to < text.length() ? "…" : "");
    }

    private static String shape(String text) {
        int lines = text.isEmpty() ? 0 : 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && i < text.length() - 1) {
                lines++;
            }
        }
        return text.length() + (text.length() == 1 ? " character" : " characters") + " on " + lines
                + (lines == 1 ? " line" : " lines");
    }
}
