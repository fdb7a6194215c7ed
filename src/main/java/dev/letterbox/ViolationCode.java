package dev.letterbox;

/**
 * The rules {@link ReceivedMessage#violations()} checks, each with its severity and its source. The names are stable:
 * tests may list them in {@code hasNoViolationsExcept(...)}.
 */
public enum ViolationCode {
    /** A line ends in a bare LF instead of CRLF (the SMTP smuggling vector; Postfix and Exchange refuse it). */
    BARE_LF(Violation.Severity.REJECT, "RFC 5321 section 2.3.8; RFC 5322 section 2.3"),
    /** A CR that is not followed by LF. */
    BARE_CR(Violation.Severity.REJECT, "RFC 5321 section 2.3.8; RFC 5322 section 2.3"),
    /** A body line longer than 998 octets (without its CRLF). */
    LINE_TOO_LONG(Violation.Severity.REJECT, "RFC 5322 section 2.1.1; RFC 5321 section 4.5.3.1.6"),
    /** A header line (one physical line of a possibly folded field) longer than 998 octets. */
    HEADER_LINE_TOO_LONG(Violation.Severity.REJECT, "RFC 5322 section 2.1.1; RFC 5321 section 4.5.3.1.6"),
    /** No From header field. */
    MISSING_FROM(Violation.Severity.REJECT, "RFC 5322 sections 3.6 and 3.6.2; Gmail email sender guidelines"),
    /** No Date header field. */
    MISSING_DATE(Violation.Severity.WARN, "RFC 5322 sections 3.6 and 3.6.1"),
    /** No Message-ID header field (Gmail answers 550 5.7.1 "Messages missing a valid Message-ID header"). */
    MISSING_MESSAGE_ID(Violation.Severity.REJECT, "RFC 5322 section 3.6.4; Gmail email sender guidelines"),
    /** A Message-ID that is not {@code <left@right>} in the syntax of RFC 5322. */
    INVALID_MESSAGE_ID(Violation.Severity.REJECT, "RFC 5322 section 3.6.4; Gmail email sender guidelines"),
    /** A header field that may occur at most once (Date, From, Subject, Message-ID, To ...) occurs more often. */
    DUPLICATE_SINGLE_HEADER(Violation.Severity.REJECT, "RFC 5322 section 3.6; Gmail email sender guidelines"),
    /** A header line that is neither a field ({@code name: value}) nor a folded continuation. */
    MALFORMED_HEADER_FIELD(Violation.Severity.WARN, "RFC 5322 sections 2.2 and 3.6.8"),
    /** An address header (From, To, Cc, Reply-To, Sender, Bcc) that does not parse as RFC 5322 addresses. */
    INVALID_ADDRESS_SYNTAX(Violation.Severity.REJECT, "RFC 5322 section 3.4; Gmail email sender guidelines"),
    /** 8-bit octets in the body although the client did not declare {@code BODY=8BITMIME}. */
    EIGHT_BIT_WITHOUT_8BITMIME(Violation.Severity.WARN, "RFC 5321 section 2.4; RFC 6152 section 3"),
    /** Raw non-ASCII octets in a header although the client did not declare {@code SMTPUTF8}. */
    RAW_NON_ASCII_HEADER_WITHOUT_SMTPUTF8(Violation.Severity.WARN, "RFC 5322 section 2.2; RFC 6532 section 3"),
    /** An RFC 2047 encoded-word that is malformed: unknown encoding or charset, bad text, longer than 75. */
    MALFORMED_ENCODED_WORD(Violation.Severity.WARN, "RFC 2047 sections 2, 4 and 5"),
    /** MIME header fields (Content-Type, Content-Transfer-Encoding) without MIME-Version. */
    MISSING_MIME_VERSION(Violation.Severity.WARN, "RFC 2045 section 4"),
    /** A multipart without a usable boundary: missing, invalid, never used, or never closed. */
    BAD_MULTIPART_BOUNDARY(Violation.Severity.WARN, "RFC 2046 section 5.1.1"),
    /** A text part with 8-bit content but no charset (so it reads as US-ASCII). */
    MISSING_CHARSET_FOR_8BIT_TEXT(Violation.Severity.WARN, "RFC 2046 section 4.1.2"),
    /** A body that does not match its Content-Transfer-Encoding (8-bit in 7bit, bad base64 or quoted-printable). */
    CONTENT_TRANSFER_ENCODING_MISMATCH(Violation.Severity.WARN, "RFC 2045 sections 6.1 to 6.8");

    private final Violation.Severity severity;
    private final String source;

    ViolationCode(Violation.Severity severity, String source) {
        this.severity = severity;
        this.source = source;
    }

    /** @return how a receiving system treats mail with this violation */
    public Violation.Severity severity() {
        return severity;
    }

    /** @return the RFC sections or provider guideline that set the rule */
    public String source() {
        return source;
    }
}
