package dev.letterbox.internal.mime;

import dev.letterbox.internal.store.RawContent;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Turns captured octets into a {@link MimeMessage}. The message shares the captured content instead of copying it:
 * a file-backed message is parsed through one {@link SharedCapturedFile}, so part bodies stay on disk until read and
 * releasing the message closes its only file descriptor.
 * Every message is parsed with the one {@link SharedSession}. This class is the only place the capture path touches
 * jakarta.mail, and only when a test first asks.
 */
public final class MimeParsing {

    private MimeParsing() {
    }

    /** A parsed message and the stream it shares, to close when the content is released. */
    public record Parsed(MimeMessage message, Closeable source) {
    }

    /**
     * Parses captured content.
     *
     * @param content the captured octets
     * @return the parsed message and its shared source
     * @throws IllegalStateException if jakarta.mail cannot read the content at all
     */
    public static Parsed parse(RawContent content) {
        Closeable source;
        InputStream in;
        if (content.file() != null) {
            try {
                SharedCapturedFile file = SharedCapturedFile.open(content.file());
                source = file;
                in = file.stream();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the captured message " + content.file()
                        + "; was the mailbox cleared or the server closed?", e);
            }
        } else {
            in = content instanceof RawContent.InMemory m
                    ? new SharedByteArrayInputStream(m.sharedArray(), 0, (int) m.size())
                    : new SharedByteArrayInputStream(content.bytes());
            source = in;
        }
        try {
            return new Parsed(new CapturedMimeMessage(in), source);
        } catch (MessagingException | RuntimeException e) {
            try {
                source.close();
            } catch (IOException ignored) {
                // the parse error is what matters
            }
            throw new IllegalStateException("jakarta.mail cannot parse the captured message: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the message inside a {@code message/rfc822} part, parsed with the enclosing message: nothing to close.
     *
     * @param attachedPart the part
     * @return the parsed message
     * @throws IllegalArgumentException if the part holds no parsed message
     */
    public static Parsed attached(MimeNode attachedPart) {
        MimeMessage message = attachedPart.attachedMessage();
        if (message == null) {
            throw new IllegalArgumentException("not a readable message/rfc822 part: " + attachedPart.contentType());
        }
        return new Parsed(message, () -> { });
    }

    /**
     * Parses a message the way a captured one is, from a stream the message reads whole.
     *
     * @param in the octets of the message
     * @return the parsed message
     * @throws MessagingException if jakarta.mail cannot read it
     */
    static MimeMessage parse(InputStream in) throws MessagingException {
        return new CapturedMimeMessage(in);
    }
}
