package dev.letterbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * The immutable configuration of one {@link SmtpServer}: where it listens, what it accepts, how long it waits, and
 * which faults it plays.
 *
 * <p>Defaults are safe for tests: loopback address, a random free port, strict CRLF line endings, no size limit,
 * 100 recipients per transaction, no scripted faults. Build one with {@link #builder()} or derive one with
 * {@link #toBuilder()}. The same option setters ({@link AbstractBuilder}) configure {@link LetterboxExtension#builder()},
 * and {@link CaptureMail} has an attribute for each option that makes sense in an annotation, so all three produce
 * the same options.
 */
public final class ServerOptions {

    /** The smallest command line RFC 5321 (section 4.5.3.1.4) allows a server to accept, CRLF included. */
    public static final int MIN_COMMAND_LINE_LENGTH = 512;
    /** The smallest number of recipients per transaction RFC 5321 (section 4.5.3.1.8) allows a server to accept. */
    public static final int MIN_RECIPIENTS = 100;
    /** How many sessions a server serves at once by default. */
    public static final int DEFAULT_MAX_CONNECTIONS = 500;
    /** The address a server binds by default: IPv4 loopback. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The name a server gives itself by default in its greeting and EHLO reply. */
    public static final String DEFAULT_SERVER_NAME = "letterbox.localhost";
    /** The size in octets above which a message being received goes to a temporary file, by default (1 MiB). */
    public static final int DEFAULT_SPILL_THRESHOLD = 1024 * 1024;

    /** Made without a builder: {@code SmtpServer.start()} then loads no builder class (first start is class-bound). */
    private static final ServerOptions DEFAULTS = new ServerOptions(new Values());

    private final Values values;

    private ServerOptions(Values values) {
        this.values = values;
    }

    /**
     * Returns the default options.
     *
     * @return options with every default
     */
    public static ServerOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these options, to derive a changed copy.
     *
     * @return a new builder initialised from this object
     */
    public Builder toBuilder() {
        return new Builder(values.copy());
    }

    /** @return the address the server binds, {@code 127.0.0.1} by default */
    public String host() {
        return values.host;
    }

    /** @return the port the server binds, {@code 0} (a random free port) by default */
    public int port() {
        return values.port;
    }

    /** @return the domain the server names itself with in its greeting and EHLO reply */
    public String serverName() {
        return values.serverName;
    }

    /** @return the largest message accepted in octets, {@code 0} for no limit (the default) */
    public long maxMessageSize() {
        return values.maxMessageSize;
    }

    /** @return the longest command line accepted in octets, CRLF included; 512 by default */
    public int maxCommandLineLength() {
        return values.maxCommandLineLength;
    }

    /** @return how many recipients one transaction may have before RCPT answers {@code 452 4.5.3}; 100 by default */
    public int maxRecipients() {
        return values.maxRecipients;
    }

    /** @return how long a session may stay silent before it gets {@code 421 4.4.2} and is closed */
    public Duration idleTimeout() {
        return values.idleTimeout;
    }

    /**
     * Returns how long a client may take to send one command line, from its first octet to its end, however slowly
     * it trickles; past it the session gets {@code 421 4.4.2} and is closed.
     *
     * @return the deadline, 5 minutes by default
     */
    public Duration commandTimeout() {
        return values.commandTimeout;
    }

    /**
     * Returns how long a client may take to send a message's content, from the 354 reply to the final dot; past it
     * the session gets {@code 421 4.4.2}, is closed, and nothing is stored.
     *
     * @return the deadline, 10 minutes by default
     */
    public Duration dataTimeout() {
        return values.dataTimeout;
    }

    /**
     * Returns how long a reply may stay unread: a client that stops reading its replies (so the server's write
     * blocks) is disconnected after it.
     *
     * @return the timeout, 1 minute by default
     */
    public Duration writeTimeout() {
        return values.writeTimeout;
    }

    /**
     * Returns how many sessions the server serves at once; a connection beyond them gets {@code 421 4.3.2} and is
     * closed, as Postfix does.
     *
     * @return the limit, 500 by default
     */
    public int maxConnections() {
        return values.maxConnections;
    }

    /** @return how long {@link Mailbox#awaitMessage()} and {@link Mailbox#awaitMessages(int)} wait by default */
    public Duration awaitTimeout() {
        return values.awaitTimeout;
    }

    /**
     * Tells whether messages whose lines end in a bare LF or bare CR are accepted and stored unchanged; by default
     * (false) they are refused with a 550 reply after their end, as Postfix and large providers do.
     *
     * @return true if bare line endings are accepted
     */
    public boolean lenientLineEndings() {
        return values.lenientLineEndings;
    }

    /**
     * Tells whether a message with a violation that large providers reject ({@link Violation.Severity#REJECT}, see
     * {@link ReceivedMessage#violations()}) is refused at the end of DATA with a 550 reply naming it, as production
     * would refuse it; by default (false) it is stored and the test can check {@code violations()}.
     *
     * @return true if such messages are refused
     */
    public boolean strict() {
        return values.strict;
    }

    /** @return the size in octets above which a message being received is kept in a temporary file, not the heap */
    public int spillThreshold() {
        return values.spillThreshold;
    }

    /** @return whether and how the server speaks TLS, {@link TlsMode#OFF} by default */
    public TlsMode tls() {
        return values.tls;
    }

    /**
     * Returns the context the server takes its certificate and TLS settings from.
     *
     * @return the context given to {@link AbstractBuilder#sslContext(SSLContext)}, or null for the built-in
     *     certificate ({@link TlsCertificate#localhost()})
     */
    public SSLContext sslContext() {
        return values.sslContext;
    }

    /**
     * Returns the users AUTH accepts; with none (the default) the server does not offer AUTH.
     *
     * @return the password of every user by name, in the order given
     */
    public Map<String, String> users() {
        return values.users.passwords();
    }

    /** @return whether MAIL needs a successful AUTH first ({@code 530 5.7.0} otherwise); false by default */
    public boolean authRequired() {
        return values.authRequired;
    }

    /**
     * Tells whether AUTH PLAIN and LOGIN, which send the password in the clear, are offered before TLS is in force.
     * True by default: the server listens on loopback, where nothing is on the wire to protect.
     *
     * @return true if PLAIN and LOGIN are offered without TLS
     */
    public boolean plainAuthWithoutTls() {
        return values.plainAuthWithoutTls;
    }

    /**
     * Returns the service extensions turned off: not advertised in the EHLO reply, and their commands and parameters
     * refused as if unknown (see {@link SmtpExtension}).
     *
     * @return the extensions turned off, empty by default (every extension is offered)
     */
    public Set<SmtpExtension> withoutExtensions() {
        return values.withoutExtensions;
    }

    /**
     * Returns the scripted faults every session of the server plays, tried after the rules added to the mailbox (see
     * {@link SmtpRule}).
     *
     * @return the rules in the order they were added, empty by default
     */
    public List<SmtpRule> rules() {
        return values.rules;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerOptions other && values.asMap().equals(other.values.asMap());
    }

    @Override
    public int hashCode() {
        return values.asMap().hashCode();
    }

    /** @return every option by name, such as {@code ServerOptions{host=127.0.0.1, port=0, ...}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ServerOptions{");
        values.asMap().forEach((name, value) -> sb.append(sb.length() > 14 ? ", " : "").append(name).append('=')
                .append(value));
        return sb.append('}').toString();
    }

    /**
     * The option setters, shared by {@link Builder} and {@link LetterboxExtension.Builder} so that both take every
     * option the same way. Every setter checks its argument and throws at once when it is out of range.
     *
     * @param <B> the concrete builder, returned by every setter
     */
    public abstract static class AbstractBuilder<B extends AbstractBuilder<B>> {
        private final Values values;
        private boolean awaitTimeoutSet;

        AbstractBuilder() {
            this(new Values());
        }

        AbstractBuilder(Values values) {
            this.values = values;
        }

        /**
         * Sets the address to bind.
         *
         * @param host an IP address or host name; loopback ({@code 127.0.0.1}) unless you need otherwise
         * @return this builder
         * @throws IllegalArgumentException if host is blank
         */
        public B host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank; use \"127.0.0.1\" for loopback");
            }
            values.host = host;
            return self();
        }

        /**
         * Sets the port to bind.
         *
         * @param port 0 for a random free port (recommended: fixed ports collide in parallel tests), or 1 to 65535
         * @return this builder
         * @throws IllegalArgumentException if port is outside 0..65535
         */
        public B port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (random free port) or 1..65535, was " + port);
            }
            values.port = port;
            return self();
        }

        /**
         * Sets the domain the server names itself with.
         *
         * @param serverName a domain such as {@code mail.test}
         * @return this builder
         * @throws IllegalArgumentException if serverName is blank or contains white space
         */
        public B serverName(String serverName) {
            Objects.requireNonNull(serverName, "serverName");
            if (serverName.isBlank() || serverName.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("serverName must be a domain without white space, was \""
                        + serverName + "\"");
            }
            values.serverName = serverName;
            return self();
        }

        /**
         * Sets the largest message accepted; it is announced as {@code SIZE} in the EHLO reply.
         *
         * @param octets the limit in octets, or 0 for no limit
         * @return this builder
         * @throws IllegalArgumentException if octets is negative
         */
        public B maxMessageSize(long octets) {
            if (octets < 0) {
                throw new IllegalArgumentException("maxMessageSize must be 0 (no limit) or positive, was " + octets);
            }
            values.maxMessageSize = octets;
            return self();
        }

        /**
         * Sets the longest command line accepted, CRLF included; longer ones get {@code 500 5.5.2}.
         *
         * @param octets at least 512, as RFC 5321 section 4.5.3.1.4 requires
         * @return this builder
         * @throws IllegalArgumentException if octets is below 512
         */
        public B maxCommandLineLength(int octets) {
            if (octets < MIN_COMMAND_LINE_LENGTH) {
                throw new IllegalArgumentException("maxCommandLineLength must be at least " + MIN_COMMAND_LINE_LENGTH
                        + " (RFC 5321 section 4.5.3.1.4), was " + octets);
            }
            values.maxCommandLineLength = octets;
            return self();
        }

        /**
         * Sets how many recipients one transaction may have; the next RCPT gets {@code 452 4.5.3}.
         *
         * @param count at least 100, as RFC 5321 section 4.5.3.1.8 requires
         * @return this builder
         * @throws IllegalArgumentException if count is below 100
         */
        public B maxRecipients(int count) {
            if (count < MIN_RECIPIENTS) {
                throw new IllegalArgumentException("maxRecipients must be at least " + MIN_RECIPIENTS
                        + " (RFC 5321 section 4.5.3.1.8), was " + count);
            }
            values.maxRecipients = count;
            return self();
        }

        /**
         * Sets how long a session may be silent before it is closed with {@code 421 4.4.2}.
         *
         * @param timeout a positive duration of at least one millisecond
         * @return this builder
         * @throws IllegalArgumentException if timeout is shorter than one millisecond
         */
        public B idleTimeout(Duration timeout) {
            values.idleTimeout = positive(timeout, "idleTimeout");
            return self();
        }

        /**
         * Sets how long a client may take to send one command line, from its first octet to its end: a client that
         * trickles a command octet by octet, each within the idle timeout, is still cut off ({@code 421 4.4.2}).
         *
         * @param timeout a positive duration of at least one millisecond
         * @return this builder
         * @throws IllegalArgumentException if timeout is shorter than one millisecond
         */
        public B commandTimeout(Duration timeout) {
            values.commandTimeout = positive(timeout, "commandTimeout");
            return self();
        }

        /**
         * Sets how long a client may take to send a message's content, from the 354 reply to the final dot; past it
         * the session is closed with {@code 421 4.4.2} and nothing is stored.
         *
         * @param timeout a positive duration of at least one millisecond
         * @return this builder
         * @throws IllegalArgumentException if timeout is shorter than one millisecond
         */
        public B dataTimeout(Duration timeout) {
            values.dataTimeout = positive(timeout, "dataTimeout");
            return self();
        }

        /**
         * Sets how long a reply may stay unread: a client that stops reading its replies, so that the server's write
         * blocks, is disconnected after this time.
         *
         * @param timeout a positive duration of at least one millisecond
         * @return this builder
         * @throws IllegalArgumentException if timeout is shorter than one millisecond
         */
        public B writeTimeout(Duration timeout) {
            values.writeTimeout = positive(timeout, "writeTimeout");
            return self();
        }

        /**
         * Sets how many sessions the server serves at once; a connection beyond them gets {@code 421 4.3.2 Too many
         * connections} and is closed, so a flood cannot exhaust the test JVM's threads or memory.
         *
         * @param count at least 1
         * @return this builder
         * @throws IllegalArgumentException if count is below 1
         */
        public B maxConnections(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, was " + count);
            }
            values.maxConnections = count;
            return self();
        }

        /**
         * Sets how long the mailbox's await methods wait when no timeout is given. Set here, it wins over the JUnit
         * configuration parameter {@code letterbox.await.timeout}.
         *
         * @param timeout a positive duration of at least one millisecond
         * @return this builder
         * @throws IllegalArgumentException if timeout is shorter than one millisecond
         */
        public B awaitTimeout(Duration timeout) {
            values.awaitTimeout = positive(timeout, "awaitTimeout");
            awaitTimeoutSet = true;
            return self();
        }

        /**
         * Chooses whether messages with bare LF or bare CR line endings are accepted (and stored unchanged) instead of
         * refused.
         *
         * @param lenient true to accept them
         * @return this builder
         */
        public B lenientLineEndings(boolean lenient) {
            values.lenientLineEndings = lenient;
            return self();
        }

        /**
         * Chooses whether a message with a reject-level violation (missing Message-ID or From, a line over 998 octets,
         * a duplicated Subject ...; see {@link ViolationCode}) is refused at the end of DATA with
         * {@code 550 5.6.0} naming the violation, so the sending code fails as it would in production. The checks run
         * on the octets as received, without parsing them with jakarta.mail. Bare line endings that
         * {@link #lenientLineEndings(boolean)} lets through are not refused again.
         *
         * @param strict true to refuse such messages
         * @return this builder
         */
        public B strict(boolean strict) {
            values.strict = strict;
            return self();
        }

        /**
         * Sets the size above which a message being received goes to a temporary file instead of the heap.
         *
         * @param octets at least 1024
         * @return this builder
         * @throws IllegalArgumentException if octets is below 1024
         */
        public B spillThreshold(int octets) {
            if (octets < 1024) {
                throw new IllegalArgumentException("spillThreshold must be at least 1024 octets, was " + octets);
            }
            values.spillThreshold = octets;
            return self();
        }

        /**
         * Chooses whether and how the server speaks TLS; {@link TlsMode#OFFERED} and {@link TlsMode#REQUIRED}
         * advertise STARTTLS, {@link TlsMode#IMPLICIT} speaks TLS from the first byte.
         *
         * @param mode the mode, {@link TlsMode#OFF} by default
         * @return this builder
         * @throws NullPointerException if mode is null
         */
        public B tls(TlsMode mode) {
            values.tls = Objects.requireNonNull(mode, "mode");
            return self();
        }

        /**
         * Gives the server its own certificate and TLS settings instead of the built-in certificate. The mailbox's
         * {@code session()} and {@code smtpProperties()} cannot trust a certificate they do not know: configure your
         * client's trust yourself.
         *
         * @param context an initialised server-side context with a key manager, or null for the built-in certificate
         * @return this builder
         */
        public B sslContext(SSLContext context) {
            values.sslContext = context;
            return self();
        }

        /**
         * Sets the users AUTH accepts (PLAIN, LOGIN and CRAM-MD5), replacing any set before.
         *
         * @param users each as {@code name:password}, such as {@code "alice:secret"}; the password may contain ':'
         * @return this builder
         * @throws IllegalArgumentException if an entry has no ':', an empty name, or a name given twice
         */
        public B users(String... users) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String u : users) {
                Objects.requireNonNull(u, "user");
                int colon = u.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("users must be given as \"name:password\", such as"
                            + " \"alice:secret\"; got an entry " + (colon == 0 ? "without a name" : "without ':'"));
                }
                if (m.put(u.substring(0, colon), u.substring(colon + 1)) != null) {
                    throw new IllegalArgumentException("user \"" + u.substring(0, colon) + "\" is given twice");
                }
            }
            values.users = new Users(Collections.unmodifiableMap(m));
            return self();
        }

        /**
         * Adds one user AUTH accepts.
         *
         * @param name the user name, such as {@code alice}
         * @param password the password
         * @return this builder
         * @throws IllegalArgumentException if name is empty or contains ':', or is already a user
         */
        public B user(String name, String password) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            if (name.isEmpty() || name.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a user name must not be empty or contain ':', was \"" + name
                        + "\"");
            }
            if (values.users.passwords().containsKey(name)) {
                throw new IllegalArgumentException("user \"" + name + "\" is given twice");
            }
            Map<String, String> m = new LinkedHashMap<>(values.users.passwords());
            m.put(name, password);
            values.users = new Users(Collections.unmodifiableMap(m));
            return self();
        }

        /**
         * Chooses whether MAIL needs a successful AUTH first; without it MAIL gets {@code 530 5.7.0}.
         *
         * @param required true to require authentication (needs at least one user)
         * @return this builder
         */
        public B authRequired(boolean required) {
            values.authRequired = required;
            return self();
        }

        /**
         * Chooses whether AUTH PLAIN and LOGIN are offered before TLS is in force; when not, they are left out of the
         * EHLO reply and answer {@code 538 5.7.11} until STARTTLS, while CRAM-MD5 stays offered.
         *
         * @param allowed true (the default) to offer them in plaintext too
         * @return this builder
         */
        public B plainAuthWithoutTls(boolean allowed) {
            values.plainAuthWithoutTls = allowed;
            return self();
        }

        /**
         * Turns service extensions off, replacing any turned off before, so a test can check how its client falls
         * back: each is left out of the EHLO reply and its command and parameters are refused as if unknown, such as
         * {@code withoutExtensions(SmtpExtension.EIGHT_BIT_MIME)} to see the client encode 8-bit text as
         * quoted-printable. STARTTLS and AUTH are offered only when {@link #tls(TlsMode)} and
         * {@link #users(String...)} configure them.
         *
         * @param extensions the extensions to turn off; none (the default) offers them all
         * @return this builder
         * @throws NullPointerException if an extension is null
         */
        public B withoutExtensions(SmtpExtension... extensions) {
            EnumSet<SmtpExtension> off = EnumSet.noneOf(SmtpExtension.class);
            for (SmtpExtension e : extensions) {
                off.add(Objects.requireNonNull(e, "extension"));
            }
            values.withoutExtensions = Collections.unmodifiableSet(off);
            return self();
        }

        /**
         * Adds a scripted fault that every session of the server plays (after the rules added to the mailbox), such
         * as {@code rule(SmtpRule.on(SmtpStage.RCPT).matching("bounce@.*").reply(550, "5.1.1 No such user"))}.
         *
         * @param rule the rule, made with {@link SmtpRule#on(SmtpStage)}
         * @return this builder
         * @throws NullPointerException if rule is null
         */
        public B rule(SmtpRule rule) {
            List<SmtpRule> rules = new ArrayList<>(values.rules);
            rules.add(Objects.requireNonNull(rule, "rule"));
            values.rules = List.copyOf(rules);
            return self();
        }

        /** @return the options as set so far, a snapshot */
        ServerOptions options() {
            if (values.authRequired && values.users.passwords().isEmpty()) {
                throw new IllegalArgumentException("authRequired needs at least one user: add users(\"name:password\")");
            }
            if (values.sslContext != null && values.tls == TlsMode.OFF) {
                throw new IllegalArgumentException("an sslContext is set but tls is OFF: choose tls(TlsMode.OFFERED),"
                        + " REQUIRED or IMPLICIT");
            }
            return new ServerOptions(values.copy());
        }

        /** @return whether {@link #awaitTimeout(Duration)} was called, so it wins over the configuration parameter */
        boolean awaitTimeoutSet() {
            return awaitTimeoutSet;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.toMillis() < 1) {
                throw new IllegalArgumentException(name + " must be at least 1 ms, was " + d);
            }
            return d;
        }
    }

    /** Builds {@link ServerOptions}; the setters are those of {@link AbstractBuilder}. */
    public static final class Builder extends AbstractBuilder<Builder> {
        private Builder() {
        }

        private Builder(Values values) {
            super(values);
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public ServerOptions build() {
            return options();
        }
    }

    /** Every option with its default: the one place an option is declared. */
    static final class Values implements Cloneable {
        String host = DEFAULT_HOST;
        int port = 0;
        String serverName = DEFAULT_SERVER_NAME;
        long maxMessageSize = 0;
        int maxCommandLineLength = MIN_COMMAND_LINE_LENGTH;
        int maxRecipients = MIN_RECIPIENTS;
        int maxConnections = DEFAULT_MAX_CONNECTIONS;
        Duration idleTimeout = Duration.ofMinutes(5);
        Duration commandTimeout = Duration.ofMinutes(5);
        Duration dataTimeout = Duration.ofMinutes(10);
        Duration writeTimeout = Duration.ofMinutes(1);
        Duration awaitTimeout = Duration.ofSeconds(10);
        boolean lenientLineEndings = false;
        boolean strict = false;
        int spillThreshold = DEFAULT_SPILL_THRESHOLD;
        List<SmtpRule> rules = List.of();
        TlsMode tls = TlsMode.OFF;
        SSLContext sslContext;
        Users users = new Users(Map.of());
        boolean authRequired = false;
        boolean plainAuthWithoutTls = true;
        Set<SmtpExtension> withoutExtensions = Set.of();

        Values copy() {
            try {
                return (Values) clone(); // every field is immutable, so a shallow copy is a full one
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        /** Every option by name, in declaration order: equality, hash and description all read this one list. */
        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", host);
            m.put("port", port);
            m.put("serverName", serverName);
            m.put("maxMessageSize", maxMessageSize == 0 ? "unlimited" : maxMessageSize);
            m.put("maxCommandLineLength", maxCommandLineLength);
            m.put("maxRecipients", maxRecipients);
            m.put("maxConnections", maxConnections);
            m.put("idleTimeout", idleTimeout);
            m.put("commandTimeout", commandTimeout);
            m.put("dataTimeout", dataTimeout);
            m.put("writeTimeout", writeTimeout);
            m.put("awaitTimeout", awaitTimeout);
            m.put("lenientLineEndings", lenientLineEndings);
            m.put("strict", strict);
            m.put("spillThreshold", spillThreshold);
            m.put("rules", rules);
            m.put("tls", tls);
            m.put("sslContext", sslContext == null ? "built-in" : sslContext);
            m.put("users", users);
            m.put("authRequired", authRequired);
            m.put("plainAuthWithoutTls", plainAuthWithoutTls);
            m.put("withoutExtensions", withoutExtensions);
            return m;
        }
    }

    /** The users by name; compared by their passwords, printed without them. */
    record Users(Map<String, String> passwords) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("[");
            passwords.keySet().forEach(n -> sb.append(sb.length() > 1 ? ", " : "").append(n).append(":***"));
            return sb.append(']').toString();
        }
    }
}
