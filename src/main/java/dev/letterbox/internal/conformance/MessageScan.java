package dev.letterbox.internal.conformance;

import dev.letterbox.ViolationCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;

/**
 * The line-by-line state machine of the checks: which entity (message or body part) a line belongs to, whether it is
 * in that entity's header section or body, and which multipart boundary it is. Linear in the message size: each line
 * is looked at once, and compared with the boundaries of at most {@link #MAX_DEPTH} open multiparts.
 */
final class MessageScan implements LineSplitter.Receiver {
    /** Deeper multiparts are checked as opaque bodies; real mail nests a handful of levels. */
    static final int MAX_DEPTH = 32;
    private static final String BCHARS = "'()+_,-./:=? ";

    private final Findings findings;
    private final boolean eightBitMime;
    private final boolean smtpUtf8;
    private final Deque<Entity> open = new ArrayDeque<>();
    private final Entity message = new Entity("", true);
    private long work;

    MessageScan(Findings findings, boolean eightBitMime, boolean smtpUtf8) {
        this.findings = findings;
        this.eightBitMime = eightBitMime;
        this.smtpUtf8 = smtpUtf8;
        open.push(message);
    }

    /** @return the octets examined: each kept line octet once, plus each octet compared with a boundary */
    long work() {
        return work;
    }

    /** @return the message's own header section, as far as it was read */
    Entity message() {
        return message;
    }

    @Override
    public void line(byte[] text, int kept, long length, long number, boolean eightBit) {
        work += kept;
        Entity top = open.peek();
        if (top.inHeaders) {
            headerLine(top, text, kept, length, number, eightBit);
            return;
        }
        if (length > 998) {
            findings.addCounted(ViolationCode.LINE_TOO_LONG, "line " + number, "a body line of " + length
                    + " octets, more than the 998 allowed", "lines");
        }
        if (eightBit && !eightBitMime) {
            findings.addCounted(ViolationCode.EIGHT_BIT_WITHOUT_8BITMIME, "line " + number, "8-bit octets in the"
                    + " body, but the client did not send MAIL FROM with BODY=8BITMIME", "lines");
        }
        if (kept >= 2 && text[0] == '-' && text[1] == '-' && boundary(text, kept)) {
            return;
        }
        if (top.body != null) {
            top.body.line(text, kept, number, eightBit);
        }
    }

    private void headerLine(Entity e, byte[] text, int kept, long length, long number, boolean eightBit) {
        if (length > 998) {
            findings.addCounted(ViolationCode.HEADER_LINE_TOO_LONG, "line " + number, "a header line of " + length
                    + " octets, more than the 998 allowed (fold it)", "lines");
        }
        if (eightBit && !smtpUtf8) {
            findings.addCounted(ViolationCode.RAW_NON_ASCII_HEADER_WITHOUT_SMTPUTF8, e.place() + ", line " + number,
                    "raw non-ASCII octets in a header, but the client did not send MAIL FROM with SMTPUTF8; encode"
                            + " the text as RFC 2047 encoded-words (or send with SMTPUTF8)", "header lines");
        }
        if (length == 0) {
            endHeaders(e);
            return;
        }
        if (text[0] == ' ' || text[0] == '\t') {
            if (e.hasField()) {
                e.continueField(text, kept);
            } else {
                findings.add(ViolationCode.MALFORMED_HEADER_FIELD, e.place() + ", line " + number,
                        "a folded continuation line before any header field");
            }
            return;
        }
        int colon = 0;
        while (colon < kept && text[colon] != ':' && text[colon] > ' ' && text[colon] < 127) {
            colon++;
        }
        int nameEnd = colon;
        while (colon < kept && (text[colon] == ' ' || text[colon] == '\t')) {
            colon++;
        }
        if (colon >= kept || text[colon] != ':' || nameEnd == 0) {
            String shown = new String(text, 0, Math.min(kept, 60), StandardCharsets.ISO_8859_1);
            findings.add(ViolationCode.MALFORMED_HEADER_FIELD, e.place() + ", line " + number,
                    "'" + shown + "' is not a header field (name, colon, value) nor a folded continuation");
            e.endField();
            return;
        }
        String name = new String(text, 0, nameEnd, StandardCharsets.ISO_8859_1);
        if (nameEnd != colon) {
            findings.add(ViolationCode.MALFORMED_HEADER_FIELD, "header " + name + ", line " + number,
                    "white space between the field name and the colon (obsolete syntax that must not be sent)");
        }
        e.startField(name, text, colon + 1, kept, number);
    }

    private void endHeaders(Entity e) {
        e.endField();
        e.inHeaders = false;
        if (e == message) {
            HeaderRules.check(e.fields, findings);
        }
        String contentType = e.field("Content-Type");
        if (contentType != null) {
            e.type = MediaType.parse(contentType);
        }
        String cte = e.field("Content-Transfer-Encoding");
        if (cte != null) {
            e.encoding = cte.trim().toLowerCase(Locale.ROOT);
            checkEncodingName(e);
        }
        if (e.type.isMultipart() && open.size() <= MAX_DEPTH) {
            String b = e.type.boundary();
            if (b == null || b.isEmpty()) {
                findings.add(ViolationCode.BAD_MULTIPART_BOUNDARY, e.place(),
                        e.type.type() + " without a boundary parameter; its parts cannot be found");
            } else {
                checkBoundary(e, b);
                e.boundary = b.getBytes(StandardCharsets.ISO_8859_1);
                return;
            }
        }
        e.body = new BodyCheck(e.encoding);
    }

    private void checkEncodingName(Entity e) {
        String enc = e.encoding;
        boolean identity = enc.equals("7bit") || enc.equals("8bit") || enc.equals("binary");
        boolean known = identity || enc.equals("base64") || enc.equals("quoted-printable") || enc.startsWith("x-");
        if (!known) {
            findings.add(ViolationCode.CONTENT_TRANSFER_ENCODING_MISMATCH, e.place(),
                    "unknown Content-Transfer-Encoding '" + enc + "'; use 7bit, 8bit, binary, quoted-printable or"
                            + " base64");
        } else if (!identity && (e.type.isMultipart() || e.type.type().equals("message/rfc822"))) {
            findings.add(ViolationCode.CONTENT_TRANSFER_ENCODING_MISMATCH, e.place(),
                    e.type.type() + " with Content-Transfer-Encoding " + enc + "; a composite type must be 7bit,"
                            + " 8bit or binary (RFC 2045 section 6.4)");
            e.encoding = null;
        }
    }

    private void checkBoundary(Entity e, String b) {
        boolean ok = b.length() <= 70 && b.charAt(b.length() - 1) != ' ';
        for (int i = 0; ok && i < b.length(); i++) {
            char c = b.charAt(i);
            ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || BCHARS.indexOf(c) >= 0;
        }
        if (!ok) {
            findings.add(ViolationCode.BAD_MULTIPART_BOUNDARY, e.place(), "the boundary '" + b + "' is not 1 to 70"
                    + " characters of digits, letters and '()+_,-./:=? (not ending in a space)");
        }
    }

    /** @return true if the line is a delimiter or close delimiter of an open multipart (and was handled as such) */
    private boolean boundary(byte[] text, int kept) {
        for (Iterator<Entity> it = open.iterator(); it.hasNext(); ) {
            Entity m = it.next();
            if (m.boundary == null || m.closed || !startsWith(text, kept, m.boundary)) {
                continue;
            }
            int rest = 2 + m.boundary.length;
            boolean close = rest + 2 <= kept && text[rest] == '-' && text[rest + 1] == '-';
            if (!close && !blank(text, rest, kept)) {
                continue;
            }
            while (open.peek() != m) {
                finish(open.pop());
            }
            m.boundaryUsed = true;
            if (close) {
                m.closed = true;
                if (m.parts == 0) {
                    findings.add(ViolationCode.BAD_MULTIPART_BOUNDARY, m.place(),
                            m.type.type() + " closed before its first part; a multipart needs at least one");
                }
            } else {
                m.parts++;
                open.push(new Entity(m.childPath(m.parts), false));
            }
            return true;
        }
        return false;
    }

    private boolean startsWith(byte[] text, int kept, byte[] boundary) {
        if (kept < 2 + boundary.length) {
            return false;
        }
        for (int i = 0; i < boundary.length; i++) {
            work++;
            if (text[2 + i] != boundary[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(byte[] text, int from, int kept) {
        for (int i = from; i < kept; i++) {
            if (text[i] != ' ' && text[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Ends the scan: every entity still open ends with the message. */
    void end() {
        while (!open.isEmpty()) {
            finish(open.pop());
        }
    }

    private void finish(Entity e) {
        if (e.inHeaders) {
            e.endField();
            if (e == message) {
                e.inHeaders = false;
                HeaderRules.check(e.fields, findings);
            }
            return;
        }
        if (e.boundary != null) {
            String delimiter = "--" + new String(e.boundary, StandardCharsets.ISO_8859_1);
            if (!e.boundaryUsed) {
                findings.add(ViolationCode.BAD_MULTIPART_BOUNDARY, e.place(), "the boundary line " + delimiter
                        + " never occurs, so " + e.type.type() + " has no parts");
            } else if (!e.closed) {
                findings.add(ViolationCode.BAD_MULTIPART_BOUNDARY, e.place(), e.type.type()
                        + " is not closed: the close delimiter " + delimiter + "-- is missing");
            }
        } else if (e.body != null) {
            e.body.finish(findings, e.place(), e.type);
        }
    }
}
