package dev.letterbox.internal.smtp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the argument of MAIL FROM: and RCPT TO: (RFC 5321 section 4.1.2, with the SMTPUTF8 extensions of RFC 6531):
 * {@code <path> [SP parameter]*}. Source routes are accepted and dropped; quoted local parts and address literals are
 * accepted; non-ASCII addresses only in an SMTPUTF8 transaction.
 */
final class PathParser {

    /** A parsed path: the address without angle brackets ("" for the null path) and its parameters. */
    record Path(String address, Map<String, String> parameters) {
        boolean isAscii() {
            for (int i = 0; i < address.length(); i++) {
                if (address.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }
    }

    private final String kind;
    private final String addressCode;

    private PathParser(String kind, String addressCode) {
        this.kind = kind;
        this.addressCode = addressCode;
    }

    static final PathParser REVERSE = new PathParser("sender", "5.1.7");
    static final PathParser FORWARD = new PathParser("recipient", "5.1.3");

    /**
     * Parses {@code <path> params}.
     *
     * @param arg the text after "FROM:" or "TO:"
     * @param allowNull whether {@code <>} is allowed (MAIL only)
     * @return the path
     * @throws ReplyException 501 for bad syntax, with the reason in the text
     */
    Path parse(String arg, boolean allowNull) throws ReplyException {
        String s = arg.stripLeading();
        if (s.isEmpty() || s.charAt(0) != '<') {
            throw new ReplyException(501, "5.5.4", "Syntax error: the " + kind
                    + " address must be in angle brackets, like <user@example.com>");
        }
        int close = closingBracket(s);
        if (close < 0) {
            throw new ReplyException(501, "5.5.4", "Syntax error: missing '>' after the " + kind + " address");
        }
        String path = s.substring(1, close);
        if (utf8Length(s.substring(0, close + 1)) > 256) {
            throw new ReplyException(501, addressCode, "Bad " + kind
                    + " address: path longer than 256 octets (RFC 5321 section 4.5.3.1.3)");
        }
        Map<String, String> params = parameters(s.substring(close + 1));
        if (path.isEmpty()) {
            if (!allowNull) {
                throw new ReplyException(501, addressCode, "Bad recipient address syntax: empty address <>");
            }
            return new Path("", params);
        }
        if (path.charAt(0) == '@') {
            int colon = path.indexOf(':');
            if (colon < 0) {
                throw new ReplyException(501, addressCode, "Bad " + kind
                        + " address syntax: source route without ':'");
            }
            path = path.substring(colon + 1);
        }
        validateMailbox(path, !allowNull);
        return new Path(path, params);
    }

    private void validateMailbox(String mailbox, boolean postmasterAllowed) throws ReplyException {
        int at = atSign(mailbox);
        if (at < 0) {
            if (postmasterAllowed && Ascii.equalsIgnoreCase(mailbox, "postmaster")) {
                return;
            }
            throw bad("no '@domain' in \"" + mailbox + "\"");
        }
        String local = mailbox.substring(0, at);
        String domain = mailbox.substring(at + 1);
        if (local.isEmpty()) {
            throw bad("empty local part");
        }
        if (utf8Length(local) > 64) {
            throw new ReplyException(553, addressCode, "Bad " + kind
                    + " address: local part longer than 64 octets (RFC 5321 section 4.5.3.1.1)");
        }
        if (local.charAt(0) == '"') {
            validateQuoted(local);
        } else {
            validateDotString(local);
        }
        validateDomain(domain);
    }

    private void validateQuoted(String local) throws ReplyException {
        if (local.length() < 2 || local.charAt(local.length() - 1) != '"') {
            throw bad("unterminated quoted local part");
        }
        for (int i = 1; i < local.length() - 1; i++) {
            char c = local.charAt(i);
            if (c == '\\') {
                i++;
                if (i >= local.length() - 1) {
                    throw bad("backslash at the end of the quoted local part");
                }
            } else if (c == '"' || c < 32 || c == 127) {
                throw bad("character " + printable(c) + " not allowed in a quoted local part");
            }
        }
    }

    private void validateDotString(String local) throws ReplyException {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw bad("local part \"" + local + "\" has a leading, trailing or double dot; quote it");
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!(isAtext(c) || c == '.')) {
                throw bad("character " + printable(c) + " not allowed in an unquoted local part");
            }
        }
    }

    private void validateDomain(String domain) throws ReplyException {
        if (domain.isEmpty()) {
            throw bad("empty domain");
        }
        if (utf8Length(domain) > 255) {
            throw bad("domain longer than 255 octets (RFC 5321 section 4.5.3.1.2)");
        }
        if (domain.charAt(0) == '[') {
            if (domain.charAt(domain.length() - 1) != ']' || domain.length() < 3) {
                throw bad("address literal \"" + domain + "\" must look like [192.0.2.1] or [IPv6:2001:db8::1]");
            }
            String lit = domain.substring(1, domain.length() - 1);
            for (int i = 0; i < lit.length(); i++) {
                char c = lit.charAt(i);
                if (c <= 32 || c > 126 || c == '[' || c == ']' || c == '\\') {
                    throw bad("character " + printable(c) + " not allowed in an address literal");
                }
            }
            return;
        }
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw bad("domain \"" + domain + "\" has an empty label");
            }
            if (utf8Length(label) > 63) {
                throw bad("domain label longer than 63 octets (RFC 1035 section 2.3.4)");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw bad("domain label \"" + label + "\" starts or ends with '-'");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                        || c >= 0x80 && !Character.isWhitespace(c))) {
                    throw bad("character " + printable(c) + " not allowed in domain \"" + domain + "\"");
                }
            }
        }
    }

    private Map<String, String> parameters(String rest) throws ReplyException {
        if (rest.isEmpty()) {
            return Map.of();
        }
        if (rest.charAt(0) != ' ') {
            throw new ReplyException(501, "5.5.4", "Syntax error: expected a space after '>', found \""
                    + rest + "\"");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : words(rest)) {
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String keyword = Ascii.upper(eq < 0 ? p : p.substring(0, eq));
            String value = eq < 0 ? "" : p.substring(eq + 1);
            if (!isKeyword(keyword)) {
                throw new ReplyException(501, "5.5.4", "Syntax error in parameter \"" + p + "\"");
            }
            if (eq >= 0 && value.isEmpty()) {
                throw new ReplyException(501, "5.5.4", "Syntax error: parameter " + keyword + "= has no value");
            }
            if (value.indexOf('=') >= 0) {
                throw new ReplyException(501, "5.5.4", "Syntax error: '=' in the value of parameter " + keyword);
            }
            String earlier = params.putIfAbsent(keyword, value);
            if (earlier != null && !earlier.equals(value)) {
                // a harmless repeat (Python's smtplib sends SMTPUTF8 twice) is accepted, as Postfix does; only a
                // repeat that contradicts the first value is an error
                throw new ReplyException(501, "5.5.4", "Syntax error: parameter " + keyword + " given twice with"
                        + " different values (" + shown(earlier) + " and " + shown(value) + "); give it once");
            }
        }
        return Collections.unmodifiableMap(params);
    }

    private static String shown(String value) {
        return value.isEmpty() ? "no value" : value;
    }

    private ReplyException bad(String why) {
        return new ReplyException(501, addressCode, "Bad " + kind + " address syntax: " + why);
    }

    /** esmtp-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-"), already upper-cased. */
    private static boolean isKeyword(String k) {
        if (k.isEmpty()) {
            return false;
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            boolean alnum = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!alnum && (i == 0 || c != '-')) {
                return false;
            }
        }
        return true;
    }

    /** Splits at runs of spaces, without a regular expression (this runs for every MAIL and RCPT). */
    private static java.util.List<String> words(String s) {
        java.util.List<String> out = new java.util.ArrayList<>(4);
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && s.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    private static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    private static int closingBracket(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static int atSign(String mailbox) {
        boolean quoted = false;
        int at = -1;
        for (int i = 0; i < mailbox.length(); i++) {
            char c = mailbox.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '@' && !quoted) {
                at = i;
            }
        }
        return at;
    }

    private static boolean isAtext(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0 || c >= 0x80 && !Character.isWhitespace(c);
    }

    private static String printable(char c) {
        return c < 32 || c == 127 ? String.format("0x%02X", (int) c) : "'" + c + "'";
    }
}
