package dev.letterbox;

import dev.letterbox.internal.mime.Lazy;
import dev.letterbox.internal.mime.MimeNode;
import java.io.InputStream;

/**
 * One part of a {@link ReceivedMessage} (an attachment, an inline part, a body or an alternative rendering of it, see
 * {@link ReceivedMessage#parts()}): its file name, content type, Content-ID, disposition and body. The body is not read until asked for: {@link #openStream()} streams it from the captured content (a large
 * message stays in its temporary file), {@link #bytes()} and {@link #text()} read it whole. As in
 * {@link ReceivedMessage}, an accessor for one value returns null when the part has none.
 *
 * <p><b>Content that cannot be decoded.</b> Quoted-printable is decoded leniently (a malformed escape is kept as
 * sent) and an unknown transfer encoding yields the octets as sent. Content that is not valid base64 or uuencode
 * (truncated base64, uuencode without its {@code begin} line) cannot be decoded: {@link #size()}, {@link #bytes()}
 * and {@link #text()} throw an {@link java.io.UncheckedIOException}, and the stream of {@link #openStream()} an
 * {@link java.io.IOException}, whose message names the part and the problem, such as {@code cannot read the base64
 * content of the application/pdf part "report.pdf": Error in encoded stream: ...}. The names, types and the rest of
 * the message stay readable; {@link ReceivedMessage#rawStream()} has the octets as sent.
 */
public final class Attachment {
    private final MimeNode node;
    private final Lazy<ReceivedMessage> attachedMessage; // null unless this is a message/rfc822 part

    Attachment(MimeNode node, ReceivedMessage enclosing) {
        this.node = node;
        this.attachedMessage = node.attachedMessage() == null ? null : new Lazy<>(() -> {
            Envelope outer = enclosing.envelope();
            Envelope inner = Envelope.builder().helo(outer.helo()).mailFrom(outer.mailFrom())
                    .mailParameters(outer.mailParameters()).receivedAt(outer.receivedAt()).build();
            ReceivedMessage attached = new ReceivedMessage(inner, node);
            // the test that received the enclosing message is the attached one's too: its report, its snapshots
            attached.receivedInto(enclosing.reportLocation());
            return attached;
        });
    }

    /**
     * Returns the file name from the Content-Disposition {@code filename} or the Content-Type {@code name} parameter,
     * with RFC 2231 ({@code filename*=UTF-8''...}) and RFC 2047 ({@code =?UTF-8?B?...?=}) encodings decoded.
     *
     * @return the file name, or null if the part has none
     */
    public String fileName() {
        return node.fileName();
    }

    MimeNode.Role role() {
        return node.role();
    }

    /** @return the content type with its parameters */
    public ContentType contentType() {
        return node.contentType();
    }

    /** @return the Content-ID without angle brackets (what a {@code cid:} URL names), or null */
    public String contentId() {
        return node.contentId();
    }

    /** @return the Content-Disposition type in lower case ({@code attachment} or {@code inline}), or null if absent */
    public String disposition() {
        return node.disposition();
    }

    /**
     * Tells whether this is an inline part (disposition {@code inline}, or a Content-ID without disposition
     * {@code attachment}), such as an image an HTML body shows through a {@code cid:} URL.
     *
     * @return true for an inline part, false for an attachment
     */
    public boolean isInline() {
        return node.role() == MimeNode.Role.INLINE;
    }

    /**
     * Returns the size of the decoded content in octets. For 7bit, 8bit and binary parts it is known without reading
     * the body; for base64 and quoted-printable parts the body is streamed through once on the first call (nothing is
     * kept in memory) and the result cached.
     *
     * @return the decoded size in octets
     * @throws java.io.UncheckedIOException if the content cannot be decoded (see the class description) or read
     *     (mailbox cleared, server closed); the message names the part and the problem
     */
    public long size() {
        return node.decodedSize();
    }

    /**
     * Reads the decoded content.
     *
     * @return a new array with the content
     * @throws IllegalStateException if the content is too large for the heap (use {@link #openStream()})
     * @throws java.io.UncheckedIOException if the content cannot be decoded (see the class description) or read
     *     (mailbox cleared, server closed); the message names the part and the problem
     */
    public byte[] bytes() {
        return node.bytes();
    }

    /**
     * Reads the decoded content as text in the part's {@code charset}. If the charset is missing or not supported by
     * this JVM, the content is read as UTF-8 when it is valid UTF-8 and as ISO-8859-1 otherwise; this never fails.
     *
     * @return the text
     * @throws java.io.UncheckedIOException if the content cannot be decoded (see the class description) or read
     *     (mailbox cleared, server closed); the message names the part and the problem
     */
    public String text() {
        return node.text();
    }

    /**
     * Opens the decoded content as a stream. For a message held in a temporary file the content is read from the file
     * as the stream is consumed, so an attachment of any size can be checked with a small heap.
     *
     * @return a new stream the caller closes; its reads throw an {@link java.io.IOException} naming the part and the
     *     problem if the content cannot be decoded (see the class description) or read (mailbox cleared, server
     *     closed)
     * @throws java.io.UncheckedIOException if the content cannot be opened (mailbox cleared, server closed)
     */
    public InputStream openStream() {
        return node.openStream();
    }

    /**
     * Returns the message inside a {@code message/rfc822} part (a forwarded or bounced message), parsed on first call.
     * Its envelope is the enclosing message's envelope without recipients, so its {@code bcc()} is empty. Its
     * attachments are its own: they are not listed among the enclosing message's attachments. In a test run by the
     * JUnit extension it belongs to that test as the enclosing message does: its assertion failures name the same
     * failure report, and {@code matchesSnapshot()} on it uses the test's snapshot files.
     *
     * @return the attached message, the same object on every call, or null if this part is not a message/rfc822 part
     */
    public ReceivedMessage attachedMessage() {
        return attachedMessage == null ? null : attachedMessage.get();
    }

    /** @return a one-line description: file name, content type, disposition, Content-ID */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(fileName() == null ? "(no name)" : "\"" + fileName() + "\"");
        sb.append(" (").append(contentType().mimeType());
        if (disposition() != null) {
            sb.append(", ").append(disposition());
        }
        if (contentId() != null) {
            sb.append(", cid:").append(contentId());
        }
        return sb.append(')').toString();
    }
}
