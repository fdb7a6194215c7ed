package dev.letterbox.internal.smtp;

import java.util.Map;

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
            switch (p.getKey()) {
                case "SIZE" -> checkSize(s, p.getValue());
                case "BODY" -> {
                    String v = p.getValue().toUpperCase(java.util.Locale.ROOT);
                    if (v.equals("BINARYMIME")) {
                        throw new ReplyException(555, "5.5.4", "BODY=BINARYMIME not implemented: it needs CHUNKING,"
                                + " which this server does not offer; send BODY=8BITMIME");
                    }
                    if (!v.equals("7BIT") && !v.equals("8BITMIME")) {
                        throw new ReplyException(501, "5.5.4", "Syntax error: BODY must be 7BIT or 8BITMIME, was "
                                + p.getValue());
                    }
                }
                case "SMTPUTF8" -> {
                    if (!p.getValue().isEmpty()) {
                        throw new ReplyException(501, "5.5.4", "Syntax error: SMTPUTF8 takes no value");
                    }
                }
                case "AUTH" -> {
                    // RFC 4954 section 5: recorded as given; accepted where AUTH is offered
                    if (!s.authOffered()) {
                        throw unknownParameter("MAIL", p.getKey());
                    }
                    if (p.getValue().isEmpty()) {
                        throw new ReplyException(501, "5.5.4", "Syntax error: AUTH= needs a mailbox (xtext) or <>");
                    }
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
        String rest = afterKeyword(arg, "TO:", "RCPT TO:<address>");
        PathParser.Path path = PathParser.FORWARD.parse(rest, false);
        checkExtended(s, path.parameters(), "RCPT");
        if (!path.parameters().isEmpty()) {
            throw unknownParameter("RCPT", path.parameters().keySet().iterator().next());
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
        if (arg.length() < keyword.length() || !arg.regionMatches(true, 0, keyword, 0, keyword.length())) {
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

    private static ReplyException unknownParameter(String verb, String keyword) {
        return new ReplyException(555, "5.5.4", verb + " parameter " + keyword + " not recognized or not implemented");
    }
}
