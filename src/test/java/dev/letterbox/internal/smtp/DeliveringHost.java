package dev.letterbox.internal.smtp;

import dev.letterbox.Envelope;
import dev.letterbox.SmtpEffect;
import dev.letterbox.SmtpStage;
import dev.letterbox.internal.store.RawContent;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/** A session host for listener-level tests: no script, and every message handed to a consumer. */
final class DeliveringHost implements SessionHost {
    private final BiConsumer<Envelope, RawContent> consumer;
    private final AtomicLong sessions = new AtomicLong();

    private DeliveringHost(BiConsumer<Envelope, RawContent> consumer) {
        this.consumer = consumer;
    }

    static SessionHost to(BiConsumer<Envelope, RawContent> consumer) {
        return new DeliveringHost(consumer);
    }

    @Override
    public SessionRecord open(String client) {
        return new SessionRecord(sessions.incrementAndGet(), client);
    }

    @Override
    public SmtpEffect scripted(SmtpStage stage, String subject, SessionRecord session) {
        return null;
    }

    @Override
    public void deliver(Envelope envelope, RawContent content, SessionRecord session) {
        consumer.accept(envelope, content);
    }
}
