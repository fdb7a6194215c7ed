package dev.letterbox;

import dev.letterbox.internal.mime.MimeParsing;
import dev.letterbox.internal.mime.ParsingSession;
import dev.letterbox.internal.store.RawContent;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One message the server accepted with a 250 reply: its {@link Envelope} and its octets exactly as received (after
 * dot-unstuffing). The parsed form is made lazily, once, the first time a test asks for it.
 *
 * <p>The octets of a large message live in a temporary file that is deleted when the mailbox is cleared or the server
 * closed; read what you need before that.
 */
public final class ReceivedMessage {
    private final Envelope envelope;
    private final RawContent content;
    private final ParsingSession parsingSession;
    private final Object parseLock = new Object();
    private volatile MimeParsing.Parsed parsed;

    ReceivedMessage(Envelope envelope, RawContent content) {
        this(envelope, content, new ParsingSession());
    }

    ReceivedMessage(Envelope envelope, RawContent content, ParsingSession parsingSession) {
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        this.content = Objects.requireNonNull(content, "content");
        this.parsingSession = Objects.requireNonNull(parsingSession, "parsingSession");
    }

    /** @return the envelope: HELO name, MAIL FROM, RCPT TO and their parameters */
    public Envelope envelope() {
        return envelope;
    }

    /** @return the size of the message in octets, as received */
    public long size() {
        return content.size();
    }

    /**
     * Returns a copy of the message octets as received.
     *
     * @return the octets
     * @throws IllegalStateException if the message is too large for a byte array (use {@link #rawStream()})
     * @throws java.io.UncheckedIOException if the mailbox was cleared or the server closed since
     */
    public byte[] raw() {
        return content.bytes();
    }

    /**
     * Opens a stream over the message octets as received; the caller closes it.
     *
     * @return a new stream
     * @throws java.io.UncheckedIOException if the mailbox was cleared or the server closed since
     */
    public InputStream rawStream() {
        return content.open();
    }

    /**
     * Returns the message parsed by jakarta.mail, parsing it on the first call. A file-backed message stays on disk:
     * part bodies are read from the file when asked for.
     *
     * @return the parsed message, the same object on every call
     * @throws IllegalStateException if jakarta.mail cannot parse it
     */
    public MimeMessage mimeMessage() {
        MimeParsing.Parsed p = parsed;
        if (p == null) {
            synchronized (parseLock) {
                p = parsed;
                if (p == null) {
                    p = MimeParsing.parse(content, parsingSession);
                    parsed = p;
                }
            }
        }
        return p.message();
    }

    /**
     * Returns the decoded Subject header.
     *
     * @return the subject, or null if the message has none
     * @throws IllegalStateException if the message cannot be parsed
     */
    public String subject() {
        try {
            return mimeMessage().getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the Subject: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the address of the first From header mailbox.
     *
     * @return the address such as {@code ann@example.com}, or null if the message has no From header
     * @throws IllegalStateException if the message cannot be parsed
     */
    public String from() {
        try {
            Address[] from = mimeMessage().getFrom();
            if (from == null || from.length == 0) {
                return null;
            }
            return from[0] instanceof InternetAddress ia ? ia.getAddress() : from[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the From header: " + e.getMessage(), e);
        }
    }

    /** Frees the content (closes the parsed view's file and deletes the temporary file). */
    void release() {
        synchronized (parseLock) {
            if (parsed != null) {
                try {
                    parsed.source().close();
                } catch (IOException ignored) {
                    // deleting the file next is all that matters
                }
            }
        }
        content.release();
    }

    /**
     * Summarises the message for failure messages: envelope sender and recipients, From and Subject.
     *
     * @return one line
     */
    String summary() {
        String subject;
        String from;
        try {
            subject = subject();
            from = from();
        } catch (RuntimeException e) {
            subject = "<unparseable: " + e.getMessage() + ">";
            from = "?";
        }
        return "from=<" + envelope.mailFrom() + "> to=" + envelope.recipients() + " From: " + from
                + " Subject: " + subject + " (" + size() + " octets)";
    }

    @Override
    public String toString() {
        return "ReceivedMessage{" + summary() + "}";
    }
}
