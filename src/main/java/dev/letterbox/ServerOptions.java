package dev.letterbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The immutable configuration of one {@link SmtpServer}: where it listens, what it accepts and how long it waits.
 *
 * <p>Defaults are safe for tests: loopback address, a random free port, strict CRLF line endings, no size limit,
 * 100 recipients per transaction. Build one with {@link #builder()} or derive one with {@link #toBuilder()}.
 */
public final class ServerOptions {

    /** The smallest command line RFC 5321 (section 4.5.3.1.4) allows a server to accept, CRLF included. */
    public static final int MIN_COMMAND_LINE_LENGTH = 512;
    /** The smallest number of recipients per transaction RFC 5321 (section 4.5.3.1.8) allows a server to accept. */
    public static final int MIN_RECIPIENTS = 100;

    private static final ServerOptions DEFAULTS = new Builder().build();

    private final String host;
    private final int port;
    private final String serverName;
    private final long maxMessageSize;
    private final int maxCommandLineLength;
    private final int maxRecipients;
    private final Duration idleTimeout;
    private final Duration awaitTimeout;
    private final boolean lenientLineEndings;
    private final int spillThreshold;

    private ServerOptions(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.serverName = b.serverName;
        this.maxMessageSize = b.maxMessageSize;
        this.maxCommandLineLength = b.maxCommandLineLength;
        this.maxRecipients = b.maxRecipients;
        this.idleTimeout = b.idleTimeout;
        this.awaitTimeout = b.awaitTimeout;
        this.lenientLineEndings = b.lenientLineEndings;
        this.spillThreshold = b.spillThreshold;
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
        return new Builder(this);
    }

    /** @return the address the server binds, {@code 127.0.0.1} by default */
    public String host() {
        return host;
    }

    /** @return the port the server binds, {@code 0} (a random free port) by default */
    public int port() {
        return port;
    }

    /** @return the domain the server names itself with in its greeting and EHLO reply */
    public String serverName() {
        return serverName;
    }

    /** @return the largest message accepted in octets, {@code 0} for no limit (the default) */
    public long maxMessageSize() {
        return maxMessageSize;
    }

    /** @return the longest command line accepted in octets, CRLF included; 512 by default */
    public int maxCommandLineLength() {
        return maxCommandLineLength;
    }

    /** @return how many recipients one transaction may have before RCPT answers {@code 452 4.5.3}; 100 by default */
    public int maxRecipients() {
        return maxRecipients;
    }

    /** @return how long a session may stay silent before it gets {@code 421 4.4.2} and is closed */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return how long {@link Mailbox#awaitMessage()} and {@link Mailbox#awaitMessages(int)} wait by default */
    public Duration awaitTimeout() {
        return awaitTimeout;
    }

    /**
     * Tells whether messages whose lines end in a bare LF or bare CR are accepted and stored unchanged; by default
     * (false) they are refused with a 550 reply after their end, as Postfix and large providers do.
     *
     * @return true if bare line endings are accepted
     */
    public boolean lenientLineEndings() {
        return lenientLineEndings;
    }

    /** @return the size in octets above which a message being received is kept in a temporary file, not the heap */
    public int spillThreshold() {
        return spillThreshold;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ServerOptions)) {
            return false;
        }
        ServerOptions other = (ServerOptions) o;
        return port == other.port && maxMessageSize == other.maxMessageSize
                && maxCommandLineLength == other.maxCommandLineLength && maxRecipients == other.maxRecipients
                && lenientLineEndings == other.lenientLineEndings && spillThreshold == other.spillThreshold
                && host.equals(other.host) && serverName.equals(other.serverName)
                && idleTimeout.equals(other.idleTimeout) && awaitTimeout.equals(other.awaitTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, serverName, maxMessageSize, maxCommandLineLength, maxRecipients, idleTimeout,
                awaitTimeout, lenientLineEndings, spillThreshold);
    }

    @Override
    public String toString() {
        return "ServerOptions{host=" + host + ", port=" + port + ", serverName=" + serverName
                + ", maxMessageSize=" + (maxMessageSize == 0 ? "unlimited" : maxMessageSize)
                + ", maxCommandLineLength=" + maxCommandLineLength + ", maxRecipients=" + maxRecipients
                + ", idleTimeout=" + idleTimeout + ", awaitTimeout=" + awaitTimeout
                + ", lenientLineEndings=" + lenientLineEndings + ", spillThreshold=" + spillThreshold + "}";
    }

    /** Builds {@link ServerOptions}; every setter checks its argument and throws at once when it is out of range. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private String serverName = "letterbox.localhost";
        private long maxMessageSize = 0;
        private int maxCommandLineLength = MIN_COMMAND_LINE_LENGTH;
        private int maxRecipients = MIN_RECIPIENTS;
        private Duration idleTimeout = Duration.ofMinutes(5);
        private Duration awaitTimeout = Duration.ofSeconds(10);
        private boolean lenientLineEndings = false;
        private int spillThreshold = 1024 * 1024;

        private Builder() {
        }

        private Builder(ServerOptions o) {
            host = o.host;
            port = o.port;
            serverName = o.serverName;
            maxMessageSize = o.maxMessageSize;
            maxCommandLineLength = o.maxCommandLineLength;
            maxRecipients = o.maxRecipients;
            idleTimeout = o.idleTimeout;
            awaitTimeout = o.awaitTimeout;
            lenientLineEndings = o.lenientLineEndings;
            spillThreshold = o.spillThreshold;
        }

        /**
         * Sets the address to bind.
         *
         * @param host an IP address or host name; loopback ({@code 127.0.0.1}) unless you need otherwise
         * @return this builder
         * @throws IllegalArgumentException if host is blank
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank; use \"127.0.0.1\" for loopback");
            }
            this.host = host;
            return this;
        }

        /**
         * Sets the port to bind.
         *
         * @param port 0 for a random free port (recommended: fixed ports collide in parallel tests), or 1 to 65535
         * @return this builder
         * @throws IllegalArgumentException if port is outside 0..65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (random free port) or 1..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the domain the server names itself with.
         *
         * @param serverName a domain such as {@code mail.test}
         * @return this builder
         * @throws IllegalArgumentException if serverName is blank or contains white space
         */
        public Builder serverName(String serverName) {
            Objects.requireNonNull(serverName, "serverName");
            if (serverName.isBlank() || serverName.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("serverName must be a domain without white space, was \""
                        + serverName + "\"");
            }
            this.serverName = serverName;
            return this;
        }

        /**
         * Sets the largest message accepted; it is announced as {@code SIZE} in the EHLO reply.
         *
         * @param octets the limit in octets, or 0 for no limit
         * @return this builder
         * @throws IllegalArgumentException if octets is negative
         */
        public Builder maxMessageSize(long octets) {
            if (octets < 0) {
                throw new IllegalArgumentException("maxMessageSize must be 0 (no limit) or positive, was " + octets);
            }
            this.maxMessageSize = octets;
            return this;
        }

        /**
         * Sets the longest command line accepted, CRLF included; longer ones get {@code 500 5.5.2}.
         *
         * @param octets at least 512, as RFC 5321 section 4.5.3.1.4 requires
         * @return this builder
         * @throws IllegalArgumentException if octets is below 512
         */
        public Builder maxCommandLineLength(int octets) {
            if (octets < MIN_COMMAND_LINE_LENGTH) {
                throw new IllegalArgumentException("maxCommandLineLength must be at least " + MIN_COMMAND_LINE_LENGTH
                        + " (RFC 5321 section 4.5.3.1.4), was " + octets);
            }
            this.maxCommandLineLength = octets;
            return this;
        }

        /**
         * Sets how many recipients one transaction may have; the next RCPT gets {@code 452 4.5.3}.
         *
         * @param count at least 100, as RFC 5321 section 4.5.3.1.8 requires
         * @return this builder
         * @throws IllegalArgumentException if count is below 100
         */
        public Builder maxRecipients(int count) {
            if (count < MIN_RECIPIENTS) {
                throw new IllegalArgumentException("maxRecipients must be at least " + MIN_RECIPIENTS
                        + " (RFC 5321 section 4.5.3.1.8), was " + count);
            }
            this.maxRecipients = count;
            return this;
        }

        /**
         * Sets how long a session may be silent before it is closed with {@code 421 4.4.2}.
         *
         * @param timeout a positive duration of at least one millisecond
         * @return this builder
         * @throws IllegalArgumentException if timeout is shorter than one millisecond
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /**
         * Sets how long the mailbox's await methods wait when no timeout is given.
         *
         * @param timeout a positive duration of at least one millisecond
         * @return this builder
         * @throws IllegalArgumentException if timeout is shorter than one millisecond
         */
        public Builder awaitTimeout(Duration timeout) {
            this.awaitTimeout = positive(timeout, "awaitTimeout");
            return this;
        }

        /**
         * Chooses whether messages with bare LF or bare CR line endings are accepted (and stored unchanged) instead of
         * refused.
         *
         * @param lenient true to accept them
         * @return this builder
         */
        public Builder lenientLineEndings(boolean lenient) {
            this.lenientLineEndings = lenient;
            return this;
        }

        /**
         * Sets the size above which a message being received goes to a temporary file instead of the heap.
         *
         * @param octets at least 1024
         * @return this builder
         * @throws IllegalArgumentException if octets is below 1024
         */
        public Builder spillThreshold(int octets) {
            if (octets < 1024) {
                throw new IllegalArgumentException("spillThreshold must be at least 1024 octets, was " + octets);
            }
            this.spillThreshold = octets;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public ServerOptions build() {
            return new ServerOptions(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.toMillis() < 1) {
                throw new IllegalArgumentException(name + " must be at least 1 ms, was " + d);
            }
            return d;
        }
    }
}
