package dev.letterbox.assertj;

import org.assertj.core.api.SoftAssertions;

/**
 * AssertJ soft assertions that know the Letterbox types as well as AssertJ's own: collect every failure, then report
 * them together with {@link #assertAll()}.
 *
 * <pre>{@code
 * SoftAssertionsProvider.assertSoftly(LetterboxSoftAssertions.class, softly -> {
 *     softly.assertThat(message).hasSubject("Welcome").isFrom("shop@example.com");
 *     softly.assertThat(message.attachments()).hasSize(2);
 * });
 * }</pre>
 *
 * Use {@link AutoCloseableLetterboxSoftAssertions} in a try-with-resources block, or AssertJ's
 * {@code SoftAssertionsExtension} with a {@code LetterboxSoftAssertions} parameter.
 */
public class LetterboxSoftAssertions extends SoftAssertions implements LetterboxSoftAssertionsProvider {

    /** Creates an empty collector of soft assertion failures. */
    public LetterboxSoftAssertions() {
        super();
    }
}
