package dev.letterbox;

import dev.letterbox.internal.conformance.Conformance;
import dev.letterbox.internal.diagnostics.MessageDescription;
import dev.letterbox.internal.diagnostics.ReportLocation;
import dev.letterbox.internal.dkim.DkimVerifier;
import dev.letterbox.internal.mime.Lazy;
import dev.letterbox.internal.mime.MessageView;
import dev.letterbox.internal.mime.MimeNode;
import dev.letterbox.internal.mime.MimeParsing;
import dev.letterbox.internal.smtp.SessionRecord;
import dev.letterbox.internal.store.RawContent;
import jakarta.mail.internet.MimeMessage;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One message the server accepted with a 250 reply: its {@link Envelope} and its octets exactly as received (after
 * dot-unstuffing). The parsed form is made lazily, once, the first time a test asks for it.
 *
 * <p>An accessor for one value returns null when the message has none (such as {@link #subject()} or
 * {@link #textBody()}); an accessor for several values returns an empty list, never null. {@link Envelope} and
 * {@link Attachment} follow the same rule.
 *
 * <p>The octets of a large message live in a temporary file that is closed and deleted when the mailbox is cleared or
 * the server closed; read what you need before that: afterwards the accessors that need it throw an
 * {@link java.io.UncheckedIOException} that says so.
 *
 * <p>Malformed mail is read as far as it can be: a broken multipart, an unknown charset or a bad encoded-word yields
 * what could be read (see {@link #structure()}), never an exception. Only a body that is not valid for its transfer
 * encoding (truncated base64, uuencode without {@code begin}) makes {@link #textBody()}, {@link #htmlBody()} and
 * {@link #links()} throw, as {@link Attachment} describes.
 */
public final class ReceivedMessage {
    // Keep jakarta.mail types out of this class's method bodies (catch clauses, instanceof, casts, arguments of a
    // supertype): verifying them would load jakarta.mail classes on the receive path. MimeParsing does that work.
    private final Envelope envelope;
    private final Lazy<RawContent> content;
    /**
     * The mailbox's, read by {@code ReportLocation.of(message)}; null until the message is in a mailbox. An attached
     * message has its enclosing message's, so its failures name the same report and it has the test's snapshots.
     */
    private volatile ReportLocation reportLocation;
    private final Object parseLock = new Object();
    private Closeable parsedSource; // guarded by parseLock
    private boolean released; // guarded by parseLock
    private final Lazy<MimeParsing.Parsed> parsed;
    private final Lazy<MessageView> view;
    private final Lazy<List<Attachment>> parts = new Lazy<>(() -> wrap(view().parts()));
    private final Lazy<List<Attachment>> attachments = new Lazy<>(() -> partsIn(MimeNode.Role.ATTACHMENT));
    private final Lazy<List<Attachment>> inlineParts = new Lazy<>(() -> partsIn(MimeNode.Role.INLINE));
    private final Lazy<List<Violation>> violations = new Lazy<>(this::checkConformance);
    private final Lazy<List<DkimSignature>> dkimSignatures = new Lazy<>(this::readDkimSignatures);
    private final Lazy<List<String>> bcc = new Lazy<>(this::blindCopies);

    private final SessionRecord session; // null for an attached message
    private final int transcriptLines; // the lines of the session up to this message's content

    ReceivedMessage(Envelope envelope, RawContent content, SessionRecord session) {
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(content, "content");
        this.content = new Lazy<>(() -> content);
        this.parsed = new Lazy<>(this::parse);
        this.view = new Lazy<>(() -> MessageView.of(mimeMessage()));
        this.session = session;
        this.transcriptLines = session == null ? 0 : session.size();
    }

    /**
     * A message attached to another one, already parsed with it: its part tree is the attached part's, not parsed
     * again; its octets are decoded from the enclosing message only if asked for.
     */
    ReceivedMessage(Envelope envelope, MimeNode attachedPart) {
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        this.content = new Lazy<>(() -> RawContent.InMemory.of(attachedPart.bytes()));
        MimeParsing.Parsed attached = MimeParsing.attached(attachedPart);
        this.parsed = new Lazy<>(() -> attached);
        this.view = new Lazy<>(() -> MessageView.of(attached.message(), attachedPart.attachedRoot()));
        this.session = null;
        this.transcriptLines = 0;
    }

    /** @return the envelope: HELO name, MAIL FROM, RCPT TO and their parameters */
    public Envelope envelope() {
        return envelope;
    }

    /**
     * Returns the transcript of the SMTP session this message came from, from the greeting up to the reply to this
     * message's content: what led to this message. {@link Mailbox#transcripts()} has whole sessions.
     *
     * @return the transcript, or null for a message attached to another one (see {@link Attachment#attachedMessage()})
     */
    public Transcript transcript() {
        // the reply to the content is the line after it, once the session has written it
        return session == null ? null : Mailbox.transcriptOf(session, transcriptLines + 1);
    }

    /** @return the size of the message in octets, as received */
    public long size() {
        return content().size();
    }

    /**
     * Returns a copy of the message octets as received.
     *
     * @return the octets
     * @throws IllegalStateException if the message is too large for a byte array (use {@link #rawStream()})
     * @throws java.io.UncheckedIOException if the mailbox was cleared or the server closed since
     */
    public byte[] raw() {
        return content().bytes();
    }

    /**
     * Opens a stream over the message octets as received; the caller closes it.
     *
     * @return a new stream
     * @throws java.io.UncheckedIOException if the mailbox was cleared or the server closed since
     */
    public InputStream rawStream() {
        return content().open();
    }

    /**
     * Returns the message parsed by jakarta.mail, parsing it on the first call. A file-backed message stays on disk:
     * part bodies are read from the file when asked for.
     *
     * @return the parsed message, the same object on every call
     * @throws IllegalStateException if jakarta.mail cannot parse it
     * @throws java.io.UncheckedIOException if the message is held in a temporary file (above the spill threshold),
     *     was not parsed yet, and the mailbox was cleared or the server closed since
     */
    public MimeMessage mimeMessage() {
        return parsed.get().message();
    }

    // Under the parse lock, so that release() either comes first (and this refuses) or closes what this opened.
    private MimeParsing.Parsed parse() {
        synchronized (parseLock) {
            refuseIfReleased();
            MimeParsing.Parsed p = MimeParsing.parse(content());
            parsedSource = p.source();
            return p;
        }
    }

    /**
     * Returns the decoded Subject header (unfolded, RFC 2047 encoded-words decoded).
     *
     * @return the subject, or null if the message has none
     * @throws IllegalStateException if the message cannot be parsed
     */
    public String subject() {
        return header("Subject");
    }

    /**
     * Returns the address of the first From header mailbox. The display name is in {@code header("From")}.
     *
     * @return the address such as {@code ann@example.com}, or null if the message has no From header
     * @throws IllegalStateException if the message cannot be parsed
     */
    public String from() {
        List<String> from = view().addresses("From");
        return from.isEmpty() ? null : from.get(0);
    }

    /**
     * Returns the addresses in the To headers, without display names.
     *
     * @return the addresses in order, empty if none
     * @throws IllegalStateException if the message cannot be parsed
     */
    public List<String> to() {
        return view().addresses("To");
    }

    /**
     * Returns the addresses in the Cc headers, without display names.
     *
     * @return the addresses in order, empty if none
     * @throws IllegalStateException if the message cannot be parsed
     */
    public List<String> cc() {
        return view().addresses("Cc");
    }

    /**
     * Returns the addresses in the Reply-To headers, without display names.
     *
     * @return the addresses in order, empty if none
     * @throws IllegalStateException if the message cannot be parsed
     */
    public List<String> replyTo() {
        return view().addresses("Reply-To");
    }

    /**
     * Returns the blind-copy recipients: the envelope recipients (RCPT TO) not named in To or Cc, compared ignoring
     * case. This is how a test checks Bcc, since a well-behaved client never sends a Bcc header.
     *
     * @return the addresses in envelope order, empty if none
     * @throws IllegalStateException if the message cannot be parsed
     */
    public List<String> bcc() {
        return bcc.get();
    }

    private List<String> blindCopies() {
        Set<String> named = new HashSet<>();
        to().forEach(a -> named.add(a.toLowerCase(Locale.ROOT)));
        cc().forEach(a -> named.add(a.toLowerCase(Locale.ROOT)));
        List<String> result = new ArrayList<>();
        for (String r : envelope.recipients()) {
            if (!named.contains(r.toLowerCase(Locale.ROOT))) {
                result.add(r);
            }
        }
        return List.copyOf(result);
    }

    /**
     * Returns the Date header, parsed.
     *
     * @return the date with its offset, or null if the header is absent or unparseable (see {@code rawHeader("Date")})
     * @throws IllegalStateException if the message cannot be parsed
     */
    public OffsetDateTime date() {
        return view().date().orElse(null);
    }

    /**
     * Returns the Message-ID header without its angle brackets.
     *
     * @return the id such as {@code 1234.5678@mail.example}, or null if absent
     * @throws IllegalStateException if the message cannot be parsed
     */
    public String messageId() {
        String id = header("Message-ID");
        if (id == null) {
            return null;
        }
        id = id.trim();
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }

    /**
     * Returns the first value of a header, unfolded and with RFC 2047 encoded-words decoded.
     *
     * @param name the header name, in any case
     * @return the value, or null if the message has no such header
     * @throws IllegalStateException if the message cannot be parsed
     */
    public String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Returns every value of a header, unfolded and with RFC 2047 encoded-words decoded.
     *
     * @param name the header name, in any case
     * @return the values in order, empty if none
     * @throws IllegalStateException if the message cannot be parsed
     */
    public List<String> headers(String name) {
        return view().headers(Objects.requireNonNull(name, "name"));
    }

    /**
     * Returns the first value of a header exactly as received: folding kept, encoded-words not decoded.
     *
     * @param name the header name, in any case
     * @return the value after the colon, or null if the message has no such header
     * @throws IllegalStateException if the message cannot be parsed
     */
    public String rawHeader(String name) {
        List<String> values = view().rawHeaders(Objects.requireNonNull(name, "name"));
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Returns the first {@code text/plain} part that is not an attachment, decoded from its transfer encoding and
     * charset. A missing or unsupported charset falls back to UTF-8 if the octets are valid UTF-8, else ISO-8859-1.
     *
     * @return the text, or null if the message has no text/plain body
     * @throws IllegalStateException if the message cannot be parsed
     * @throws java.io.UncheckedIOException if the body cannot be decoded (see {@link Attachment}) or read (a spilled
     *     message after the mailbox was cleared); the message names the part and the problem
     */
    public String textBody() {
        return view().textBody().orElse(null);
    }

    /**
     * Returns the first {@code text/html} part that is not an attachment, decoded like {@link #textBody()}.
     *
     * @return the HTML, or null if the message has no text/html body
     * @throws IllegalStateException if the message cannot be parsed
     * @throws java.io.UncheckedIOException if the body cannot be decoded (see {@link Attachment}) or read (a spilled
     *     message after the mailbox was cleared); the message names the part and the problem
     */
    public String htmlBody() {
        return view().htmlBody().orElse(null);
    }

    /**
     * Returns the attachments, found at any depth of nested multiparts. A {@code message/rfc822} part is one attachment
     * (see {@link Attachment#attachedMessage()}); the parts inside it are not listed here.
     *
     * @return the attachments in the order they appear
     * @throws IllegalStateException if the message cannot be parsed
     */
    public List<Attachment> attachments() {
        return attachments.get();
    }

    /**
     * Returns the inline parts, such as images an HTML body shows through {@code cid:} URLs.
     *
     * @return the inline parts in the order they appear
     * @throws IllegalStateException if the message cannot be parsed
     */
    public List<Attachment> inlineParts() {
        return inlineParts.get();
    }

    /**
     * Returns every part of the message that is not a multipart container: the text and HTML bodies, the
     * attachments, the inline parts, and the other renderings of a {@code multipart/alternative}, such as the
     * {@code text/calendar} of an invitation (which {@link #attachments()} does not list). A {@code message/rfc822}
     * part is one part; the parts inside it are not listed here.
     *
     * @return the parts in the order they appear, depth first
     * @throws IllegalStateException if the message cannot be parsed
     */
    public List<Attachment> parts() {
        return parts.get();
    }

    /**
     * Returns the parts of one media type (see {@link #parts()}), such as {@code text/calendar} or {@code image/*}.
     *
     * @param mediaType a type such as {@code text/calendar}, or a wildcard such as {@code image/*}; case-insensitive
     * @return the matching parts in the order they appear, empty if none
     * @throws NullPointerException if the type is null
     * @throws IllegalStateException if the message cannot be parsed
     */
    public List<Attachment> parts(String mediaType) {
        Objects.requireNonNull(mediaType, "mediaType");
        return parts().stream().filter(p -> p.contentType().is(mediaType)).toList();
    }

    /**
     * Returns the links a reader could follow: the {@code href} of every HTML anchor (with entities such as
     * {@code &amp;amp;} decoded), then the http(s) URLs in the text body; in order, each once.
     *
     * @return the links, empty if none
     * @throws IllegalStateException if the message cannot be parsed
     * @throws java.io.UncheckedIOException if a body cannot be decoded (see {@link Attachment}) or read (a spilled
     *     message after the mailbox was cleared); the message names the part and the problem
     */
    public List<String> links() {
        return view().links();
    }

    /**
     * Describes the MIME structure as an indented tree, one part per line: type, charset, transfer encoding,
     * disposition, file name, Content-ID and size as sent. Useful in failure messages and when debugging.
     *
     * @return the tree, such as {@code multipart/mixed} followed by indented children
     * @throws IllegalStateException if the message cannot be parsed
     */
    public String structure() {
        return view().structure();
    }

    /**
     * Writes the message octets as received to a file, such as {@code welcome.eml}, replacing it if it exists and
     * creating missing parent directories.
     *
     * @param file the file to write
     * @throws java.io.UncheckedIOException if the file cannot be written or the content read
     */
    public void writeTo(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (InputStream in = rawStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the message to " + file + ": " + e.getMessage(), e);
        }
    }

    // --- deliverability (issue 19): conformance checks and DKIM ---

    /**
     * Returns what in this message breaks the rules that large mail providers enforce or the RFCs set: bare line
     * endings, overlong lines, missing or duplicated header fields, 8-bit content the envelope did not declare, broken
     * MIME structure and more (see {@link ViolationCode}). Checked once, on the first call, in one pass over the
     * octets as received; nothing captured is changed.
     *
     * @return the violations in the order found, empty if there are none
     * @throws java.io.UncheckedIOException if the content is held in a temporary file that was deleted since (the
     *     mailbox was cleared or the server closed) and was not checked before
     */
    public List<Violation> violations() {
        return violations.get();
    }

    private List<Violation> checkConformance() {
        synchronized (parseLock) {
            refuseIfReleased();
            return Conformance.check(content(), envelope);
        }
    }

    /**
     * Returns the {@code DKIM-Signature} fields of the message, parsed but not verified (RFC 6376 section 3.5).
     *
     * @return the signatures in header order, empty if the message is not signed
     * @throws java.io.UncheckedIOException if the content cannot be read (see {@link #violations()})
     */
    public List<DkimSignature> dkimSignatures() {
        return dkimSignatures.get();
    }

    /**
     * Verifies the message's DKIM signatures by one domain and selector with the public key the test supplies (no DNS
     * lookup): rsa-sha256 or ed25519-sha256, simple or relaxed canonicalization, {@code l=} and {@code x=} honoured.
     * A key published as DNS text can be read with {@link DkimSignature#keyFromDnsRecord(String)}.
     *
     * @param selector the selector ({@code s=}), such as {@code mail}
     * @param domain the signing domain ({@code d=}), ignoring case, such as {@code example.com}
     * @param key the selector's public key
     * @return the result: the first signature that verifies, else the first failure;
     *     {@link DkimResult.Failure#NO_SIGNATURE} if no signature has that domain and selector
     * @throws NullPointerException if an argument is null
     * @throws java.io.UncheckedIOException if the content cannot be read (see {@link #violations()})
     */
    public DkimResult verifyDkim(String selector, String domain, PublicKey key) {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(key, "key");
        return readContent(in -> DkimVerifier.verifyBest(in, s -> s.selector().equalsIgnoreCase(selector)
                && s.domain().equalsIgnoreCase(domain) ? key : null, "d=" + domain + " s=" + selector, Instant.now()));
    }

    private List<DkimSignature> readDkimSignatures() {
        return readContent(DkimVerifier::signatures);
    }

    /** Reads the octets under the parse lock, so that clearing the mailbox cannot delete them halfway. */
    private <T> T readContent(java.util.function.Function<InputStream, T> reader) {
        synchronized (parseLock) {
            refuseIfReleased();
            try (InputStream in = content().open()) {
                return reader.apply(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // --- end of deliverability ---

    private RawContent content() {
        return content.get();
    }

    private MessageView view() {
        return view.get();
    }

    private List<Attachment> partsIn(MimeNode.Role role) {
        return parts().stream().filter(p -> p.role() == role).toList();
    }

    private List<Attachment> wrap(List<MimeNode> nodes) {
        List<Attachment> out = new ArrayList<>(nodes.size());
        nodes.forEach(n -> out.add(new Attachment(n, this)));
        return List.copyOf(out);
    }

    /**
     * Frees the content: closes the parsed view's file and deletes the temporary file. Under the parse lock, so a
     * first parse either finishes before (and its file is closed here) or fails after.
     */
    void receivedInto(ReportLocation location) {
        this.reportLocation = location;
    }

    /** @return the location this message shares with its mailbox, null if it is in none */
    ReportLocation reportLocation() {
        return reportLocation;
    }

    void release() {
        synchronized (parseLock) {
            released = true;
            if (parsedSource != null) {
                try {
                    parsedSource.close();
                } catch (IOException ignored) {
                    // deleting the file next is all that matters
                }
            }
            content().release();
        }
    }

    // A message on the heap stays readable after release (as raw() does); one in a file is gone with the file.
    private void refuseIfReleased() {
        Path file = content().file();
        if (released && file != null) {
            String message = "the captured message (" + size() + " octets, kept in the temporary file " + file
                    + ") was deleted when the mailbox was cleared or the server closed; read what you need from it"
                    + " before that";
            throw new UncheckedIOException(message, new NoSuchFileException(file.toString()));
        }
    }

    @Override
    public String toString() {
        return "ReceivedMessage{" + MessageDescription.withoutParsing(this) + "}";
    }
}
