package dev.letterbox.assertj;

import dev.letterbox.Attachment;
import dev.letterbox.Envelope;
import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft {@code assertThat} overloads for Letterbox types, to mix into any AssertJ soft assertions class:
 * {@code class MySoftly extends SoftAssertions implements LetterboxSoftAssertionsProvider {}}. Navigation methods
 * ({@code singleMessage()}, {@code attachment(name)}, ...) return soft assertions too.
 */
public interface LetterboxSoftAssertionsProvider extends SoftAssertionsProvider {

    /**
     * Starts soft assertions on a mailbox.
     *
     * @param actual the mailbox
     * @return the soft assertion
     */
    default MailboxAssert assertThat(Mailbox actual) {
        MailboxAssert a = proxy(MailboxAssert.class, Mailbox.class, actual);
        Navigation.reached(a, this, null);
        return a;
    }

    /**
     * Starts soft assertions on a received message.
     *
     * @param actual the message
     * @return the soft assertion
     */
    default ReceivedMessageAssert assertThat(ReceivedMessage actual) {
        ReceivedMessageAssert a = proxy(ReceivedMessageAssert.class, ReceivedMessage.class, actual);
        Navigation.reached(a, this, null);
        return a;
    }

    /**
     * Starts soft assertions on an attachment.
     *
     * @param actual the attachment
     * @return the soft assertion
     */
    default AttachmentAssert assertThat(Attachment actual) {
        return proxy(AttachmentAssert.class, Attachment.class, actual);
    }

    /**
     * Starts soft assertions on an envelope.
     *
     * @param actual the envelope
     * @return the soft assertion
     */
    default EnvelopeAssert assertThat(Envelope actual) {
        return proxy(EnvelopeAssert.class, Envelope.class, actual);
    }
}
