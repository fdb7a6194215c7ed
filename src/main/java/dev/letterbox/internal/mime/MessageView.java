package dev.letterbox.internal.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The convenient, decoded view of one parsed message: headers, addresses, bodies, attachments, links and structure.
 * Built once per message; every derived value is computed on first use and cached (decoded headers and addresses
 * per header name). Thread-safe.
 */
public final class MessageView {
    private final MimeMessage message;
    private final MimeNode root;
    private final Lazy<Optional<String>> textBody;
    private final Lazy<Optional<String>> htmlBody;
    private final Lazy<List<String>> links;
    private final Lazy<String> structure;
    private final List<MimeNode> parts;
    private final Lazy<Optional<OffsetDateTime>> date;
    private final Map<String, List<String>> decodedHeaders = new ConcurrentHashMap<>();
    private final Map<String, List<String>> addressLists = new ConcurrentHashMap<>();

    private MessageView(MimeMessage message, MimeNode root) {
        this.message = message;
        this.root = root;
        this.parts = collect(root, n -> n.role() != MimeNode.Role.CONTAINER);
        this.textBody = new Lazy<>(() -> firstBody("text/plain").map(MimeNode::text));
        this.htmlBody = new Lazy<>(() -> firstBody("text/html").map(MimeNode::text));
        this.links = new Lazy<>(() -> Links.extract(htmlBody().orElse(null), textBody().orElse(null)));
        this.structure = new Lazy<>(() -> Structure.render(root));
        this.date = new Lazy<>(this::parseDate);
    }

    /**
     * Builds the view: reads headers and the part tree, not the part bodies.
     *
     * @param message the parsed message
     * @return the view
     */
    public static MessageView of(MimeMessage message) {
        return new MessageView(message, MimeTree.build(message));
    }

    /**
     * Builds the view of a message whose part tree is already built, such as a message attached to another one.
     *
     * @param message the parsed message
     * @param root the root of its part tree
     * @return the view
     */
    public static MessageView of(MimeMessage message, MimeNode root) {
        return new MessageView(message, root);
    }

    /** @return the root of the part tree */
    public MimeNode root() {
        return root;
    }

    /**
     * @return every part that is not a multipart container (bodies, attachments, inline parts, alternatives), depth
     *     first; a message/rfc822 part is one part, the parts inside it are not listed
     */
    public List<MimeNode> parts() {
        return parts;
    }

    /** @return the decoded text of the first text/plain body part */
    public Optional<String> textBody() {
        return textBody.get();
    }

    /** @return the decoded text of the first text/html body part */
    public Optional<String> htmlBody() {
        return htmlBody.get();
    }

    /** @return the links in the HTML then the text body, in order, each once */
    public List<String> links() {
        return links.get();
    }

    /** @return the part tree as an indented outline */
    public String structure() {
        return structure.get();
    }

    /**
     * Returns the values of a header as received: folding kept, encoded-words not decoded.
     *
     * @param name the header name, any case
     * @return the values in order, empty if absent
     */
    public List<String> rawHeaders(String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? List.of() : List.of(values);
        } catch (MessagingException e) {
            return List.of();
        }
    }

    /**
     * Returns the values of a header unfolded and with RFC 2047 encoded-words decoded.
     *
     * @param name the header name, any case
     * @return the values in order, empty if absent
     */
    public List<String> headers(String name) {
        return decodedHeaders.computeIfAbsent(name.toLowerCase(Locale.ROOT), this::decodeHeaders);
    }

    private List<String> decodeHeaders(String name) {
        List<String> out = new ArrayList<>();
        for (String raw : rawHeaders(name)) {
            out.add(decodeHeader(raw));
        }
        return List.copyOf(out);
    }

    /**
     * Returns the addresses of an address header (From, To, Cc, Reply-To ...), every occurrence of it.
     *
     * @param name the header name
     * @return the bare addresses, in order
     */
    public List<String> addresses(String name) {
        return addressLists.computeIfAbsent(name.toLowerCase(Locale.ROOT), this::parseAddresses);
    }

    private List<String> parseAddresses(String name) {
        List<String> out = new ArrayList<>();
        for (String raw : rawHeaders(name)) {
            try {
                for (InternetAddress a : InternetAddress.parseHeader(Unfolding.unfold(raw), false)) {
                    if (a.isGroup()) {
                        for (InternetAddress member : a.getGroup(false)) {
                            out.add(member.getAddress());
                        }
                    } else if (a.getAddress() != null && !a.getAddress().isEmpty()) {
                        out.add(a.getAddress());
                    }
                }
            } catch (AddressException e) {
                out.add(decodeHeader(raw).trim());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Parses the Date header.
     *
     * @return the date with its offset, or empty if absent or unparseable
     */
    public Optional<OffsetDateTime> date() {
        return date.get();
    }

    private Optional<OffsetDateTime> parseDate() {
        List<String> values = rawHeaders("Date");
        return values.isEmpty() ? Optional.empty() : DateHeader.parse(values.get(0));
    }

    static String decodeHeader(String raw) {
        String unfolded = Unfolding.unfold(raw).trim();
        try {
            return EncodedWords.decode(unfolded);
        } catch (Exception e) {
            return unfolded;
        }
    }

    private Optional<MimeNode> firstBody(String type) {
        List<MimeNode> found = collect(root, n -> n.role() == MimeNode.Role.BODY && n.contentType().is(type));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<MimeNode> collect(MimeNode root, Predicate<MimeNode> filter) {
        List<MimeNode> out = new ArrayList<>();
        walk(root, filter, out);
        return List.copyOf(out);
    }

    private static void walk(MimeNode n, Predicate<MimeNode> filter, List<MimeNode> out) {
        if (filter.test(n)) {
            out.add(n);
        }
        for (MimeNode c : n.children()) {
            walk(c, filter, out);
        }
    }
}
