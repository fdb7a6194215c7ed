package dev.letterbox.internal.mime;

import dev.letterbox.internal.store.RawContent;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Turns captured octets into a {@link MimeMessage}. The message shares the captured content instead of copying it:
 * a file-backed message is parsed through one {@link SharedCapturedFile}, so part bodies stay on disk until read and
 * releasing the message closes its only file descriptor.
 * This class is the only place the capture path touches jakarta.mail, and only when a test first asks.
 */
public final class MimeParsing {

    private MimeParsing() {
    }

    /**
     * A parsed message and what it shares, to close when the content is released: closing it frees every descriptor
     * the message and its part streams use.
     */
    public record Parsed(MimeMessage message, Closeable source) {
    }

    /**
     * Makes a new session with lenient parsing properties (a new one each time: no shared mutable state).
     *
     * @return the session
     */
    public static Session newSession() {
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.decodefilename", "true");
        props.setProperty("mail.mime.decodeparameters", "true");
        props.setProperty("mail.mime.allowutf8", "true");
        return Session.getInstance(props);
    }

    /**
     * Parses captured content.
     *
     * @param content the captured octets
     * @return the parsed message and its shared source
     * @throws IllegalStateException if jakarta.mail cannot read the content at all
     */
    public static Parsed parse(RawContent content) {
        return parse(content, newSession());
    }

    /**
     * Parses captured content with the session of its server.
     *
     * @param content the captured octets
     * @param session the server's parsing session, whose jakarta.mail Session is made on first use
     * @return the parsed message and its shared source
     * @throws IllegalStateException if jakarta.mail cannot read the content at all
     */
    public static Parsed parse(RawContent content, ParsingSession session) {
        return parse(content, session.get());
    }

    private static Parsed parse(RawContent content, Session session) {
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
            return new Parsed(new MimeMessage(session, in), source);
        } catch (MessagingException | RuntimeException e) {
            try {
                source.close();
            } catch (IOException ignored) {
                // the parse error is what matters
            }
            throw new IllegalStateException("jakarta.mail cannot parse the captured message: " + e.getMessage(), e);
        }
    }
}
