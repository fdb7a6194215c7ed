package dev.letterbox.internal.snapshot;

import dev.letterbox.Envelope;
import dev.letterbox.internal.mime.EncodedWords;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normalised text form of a message that snapshots hold: the same for two sendings of the same mail, different
 * when anything the test author controls differs. In order:
 * <ul>
 *   <li>the envelope, {@code MAIL FROM:<...>} and one {@code RCPT TO:<...>} per recipient;</li>
 *   <li>the header fields in the order sent, names as sent, unfolded (each line break with the white space after it
 *   becomes one space, with the white space before it), RFC 2047 encoded-words decoded, control characters as
 *   escapes ({@code \r}, {@code \n}, {@code \t}, <code>&#92;u0000</code>); masked ones as {@value #MASKED}; the
 *   boundary parameter of a {@code Content-Type} as {@code boundary="<masked>"}; a masked {@code Content-ID} as
 *   {@code <masked-cid-1>}, {@code <masked-cid-2>} in the order the parts come, and every {@code cid:} reference to
 *   it in a text part as {@code cid:masked-cid-1}, so that a generated id does not matter but a broken reference
 *   still shows;</li>
 *   <li>the body: a text part (text/*, not an attachment, no file name) decoded in its charset with line ends as
 *   {@code \n}; a multipart as its parts, each introduced by {@code --- part 1.2 ---} (numbered as IMAP does) and
 *   its header fields; an attached message as its header fields and body; anything else (attachments, inline
 *   images) as one line with its name, type, size and SHA-256, not its content.</li>
 * </ul>
 * Preamble and epilogue of multiparts are left out; a text always ends with a line end, and the form with exactly
 * one.
 */
public final class MessageNormaliser {
    /** What a masked header value becomes. */
    public static final String MASKED = "<masked>";

    private static final Pattern BOUNDARY = Pattern.compile("(?i)(\\bboundary\\s*=\\s*)(\"[^\"]*\"|[^;\\s]+)");

    private final Set<String> masked;
    private final boolean masksContentIds;
    /** Content-ID (without angle brackets) to its placeholder, in the order the parts come. */
    private final Map<String, String> contentIds = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    private MessageNormaliser(Set<String> masked) {
        this.masked = masked;
        this.masksContentIds = masked.contains("content-id");
    }

    /**
     * Normalises a message.
     *
     * @param envelope its envelope
     * @param message the parsed message
     * @param maskedHeaders the names of the header fields whose values are masked, in lower case
     * @return the normalised form, lines ending in {@code \n}
     */
    public static String normalise(Envelope envelope, MimeMessage message, Set<String> maskedHeaders) {
        MessageNormaliser n = new MessageNormaliser(maskedHeaders);
        if (n.masksContentIds) {
            n.collectContentIds(message);
        }
        n.out.append("MAIL FROM:<").append(envelope.mailFrom()).append(">\n");
        for (String r : envelope.recipients()) {
            n.out.append("RCPT TO:<").append(r).append(">\n");
        }
        n.out.append('\n');
        n.message(message, "");
        return SnapshotFile.canonical(n.out.toString());
    }

    private void message(MimePart message, String number) {
        headers(message);
        out.append('\n');
        body(message, number);
    }

    private void headers(MimePart part) {
        Enumeration<String> lines;
        try {
            lines = part.getAllHeaderLines();
        } catch (MessagingException e) {
            out.append("(the header fields could not be read: ").append(e.getMessage()).append(")\n");
            return;
        }
        while (lines.hasMoreElements()) {
            String line = lines.nextElement();
            int colon = line.indexOf(':');
            if (colon < 0) {
                out.append(visible(unfold(line).strip())).append('\n');
                continue;
            }
            String name = line.substring(0, colon).strip();
            String value = unfold(line.substring(colon + 1)).strip();
            out.append(visible(name)).append(": ").append(visible(value(name.toLowerCase(Locale.ROOT), value)))
                    .append('\n');
        }
    }

    private String value(String name, String value) {
        if (name.equals("content-id") && masksContentIds) {
            return "<" + contentIds.getOrDefault(bare(value), "masked-cid") + ">";
        }
        if (masked.contains(name)) {
            return MASKED;
        }
        if (name.equals("content-type")) {
            Matcher m = BOUNDARY.matcher(value);
            value = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "\"" + MASKED + "\""));
        }
        return decoded(value);
    }

    private void body(Part part, String number) {
        try {
            Object content = null;
            if (part.isMimeType("multipart/*") || part.isMimeType("message/rfc822")) {
                content = part.getContent();
            }
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String childNumber = (number.isEmpty() ? "" : number + ".") + (i + 1);
                    BodyPart child = multipart.getBodyPart(i);
                    out.append("--- part ").append(childNumber).append(" ---\n");
                    if (child instanceof MimePart mp) {
                        message(mp, childNumber);
                    } else {
                        out.append('\n');
                        body(child, childNumber);
                    }
                }
            } else if (content instanceof MimeMessage attached) {
                out.append("(attached message)\n");
                message(attached, number);
            } else if (isText(part)) {
                text(part);
            } else {
                summary(part);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            out.append("(this part could not be read: ").append(e.getMessage()).append(")\n");
        }
    }

    private static boolean isText(Part part) throws MessagingException {
        return part.isMimeType("text/*") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                && part.getFileName() == null;
    }

    private void text(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String text = new String(bytes, charset(part)).replace("\r\n", "\n").replace('\r', '\n');
        if (!contentIds.isEmpty() && text.contains("cid:")) {
            // the longest first, so that an id that starts another one does not replace a part of it
            List<Map.Entry<String, String>> ids = new ArrayList<>(contentIds.entrySet());
            ids.sort((x, y) -> y.getKey().length() - x.getKey().length());
            for (Map.Entry<String, String> cid : ids) {
                text = text.replace("cid:" + cid.getKey(), "cid:" + cid.getValue());
            }
        }
        out.append(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.append('\n');
        }
    }

    private void summary(Part part) throws MessagingException, IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        long size = 0;
        try (InputStream in = part.getInputStream()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha256.update(buf, 0, n);
                size += n;
            }
        }
        String disposition = part.getDisposition();
        String kind = disposition == null ? "part" : disposition.toLowerCase(Locale.ROOT).equals("inline")
                ? "inline part" : "attachment";
        String fileName = part.getFileName();
        out.append('(').append(kind).append(fileName == null ? "" : " \"" + visible(decoded(fileName)) + "\"")
                .append(": ").append(mimeType(part)).append(", ").append(size).append(size == 1 ? " byte" : " bytes")
                .append(", sha256 ").append(HexFormat.of().formatHex(sha256.digest())).append(")\n");
    }

    private void collectContentIds(Part part) {
        try {
            if (part instanceof MimePart mp) {
                String id = mp.getContentID();
                if (id != null && !contentIds.containsKey(bare(id))) {
                    contentIds.put(bare(id), "masked-cid-" + (contentIds.size() + 1));
                }
            }
            if (part.isMimeType("multipart/*") || part.isMimeType("message/rfc822")) {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        collectContentIds(multipart.getBodyPart(i));
                    }
                } else if (content instanceof Part attached) {
                    collectContentIds(attached);
                }
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // the rendering says what could not be read
        }
    }

    /**
     * Makes the control characters of a header value visible, as Java writes them: {@code \r}, {@code \n} and
     * {@code \t} as those two-character escapes, any other (C0, DEL, C1) as <code>&#92;u00XX</code>. A decoded encoded-word
     * can hold a line break, which would otherwise split the line (and lose its {@code \r} when the snapshot is
     * read).
     */
    static String visible(String value) {
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isISOControl(c)) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb == null ? value : sb.toString();
    }

    /**
     * Replaces each line break, with the spaces and tabs around it, by one space; one forward pass (a regular
     * expression with white space on both sides of the break backtracks quadratically over a long run of spaces).
     */
    static String unfold(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        int n = value.length();
        int floor = 0; // the space written for the previous break stays, as the pattern replaced each break alone
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c != '\r' && c != '\n') {
                sb.append(c);
                continue;
            }
            int end = sb.length();
            while (end > floor && (sb.charAt(end - 1) == ' ' || sb.charAt(end - 1) == '\t')) {
                end--;
            }
            sb.setLength(end);
            if (c == '\r' && i + 1 < n && value.charAt(i + 1) == '\n') {
                i++;
            }
            while (i + 1 < n && (value.charAt(i + 1) == ' ' || value.charAt(i + 1) == '\t')) {
                i++;
            }
            sb.append(' ');
            floor = sb.length();
        }
        return sb.toString();
    }

    private static String bare(String contentId) {
        String id = unfold(contentId).strip();
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }

    /** Decodes RFC 2047 words with the linear, provider-free decoder the message view uses. */
    private static String decoded(String text) {
        try {
            return EncodedWords.decode(text);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return text; // an unknown charset: the words as sent are the best there is
        }
    }

    private static String mimeType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return String.valueOf(part.getContentType());
        }
    }

    private static Charset charset(Part part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name != null) {
                return Charset.forName(MimeUtility.javaCharset(name.strip()));
            }
        } catch (MessagingException | RuntimeException e) {
            // an unknown or broken charset: UTF-8, which is also right for US-ASCII
        }
        return StandardCharsets.UTF_8;
    }
}
