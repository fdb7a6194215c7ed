package dev.letterbox;

import dev.letterbox.internal.smtp.Xtext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the SMTP client said about one message outside its content: the HELO/EHLO name, the reverse path (MAIL FROM)
 * with its parameters, and every accepted recipient (RCPT TO, so Bcc recipients too) with theirs. Immutable; the
 * server makes one per message, and {@link #builder()} makes one for your own tests.
 *
 * <p>Like {@link ReceivedMessage}, an accessor for one value returns null when it is absent (such as
 * {@link #mailParameter(String)} for a parameter the client did not give), and an accessor for several values returns
 * an empty list or map, never null.
 */
public final class Envelope {
    private final String helo;
    private final String mailFrom;
    private final Map<String, String> mailParameters;
    private final List<String> recipients;
    private final Map<String, Map<String, String>> recipientParameters;
    private final Instant receivedAt;
    private final String tlsProtocol;
    private final String tlsCipherSuite;
    private final String authenticatedUser;
    private final String authMechanism;

    private Envelope(Builder b) {
        this.helo = b.helo;
        this.mailFrom = b.mailFrom;
        this.mailParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.mailParameters));
        this.recipients = List.copyOf(b.recipientParameters.keySet());
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        b.recipientParameters.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.recipientParameters = Collections.unmodifiableMap(copy);
        this.receivedAt = b.receivedAt;
        this.tlsProtocol = b.tlsProtocol;
        this.tlsCipherSuite = b.tlsCipherSuite;
        this.authenticatedUser = b.authenticatedUser;
        this.authMechanism = b.authMechanism;
    }

    /**
     * Starts an envelope: empty HELO name, the null reverse path, no parameters or recipients, received now.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the name the client gave in EHLO or HELO */
    public String helo() {
        return helo;
    }

    /** @return the reverse path without angle brackets; empty for the null reverse path {@code <>} */
    public String mailFrom() {
        return mailFrom;
    }

    /** @return the MAIL parameters by upper-cased keyword, in order; a parameter without value maps to "" */
    public Map<String, String> mailParameters() {
        return mailParameters;
    }

    /** @return the accepted forward paths without angle brackets, in the order they were given */
    public List<String> recipients() {
        return recipients;
    }

    /** @return the RCPT parameters of each recipient, keyed like {@link #mailParameters()}, in recipient order */
    public Map<String, Map<String, String>> recipientParameters() {
        return recipientParameters;
    }

    /** @return when the end of the message was received */
    public Instant receivedAt() {
        return receivedAt;
    }

    /**
     * Tells whether TLS was in force when the message was sent (after STARTTLS, or on an implicit-TLS connection).
     *
     * @return true if the transaction ran over TLS
     */
    public boolean usedTls() {
        return tlsProtocol != null;
    }

    /** @return the TLS protocol of the connection, such as {@code TLSv1.3}, or null without TLS */
    public String tlsProtocol() {
        return tlsProtocol;
    }

    /** @return the TLS cipher suite of the connection, such as {@code TLS_AES_256_GCM_SHA384}, or null without TLS */
    public String tlsCipherSuite() {
        return tlsCipherSuite;
    }

    /** @return the user the client authenticated as with AUTH, or null if it did not authenticate */
    public String authenticatedUser() {
        return authenticatedUser;
    }

    /** @return the AUTH mechanism the client used, such as {@code PLAIN}, {@code LOGIN} or {@code CRAM-MD5}, or null */
    public String authMechanism() {
        return authMechanism;
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
     * Returns what the client asked a delivery status notification to include (RFC 3461 {@code RET} on MAIL).
     *
     * @return {@code FULL} or {@code HDRS} (upper case), or null if the client did not say
     */
    public String dsnReturn() {
        String ret = mailParameters.get("RET");
        return ret == null ? null : ret.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Returns the envelope identifier the client gave for delivery status notifications (RFC 3461 {@code ENVID} on
     * MAIL), decoded from xtext.
     *
     * @return the identifier, such as {@code QQ314159+order} for {@code ENVID=QQ314159+2Border}, or null if none
     */
    public String dsnEnvelopeId() {
        String id = mailParameters.get("ENVID");
        return id == null ? null : Xtext.decode(id);
    }

    /**
     * Returns when the client asked to be notified about one recipient (RFC 3461 {@code NOTIFY} on RCPT).
     *
     * @param recipient a recipient as in {@link #recipients()}, in any case
     * @return {@code NEVER}, or some of {@code SUCCESS}, {@code FAILURE}, {@code DELAY}, upper case in the order
     *     given; empty if the client did not say (the server then decides, usually FAILURE,DELAY)
     * @throws IllegalArgumentException if the recipient is not in this envelope
     * @throws NullPointerException if recipient is null
     */
    public Set<String> dsnNotify(String recipient) {
        String notify = recipientParameters(recipient).get("NOTIFY");
        return notify == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(
                List.of(notify.toUpperCase(java.util.Locale.ROOT).split(","))));
    }

    /**
     * Returns the original recipient the client gave for one recipient (RFC 3461 {@code ORCPT} on RCPT), decoded
     * from xtext.
     *
     * @param recipient a recipient as in {@link #recipients()}, in any case
     * @return the address type and address, such as {@code rfc822;bob+orders@example.com} for
     *     {@code ORCPT=rfc822;bob+2Borders@example.com}, or null if none was given
     * @throws IllegalArgumentException if the recipient is not in this envelope
     * @throws NullPointerException if recipient is null
     */
    public String dsnOriginalRecipient(String recipient) {
        String orcpt = recipientParameters(recipient).get("ORCPT");
        return orcpt == null ? null : Xtext.decode(orcpt);
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
    public boolean equals(Object o) {
        return o instanceof Envelope e && helo.equals(e.helo) && mailFrom.equals(e.mailFrom)
                && mailParameters.equals(e.mailParameters) && recipientParameters.equals(e.recipientParameters)
                && recipients.equals(e.recipients) && receivedAt.equals(e.receivedAt)
                && Objects.equals(tlsProtocol, e.tlsProtocol) && Objects.equals(tlsCipherSuite, e.tlsCipherSuite)
                && Objects.equals(authenticatedUser, e.authenticatedUser)
                && Objects.equals(authMechanism, e.authMechanism);
    }

    @Override
    public int hashCode() {
        return Objects.hash(helo, mailFrom, mailParameters, recipientParameters, receivedAt, tlsProtocol,
                authenticatedUser);
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
                + (tlsProtocol == null ? "" : ", tls=" + tlsProtocol + " " + tlsCipherSuite)
                + (authenticatedUser == null ? "" : ", auth=" + authenticatedUser + " (" + authMechanism + ")")
                + ", receivedAt=" + receivedAt + "}";
    }

    /** Builds an {@link Envelope}; each setter checks its argument. */
    public static final class Builder {
        private String helo = "";
        private String mailFrom = "";
        private final Map<String, String> mailParameters = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> recipientParameters = new LinkedHashMap<>();
        private Instant receivedAt;
        private String tlsProtocol;
        private String tlsCipherSuite;
        private String authenticatedUser;
        private String authMechanism;

        private Builder() {
        }

        /**
         * Records that the message came over TLS.
         *
         * @param protocol the protocol, such as {@code TLSv1.3}
         * @param cipherSuite the cipher suite, such as {@code TLS_AES_256_GCM_SHA384}
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder tls(String protocol, String cipherSuite) {
            this.tlsProtocol = Objects.requireNonNull(protocol, "protocol");
            this.tlsCipherSuite = Objects.requireNonNull(cipherSuite, "cipherSuite");
            return this;
        }

        /**
         * Records that the client authenticated before sending the message.
         *
         * @param user the user name
         * @param mechanism the AUTH mechanism, such as {@code PLAIN}
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder authenticated(String user, String mechanism) {
            this.authenticatedUser = Objects.requireNonNull(user, "user");
            this.authMechanism = Objects.requireNonNull(mechanism, "mechanism");
            return this;
        }

        /**
         * Sets the name the client gave in EHLO or HELO.
         *
         * @param helo the name
         * @return this builder
         * @throws NullPointerException if helo is null
         */
        public Builder helo(String helo) {
            this.helo = Objects.requireNonNull(helo, "helo");
            return this;
        }

        /**
         * Sets the reverse path.
         *
         * @param mailFrom the address without angle brackets, "" for the null reverse path
         * @return this builder
         * @throws NullPointerException if mailFrom is null
         */
        public Builder mailFrom(String mailFrom) {
            this.mailFrom = Objects.requireNonNull(mailFrom, "mailFrom");
            return this;
        }

        /**
         * Adds (or replaces) a MAIL parameter.
         *
         * @param keyword the keyword, stored upper-cased
         * @param value the value, "" for a parameter without one
         * @return this builder
         * @throws NullPointerException if keyword or value is null
         */
        public Builder mailParameter(String keyword, String value) {
            mailParameters.put(Objects.requireNonNull(keyword, "keyword").toUpperCase(java.util.Locale.ROOT),
                    Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds every MAIL parameter of a map, see {@link #mailParameter(String, String)}.
         *
         * @param parameters the parameters
         * @return this builder
         */
        public Builder mailParameters(Map<String, String> parameters) {
            parameters.forEach(this::mailParameter);
            return this;
        }

        /**
         * Adds a recipient without parameters.
         *
         * @param address the forward path without angle brackets
         * @return this builder
         */
        public Builder recipient(String address) {
            return recipient(address, Map.of());
        }

        /**
         * Adds a recipient with its RCPT parameters. The same address (exact spelling) given again keeps its place
         * and takes the new parameters, as the server does for a repeated RCPT.
         *
         * @param address the forward path without angle brackets
         * @param parameters its parameters by upper-cased keyword
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder recipient(String address, Map<String, String> parameters) {
            recipientParameters.put(Objects.requireNonNull(address, "address"),
                    new LinkedHashMap<>(Objects.requireNonNull(parameters, "parameters")));
            return this;
        }

        /**
         * Sets when the end of the message was received (now, by default).
         *
         * @param receivedAt the instant
         * @return this builder
         * @throws NullPointerException if receivedAt is null
         */
        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
            return this;
        }

        /**
         * Builds the envelope.
         *
         * @return the immutable envelope
         */
        public Envelope build() {
            if (receivedAt == null) {
                receivedAt = Instant.now();
            }
            return new Envelope(this);
        }
    }
}
