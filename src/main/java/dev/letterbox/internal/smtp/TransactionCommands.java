package dev.letterbox.internal.smtp;

import dev.letterbox.SmtpExtension;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** MAIL and RCPT: open a transaction and add recipients, checking syntax, parameters and limits. */
final class TransactionCommands {
    private TransactionCommands() {
    }

    static Outcome mail(SessionState s, String arg) throws ReplyException {
        String rest = afterKeyword(arg, "FROM:", "MAIL FROM:<address>");
        PathParser.Path path = PathParser.REVERSE.parse(rest, true);
        Map<String, String> params = path.parameters();
        checkExtended(s, params, "MAIL");
        for (Map.Entry<String, String> p : params.entrySet()) {
            String value = p.getValue();
            switch (p.getKey()) {
                case "SIZE" -> {
                    offered(s, SmtpExtension.SIZE, "MAIL", p.getKey());
                    checkSize(s, value);
                }
                case "BODY" -> checkBody(s, value);
                case "SMTPUTF8" -> {
                    offered(s, SmtpExtension.SMTPUTF8, "MAIL", p.getKey());
                    if (!value.isEmpty()) {
                        throw new ReplyException(501, "5.5.4", "Syntax error: SMTPUTF8 takes no value");
                    }
                }
                case "AUTH" -> {
                    // RFC 4954 section 5: recorded as given; accepted where AUTH is offered
                    if (!s.authOffered()) {
                        throw unknownParameter("MAIL", p.getKey());
                    }
                    if (value.isEmpty()) {
                        throw new ReplyException(501, "5.5.4", "Syntax error: AUTH= needs a mailbox (xtext) or <>");
                    }
                }
                case "RET" -> {
                    offered(s, SmtpExtension.DSN, "MAIL", p.getKey());
                    if (!Ascii.equalsIgnoreCase(value, "FULL") && !Ascii.equalsIgnoreCase(value, "HDRS")) {
                        throw new ReplyException(501, "5.5.4", "Syntax error: RET must be FULL or HDRS (RFC 3461"
                                + " section 4.3), was " + shown(value));
                    }
                }
                case "ENVID" -> {
                    offered(s, SmtpExtension.DSN, "MAIL", p.getKey());
                    xtext("ENVID", value, 100, "section 4.4");
                }
                default -> throw unknownParameter("MAIL", p.getKey());
            }
        }
        if (!path.isAscii() && !params.containsKey("SMTPUTF8")) {
            throw new ReplyException(553, "5.6.7", "Non-ASCII sender address needs the SMTPUTF8 parameter on MAIL");
        }
        return Outcome.reply(path.address(), () -> {
            s.begin(new Transaction(path.address(), params));
            return Reply.of(250, "2.1.0", "Sender <" + path.address() + "> OK");
        });
    }

    static Outcome rcpt(SessionState s, String arg) throws ReplyException {
        Transaction t = s.transaction();
        if (t != null && t.chunks > 0) {
            throw new ReplyException(503, "5.5.1", "Error: RCPT after BDAT; every recipient comes before the first"
                    + " chunk");
        }
        String rest = afterKeyword(arg, "TO:", "RCPT TO:<address>");
        PathParser.Path path = PathParser.FORWARD.parse(rest, false);
        checkExtended(s, path.parameters(), "RCPT");
        for (Map.Entry<String, String> p : path.parameters().entrySet()) {
            switch (p.getKey()) {
                case "NOTIFY" -> {
                    offered(s, SmtpExtension.DSN, "RCPT", p.getKey());
                    checkNotify(p.getValue());
                }
                case "ORCPT" -> {
                    offered(s, SmtpExtension.DSN, "RCPT", p.getKey());
                    checkOriginalRecipient(p.getValue());
                }
                default -> throw unknownParameter("RCPT", p.getKey());
            }
        }
        if (!path.isAscii() && !t.smtputf8) {
            throw new ReplyException(553, "5.6.7",
                    "Non-ASCII recipient address needs the SMTPUTF8 parameter on MAIL");
        }
        if (t.recipients.size() >= s.options().maxRecipients()
                && !t.recipientParameters.containsKey(path.address())) {
            throw new ReplyException(452, "4.5.3", "Too many recipients: at most " + s.options().maxRecipients()
                    + " per message; send the rest in another transaction");
        }
        return Outcome.reply(path.address(), () -> {
            s.addRecipient(path.address(), path.parameters());
            return Reply.of(250, "2.1.5", "Recipient <" + path.address() + "> OK");
        });
    }

    private static String afterKeyword(String arg, String keyword, String syntax) throws ReplyException {
        if (arg.length() < keyword.length() || !Ascii.startsWithIgnoreCase(arg, keyword)) {
            throw new ReplyException(501, "5.5.4", "Syntax: " + syntax);
        }
        return arg.substring(keyword.length());
    }

    private static void checkExtended(SessionState s, Map<String, String> params, String verb) throws ReplyException {
        if (!params.isEmpty() && !s.extended()) {
            throw new ReplyException(555, "5.5.4", verb + " parameters need EHLO; this session said HELO");
        }
    }

    private static void checkSize(SessionState s, String value) throws ReplyException {
        // RFC 1870: size-value ::= 1*20DIGIT; more than 18 digits is beyond a long and so beyond any limit
        boolean digits = !value.isEmpty() && value.length() <= 20;
        for (int i = 0; digits && i < value.length(); i++) {
            digits = value.charAt(i) >= '0' && value.charAt(i) <= '9';
        }
        if (!digits) {
            throw new ReplyException(501, "5.5.4", "Syntax error: SIZE must be a number of octets (1 to 20 digits),"
                    + " was " + value);
        }
        long max = s.options().maxMessageSize();
        if (max > 0 && (value.length() > 18 || Long.parseLong(value) > max)) {
            throw new ReplyException(552, "5.3.4", "Message size " + value + " exceeds the fixed maximum of " + max
                    + " octets");
        }
    }

    /** BODY (RFC 6152, RFC 3030): each value belongs to an extension, refused as unknown when that one is off. */
    private static void checkBody(SessionState s, String value) throws ReplyException {
        String v = Ascii.upper(value);
        boolean known = switch (v) {
            case "7BIT" -> s.offers(SmtpExtension.EIGHT_BIT_MIME) || s.offers(SmtpExtension.BINARYMIME);
            case "8BITMIME" -> s.offers(SmtpExtension.EIGHT_BIT_MIME);
            case "BINARYMIME" -> s.offers(SmtpExtension.BINARYMIME);
            default -> throw new ReplyException(501, "5.5.4", "Syntax error: BODY must be 7BIT, 8BITMIME or"
                    + " BINARYMIME, was " + shown(value));
        };
        if (!known) {
            throw new ReplyException(555, "5.5.4", "MAIL parameter BODY=" + v + " not recognized or not implemented"
                    + (v.equals("BINARYMIME") ? ": it needs CHUNKING and BINARYMIME, which this server does not offer"
                    : ""));
        }
    }

    /** NOTIFY (RFC 3461 section 4.1): NEVER alone, or a list of SUCCESS, FAILURE, DELAY, each once. */
    private static void checkNotify(String value) throws ReplyException {
        String[] items = Ascii.upper(value).split(",", -1);
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            if (item.equals("NEVER") && items.length > 1) {
                throw new ReplyException(501, "5.5.4", "Syntax error: NOTIFY=NEVER must stand alone (RFC 3461"
                        + " section 4.1), was " + shown(value));
            }
            if (!item.equals("NEVER") && !item.equals("SUCCESS") && !item.equals("FAILURE") && !item.equals("DELAY")) {
                throw new ReplyException(501, "5.5.4", "Syntax error: NOTIFY must be NEVER or a list of SUCCESS,"
                        + " FAILURE, DELAY (RFC 3461 section 4.1), was " + shown(value));
            }
            if (!seen.add(item)) {
                throw new ReplyException(501, "5.5.4", "Syntax error: NOTIFY names " + item + " twice, was "
                        + shown(value));
            }
        }
    }

    /** ORCPT (RFC 3461 section 4.2): {@code addr-type ";" xtext}, at most 500 characters. */
    private static void checkOriginalRecipient(String value) throws ReplyException {
        int semicolon = value.indexOf(';');
        if (semicolon <= 0 || !isAtom(value.substring(0, semicolon))) {
            throw new ReplyException(501, "5.5.4", "Syntax error: ORCPT must be addr-type;xtext such as"
                    + " rfc822;bob@example.com (RFC 3461 section 4.2), was " + shown(value));
        }
        xtext("ORCPT", value.substring(semicolon + 1), 500 - semicolon - 1, "section 4.2");
    }

    private static void xtext(String keyword, String value, int max, String section) throws ReplyException {
        if (value.isEmpty() && keyword.equals("ORCPT")) {
            throw new ReplyException(501, "5.5.4", "Syntax error: ORCPT has no address after the ';'");
        }
        String problem = Xtext.problem(value);
        if (problem != null) {
            throw new ReplyException(501, "5.5.4", "Syntax error: " + keyword + " is not xtext (RFC 3461 " + section
                    + "): " + problem);
        }
        if (value.length() > max) {
            throw new ReplyException(501, "5.5.4", "Syntax error: " + keyword + " longer than RFC 3461 " + section
                    + " allows (" + value.length() + " characters)");
        }
    }

    private static boolean isAtom(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-/=?^_`{|}~"
                    .indexOf(c) >= 0)) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    /** Refuses a parameter of an extension this session does not offer as unknown (RFC 5321 section 4.1.1.11). */
    private static void offered(SessionState s, SmtpExtension extension, String verb, String keyword)
            throws ReplyException {
        if (!s.offers(extension)) {
            throw unknownParameter(verb, keyword);
        }
    }

    private static ReplyException unknownParameter(String verb, String keyword) {
        return new ReplyException(555, "5.5.4", verb + " parameter " + keyword + " not recognized or not implemented");
    }
}
