package dev.letterbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the SMTP client said about one message outside its content: the HELO/EHLO name, the reverse path (MAIL FROM)
 * with its parameters, and every accepted recipient (RCPT TO, so Bcc recipients too) with theirs.
 *
 * <p>Like {@link ReceivedMessage}, an accessor for one value returns null when it is absent (such as
 * {@link #mailParameter(String)} for a parameter the client did not give), and an accessor for several values returns
 * an empty list or map, never null.
 *
 * @param helo the name the client gave in EHLO or HELO
 * @param mailFrom the reverse path without angle brackets; empty for the null reverse path {@code <>}
 * @param mailParameters the MAIL parameters by upper-cased keyword, in order; a parameter without value maps to ""
 * @param recipients the accepted forward paths without angle brackets, in the order they were given
 * @param recipientParameters the RCPT parameters of each recipient, keyed like {@code mailParameters}
 * @param receivedAt when the end of the message was received
 */
public record Envelope(String helo, String mailFrom, Map<String, String> mailParameters, List<String> recipients,
                       Map<String, Map<String, String>> recipientParameters, Instant receivedAt) {

    /**
     * Creates an envelope, copying every collection so the record stays immutable.
     *
     * @param helo the name the client gave in EHLO or HELO
     * @param mailFrom the reverse path without angle brackets; empty for the null reverse path {@code <>}
     * @param mailParameters the MAIL parameters by upper-cased keyword, in order
     * @param recipients the accepted forward paths without angle brackets, in order
     * @param recipientParameters the RCPT parameters of each recipient
     * @param receivedAt when the end of the message was received
     * @throws NullPointerException if any argument is null
     */
    public Envelope {
        Objects.requireNonNull(helo, "helo");
        Objects.requireNonNull(mailFrom, "mailFrom");
        Objects.requireNonNull(receivedAt, "receivedAt");
        mailParameters = Collections.unmodifiableMap(new LinkedHashMap<>(mailParameters));
        recipients = List.copyOf(recipients);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        recipientParameters.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        recipientParameters = Collections.unmodifiableMap(copy);
    }

    /**
     * Tells whether the reverse path is the null path {@code <>}, as bounces and auto-replies use.
     *
     * @return true for {@code MAIL FROM:<>}
     */
    public boolean isNullSender() {
        return mailFrom.isEmpty();
    }

    /**
     * Returns one MAIL parameter.
     *
     * @param keyword the parameter keyword, in any case (for example {@code "SIZE"} or {@code "BODY"})
     * @return the value, "" for a parameter without value, or null if the client did not give it
     * @throws NullPointerException if keyword is null
     */
    public String mailParameter(String keyword) {
        Objects.requireNonNull(keyword, "keyword");
        return mailParameters.get(keyword.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Returns the RCPT parameters given with one recipient. The address is compared ignoring case, as
     * {@link Mailbox#messagesTo(String)} does; if the client gave the same address in several spellings, the exact
     * spelling wins, else the first one given.
     *
     * @param recipient a recipient as in {@link #recipients()}, in any case
     * @return the parameters, empty if none were given
     * @throws IllegalArgumentException if the recipient is not in this envelope
     * @throws NullPointerException if recipient is null
     */
    public Map<String, String> recipientParameters(String recipient) {
        Objects.requireNonNull(recipient, "recipient");
        Map<String, String> p = recipientParameters.get(recipient);
        for (int i = 0; p == null && i < recipients.size(); i++) {
            if (recipients.get(i).equalsIgnoreCase(recipient)) {
                p = recipientParameters.get(recipients.get(i));
            }
        }
        if (p == null) {
            throw new IllegalArgumentException("'" + recipient + "' is not a recipient of this envelope; recipients: "
                    + recipients);
        }
        return p;
    }

    @Override
    public String toString() {
        List<String> rcpts = new ArrayList<>(recipients.size());
        for (String r : recipients) {
            Map<String, String> p = recipientParameters.getOrDefault(r, Map.of());
            rcpts.add(p.isEmpty() ? "<" + r + ">" : "<" + r + "> " + p);
        }
        return "Envelope{helo=" + helo + ", mailFrom=<" + mailFrom + ">"
                + (mailParameters.isEmpty() ? "" : " " + mailParameters) + ", recipients=" + rcpts
                + ", receivedAt=" + receivedAt + "}";
    }
}
