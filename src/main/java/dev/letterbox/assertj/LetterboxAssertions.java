package dev.letterbox.assertj;

import dev.letterbox.Attachment;
import dev.letterbox.Envelope;
import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;

/**
 * Entry point of the Letterbox assertions. Import statically next to (or instead of) AssertJ's {@code Assertions}:
 *
 * <pre>{@code
 * import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
 *
 * assertThat(mailbox.awaitMessage())
 *     .isFrom("shop@example.com")
 *     .hasSubject("Welcome, Ann")
 *     .hasAttachment("terms.pdf", a -> a.hasContentType("application/pdf"));
 * }</pre>
 *
 * For soft assertions use {@link LetterboxSoftAssertions}.
 */
public final class LetterboxAssertions {

    private LetterboxAssertions() {
    }

    /**
     * Starts assertions on a mailbox.
     *
     * @param actual the mailbox
     * @return the assertion
     */
    public static MailboxAssert assertThat(Mailbox actual) {
        return new MailboxAssert(actual);
    }

    /**
     * Starts assertions on a received message.
     *
     * @param actual the message
     * @return the assertion
     */
    public static ReceivedMessageAssert assertThat(ReceivedMessage actual) {
        return new ReceivedMessageAssert(actual);
    }

    /**
     * Starts assertions on an attachment or inline part.
     *
     * @param actual the attachment
     * @return the assertion
     */
    public static AttachmentAssert assertThat(Attachment actual) {
        return new AttachmentAssert(actual);
    }

    /**
     * Starts assertions on an envelope.
     *
     * @param actual the envelope
     * @return the assertion
     */
    public static EnvelopeAssert assertThat(Envelope actual) {
        return new EnvelopeAssert(actual);
    }
}
