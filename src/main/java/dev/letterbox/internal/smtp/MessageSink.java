package dev.letterbox.internal.smtp;

import dev.letterbox.Envelope;
import dev.letterbox.internal.store.RawContent;

/** Where a session hands each complete message; the session writes its 250 only after this returns. */
@FunctionalInterface
public interface MessageSink {

    /**
     * Stores one message; must not return before it is visible to readers of the mailbox.
     *
     * @param envelope the envelope
     * @param content the octets, now owned by the sink
     */
    void deliver(Envelope envelope, RawContent content);
}
