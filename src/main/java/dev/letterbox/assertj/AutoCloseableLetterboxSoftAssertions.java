package dev.letterbox.assertj;

/**
 * {@link LetterboxSoftAssertions} for try-with-resources: closing reports every collected failure.
 *
 * <pre>{@code
 * try (var softly = new AutoCloseableLetterboxSoftAssertions()) {
 *     softly.assertThat(mailbox).hasMessageCount(2);
 *     softly.assertThat(message).hasSubject("Welcome");
 * }
 * }</pre>
 */
public class AutoCloseableLetterboxSoftAssertions extends LetterboxSoftAssertions implements AutoCloseable {

    /** Creates an empty collector of soft assertion failures. */
    public AutoCloseableLetterboxSoftAssertions() {
        super();
    }

    /**
     * Reports every collected failure.
     *
     * @throws AssertionError listing every failure, if any
     */
    @Override
    public void close() {
        assertAll();
    }
}
