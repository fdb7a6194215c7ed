package dev.letterbox.internal.mime;

import dev.letterbox.internal.store.RawContent;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Turns captured octets into a {@link MimeMessage}. The message shares the captured content instead of copying it:
 * a file-backed message is parsed through a {@link SharedFileInputStream}, so part bodies stay on disk until read.
 * This class is the only place the capture path touches jakarta.mail, and only when a test first asks.
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
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.decodefilename", "true");
        props.setProperty("mail.mime.decodeparameters", "true");
        props.setProperty("mail.mime.allowutf8", "true");
        Session session = Session.getInstance(props);
        InputStream in;
        try {
            in = content.file() != null
                    ? new SharedFileInputStream(content.file().toFile(), 64 * 1024)
                    : new SharedByteArrayInputStream(content.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the captured message " + content.file()
                    + "; was the mailbox cleared or the server closed?", e);
        }
        try {
            return new Parsed(new MimeMessage(session, in), in);
        } catch (MessagingException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the parse error is what matters
            }
            throw new IllegalStateException("jakarta.mail cannot parse the captured message: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the decoded Subject header.
     *
     * @param message the parsed message
     * @return the subject, or null if the message has none
     * @throws IllegalStateException if the header cannot be read
     */
    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the Subject: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the address of the first mailbox of the From header.
     *
     * @param message the parsed message
     * @return the address such as {@code ann@example.com}, or null if the message has no From header
     * @throws IllegalStateException if the header cannot be read
     */
    public static String firstFrom(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            if (from == null || from.length == 0) {
                return null;
            }
            return from[0] instanceof InternetAddress ia ? ia.getAddress() : from[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the From header: " + e.getMessage(), e);
        }
    }
}
