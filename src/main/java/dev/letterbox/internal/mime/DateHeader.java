package dev.letterbox.internal.mime;

import jakarta.mail.internet.MailDateFormat;
import java.text.ParsePosition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

/**
 * Parses a Date header (RFC 5322 section 3.3) in one pass over its value: comments, nested or not, and folding
 * whitespace are dropped by a scanner (no regular expression), then the few characters left are handed to the date
 * parsers. Work is linear in the header's length, whatever it holds.
 */
public final class DateHeader {
    /** Longer than any date RFC 5322 (or its obsolete syntax) allows, once comments and folding are gone. */
    private static final int MAX_DATE_LENGTH = 256;

    private DateHeader() {
    }

    /**
     * Parses the value of a Date header, as received (folded or not).
     *
     * @param value the header value after the colon
     * @return the date with its offset (UTC when only the obsolete parser could read it), or empty if unparseable
     */
    public static Optional<OffsetDateTime> parse(CharSequence value) {
        String text = withoutCommentsAndFolding(value);
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            Date d = new MailDateFormat().parse(text, new ParsePosition(0));
            return d == null ? Optional.empty() : Optional.of(d.toInstant().atOffset(ZoneOffset.UTC));
        }
    }

    /**
     * Drops comments (a comment left open runs to the end) and collapses whitespace, line breaks included, to one
     * space; a comment counts as whitespace.
     *
     * @return the text, or null if it is too long to be a date
     */
    static String withoutCommentsAndFolding(CharSequence value) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean space = false;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (depth > 0) {
                if (c == '\\') {
                    i++; // a quoted-pair: the next character is literal
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                continue;
            }
            if (c == '(') {
                depth = 1;
                space = true;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
                if (out.length() > MAX_DATE_LENGTH) {
                    return null;
                }
            }
        }
        return out.toString();
    }
}
