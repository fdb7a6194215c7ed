package dev.letterbox.internal.smtp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mail transaction a session is building: MAIL FROM, then the accepted recipients. */
final class Transaction {
    final String mailFrom;
    final Map<String, String> mailParameters;
    final boolean smtputf8;
    /** BODY=BINARYMIME: the content may only come in BDAT chunks (RFC 3030 section 3) */
    final boolean binarymime;
    /** how many BDAT chunks were accepted: DATA and RCPT are refused after the first */
    int chunks;
    final List<String> recipients = new ArrayList<>();
    final Map<String, Map<String, String>> recipientParameters = new LinkedHashMap<>();

    Transaction(String mailFrom, Map<String, String> mailParameters) {
        this.mailFrom = mailFrom;
        this.mailParameters = mailParameters;
        this.smtputf8 = mailParameters.containsKey("SMTPUTF8");
        this.binarymime = mailParameters.containsKey("BODY") && Ascii.equalsIgnoreCase(mailParameters.get("BODY"), "BINARYMIME");
    }

    void addRecipient(String address, Map<String, String> parameters) {
        if (!recipientParameters.containsKey(address)) {
            recipients.add(address);
        }
        recipientParameters.put(address, parameters);
    }
}
