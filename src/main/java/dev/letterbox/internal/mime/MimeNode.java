package dev.letterbox.internal.mime;

import dev.letterbox.ContentType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * One MIME part as Letterbox sees it: its headers read once, its body left where it is (in the captured file or
 * array) until {@link #openStream()} is called. Immutable apart from the cached decoded size.
 */
public final class MimeNode {

    /** What a part is for. */
    public enum Role {
        /** a multipart container */
        CONTAINER,
        /** a text/plain or text/html part that can be the message body */
        BODY,
        /** an attachment (disposition attachment, a named part, or an attached message) */
        ATTACHMENT,
        /** an inline part such as an image referenced by {@code cid:} */
        INLINE,
        /**
         * another rendering of the body in a multipart/alternative, neither text/plain nor text/html and without a
         * file name: the text/calendar of an invitation, an AMP text/x-amp-html
         */
        ALTERNATIVE
    }

    private final Part part;
    private final ContentType contentType;
    private final String encoding;
    private final String disposition;
    private final String fileName;
    private final String contentId;
    private final int rawSize;
    private final Role role;
    private final List<MimeNode> children;
    private final MimeMessage attachedMessage;
    private final MimeNode attachedRoot;
    private final String problem;
    private volatile long decodedSize = -1;

    MimeNode(Part part, ContentType contentType, String encoding, String disposition, String fileName,
             String contentId, int rawSize, Role role, List<MimeNode> children, MimeMessage attachedMessage,
             MimeNode attachedRoot, String problem) {
        this.part = part;
        this.contentType = contentType;
        this.encoding = encoding;
        this.disposition = disposition;
        this.fileName = fileName;
        this.contentId = contentId;
        this.rawSize = rawSize;
        this.role = role;
        this.children = List.copyOf(children);
        this.attachedMessage = attachedMessage;
        this.attachedRoot = attachedRoot;
        this.problem = problem;
    }

    /** @return the content type */
    public ContentType contentType() {
        return contentType;
    }

    /** @return the Content-Transfer-Encoding in lower case, or null when absent */
    public String encoding() {
        return encoding;
    }

    /** @return the disposition in lower case ({@code attachment}, {@code inline}), or null when absent */
    public String disposition() {
        return disposition;
    }

    /** @return the decoded file name, or null */
    public String fileName() {
        return fileName;
    }

    /** @return the Content-ID without angle brackets, or null */
    public String contentId() {
        return contentId;
    }

    /** @return the size of the body as sent (still transfer-encoded), or -1 if unknown */
    public int rawSize() {
        return rawSize;
    }

    /** @return the role */
    public Role role() {
        return role;
    }

    /** @return the child parts of a multipart, empty otherwise */
    public List<MimeNode> children() {
        return children;
    }

    /** @return the parsed message of a message/rfc822 part, or null */
    public MimeMessage attachedMessage() {
        return attachedMessage;
    }

    /** @return the part tree of the message in a message/rfc822 part, or null */
    public MimeNode attachedRoot() {
        return attachedRoot;
    }

    /** @return what could not be parsed in this part, or null */
    public String problem() {
        return problem;
    }

    /**
     * Opens the body, transfer-decoded; a part held in a file is streamed from the file, not loaded.
     *
     * @return a new stream the caller closes; its reads throw an {@link IOException} naming this part when the body
     *     is not valid for its transfer encoding (truncated base64, uuencode without {@code begin}) or can no longer
     *     be read (the mailbox was cleared)
     * @throws UncheckedIOException if the content cannot be opened
     */
    public InputStream openStream() {
        InputStream raw = openRaw();
        InputStream decoded = raw;
        if (encoding != null) {
            // as MimeUtility.decode, with the shared session's stream provider: MimeUtility looks one up each call
            StreamProvider decoders = SharedSession.get().getStreamProvider();
            decoded = switch (encoding) {
                case "base64" -> decoders.inputBase64(raw);
                case "quoted-printable" -> decoders.inputQP(raw);
                case "uuencode", "x-uuencode", "x-uue" -> decoders.inputUU(raw);
                default -> raw; // identity, or unknown: the octets as sent are the best we have
            };
        }
        return new PartStream(decoded, describe());
    }

    /**
     * Opens the body for parsing it as a message: for an identity transfer encoding the stream as sent, which shares
     * the captured content (a parsed attached message then copies nothing); otherwise the decoded stream.
     *
     * @return a new stream the caller closes
     */
    InputStream openForParsing() {
        return isIdentity() ? openRaw() : openStream();
    }

    /** @return such as {@code the base64 content of the application/pdf part "report.pdf"}, for failure messages */
    String describe() {
        return "the " + (isIdentity() ? "" : encoding + " ") + "content of the " + contentType.mimeType() + " part"
                + (fileName == null ? "" : " \"" + fileName + "\"");
    }

    /**
     * Opens the body as sent, still transfer-encoded.
     *
     * @return a new stream the caller closes
     * @throws UncheckedIOException if the content cannot be read
     */
    public InputStream openRaw() {
        try {
            if (part instanceof MimeBodyPart bp) {
                return bp.getRawInputStream();
            }
            if (part instanceof MimeMessage mm) {
                return mm.getRawInputStream();
            }
            return part.getInputStream();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the body of the " + contentType.mimeType() + " part: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the body of the " + contentType.mimeType()
                    + " part; was the mailbox cleared or the server closed?", e);
        }
    }

    /**
     * Reads the whole decoded body.
     *
     * @return the octets
     * @throws IllegalStateException if the body is too large for an array
     * @throws UncheckedIOException if the body cannot be decoded or read (see {@link #openStream()}); the message
     *     names this part and the problem
     */
    public byte[] bytes() {
        try (InputStream in = openStream()) {
            return in.readAllBytes();
        } catch (OutOfMemoryError e) {
            throw new IllegalStateException("the " + contentType.mimeType()
                    + " part is too large to read into memory; stream it instead", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** @return the decoded body as text in the part's charset (see {@link Charsets} for the fallback) */
    public String text() {
        return Charsets.decode(bytes(), contentType.charset());
    }

    /**
     * Returns the size of the decoded body. For identity transfer encodings (7bit, 8bit, binary, none) it is the size
     * as sent, known without reading; for base64 and quoted-printable the body is streamed through once (without
     * keeping it) and the result cached.
     *
     * @return the decoded size in octets
     * @throws UncheckedIOException if the body cannot be decoded or read (see {@link #openStream()})
     */
    public long decodedSize() {
        long s = decodedSize;
        if (s >= 0) {
            return s;
        }
        if (isIdentity() && rawSize >= 0) {
            s = rawSize;
        } else {
            s = 0;
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = openStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    s += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        decodedSize = s;
        return s;
    }

    private boolean isIdentity() {
        if (encoding == null) {
            return true;
        }
        String e = encoding.toLowerCase(Locale.ROOT);
        return e.equals("7bit") || e.equals("8bit") || e.equals("binary");
    }
}
