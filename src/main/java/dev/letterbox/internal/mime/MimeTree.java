package dev.letterbox.internal.mime;

import dev.letterbox.ContentType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the {@link MimeNode} tree of a parsed message. Only headers and multipart boundaries are read: a body held in
 * a file is never copied to the heap here (multiparts over a shared stream keep offsets, not octets).
 */
final class MimeTree {

    private static final int MAX_DEPTH = 32;

    private MimeTree() {
    }

    static MimeNode build(Part part) {
        return build(part, 0, false);
    }

    private static MimeNode build(Part part, int depth, boolean inAlternative) {
        ContentType type = contentType(part);
        String encoding = lower(safe(() -> part instanceof MimePart mp ? mp.getEncoding() : null));
        String disposition = lower(safe(part::getDisposition));
        String fileName = fileName(part);
        String contentId = part instanceof MimePart mp ? stripAngles(safe(mp::getContentID)) : null;
        int rawSize = safeSize(part);
        List<MimeNode> children = new ArrayList<>();
        MimeMessage attached = null;
        MimeNode attachedRoot = null;
        String problem = null;
        MimeNode.Role role;
        if (type.is("multipart/*") && part instanceof MimePart mp && depth < MAX_DEPTH) {
            role = MimeNode.Role.CONTAINER;
            try {
                MimeMultipart multipart = new CapturedMultipart(new MimePartDataSource(mp));
                boolean alternative = type.is("multipart/alternative");
                for (int i = 0; i < multipart.getCount(); i++) {
                    children.add(build(multipart.getBodyPart(i), depth + 1, alternative));
                }
            } catch (MessagingException | RuntimeException e) {
                problem = "unreadable multipart: " + e.getMessage();
            }
        } else if (type.is("message/rfc822") && depth < MAX_DEPTH) {
            role = MimeNode.Role.ATTACHMENT;
            MimeNode shell = new MimeNode(part, type, encoding, disposition, fileName, contentId, rawSize, role,
                    List.of(), null, null, null);
            try (InputStream in = shell.openForParsing()) {
                attached = MimeParsing.parse(in);
                attachedRoot = build(attached, depth + 1, false);
            } catch (Exception e) {
                problem = "unreadable attached message: " + e.getMessage();
            }
        } else {
            role = leafRole(type, disposition, fileName, contentId, inAlternative);
        }
        return new MimeNode(part, type, encoding, disposition, fileName, contentId, rawSize, role, children,
                attached, attachedRoot, problem);
    }

    private static MimeNode.Role leafRole(ContentType type, String disposition, String fileName, String contentId,
            boolean inAlternative) {
        if ("attachment".equals(disposition)) {
            return MimeNode.Role.ATTACHMENT;
        }
        if ((type.is("text/plain") || type.is("text/html")) && fileName == null) {
            return MimeNode.Role.BODY;
        }
        if (inAlternative && fileName == null && !"inline".equals(disposition) && contentId == null) {
            // another rendering of the body, such as the text/calendar of an invitation or an AMP text/x-amp-html
            return MimeNode.Role.ALTERNATIVE;
        }
        if ("inline".equals(disposition) || contentId != null) {
            return MimeNode.Role.INLINE;
        }
        return MimeNode.Role.ATTACHMENT;
    }

    private static ContentType contentType(Part part) {
        String raw = safe(part::getContentType);
        return ContentType.parse(raw == null || raw.isBlank() ? "text/plain" : raw);
    }

    private static String fileName(Part part) {
        String name = safe(part::getFileName);
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.contains("=?")) {
            try {
                return EncodedWords.decode(name);
            } catch (Exception e) {
                return name;
            }
        }
        return name;
    }

    private static int safeSize(Part part) {
        try {
            return part.getSize();
        } catch (MessagingException | RuntimeException e) {
            return -1;
        }
    }

    private static String stripAngles(String id) {
        if (id == null) {
            return null;
        }
        String s = id.trim();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    private interface Getter {
        String get() throws MessagingException;
    }

    private static String safe(Getter getter) {
        try {
            return getter.get();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }
}
