package dev.letterbox.internal.smtp;

import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpExtension;
import dev.letterbox.TlsMode;
import java.util.Set;

/**
 * The state of one session: the phase of the dialogue, the client's name, and the transaction being built. Handlers
 * read it; only the commits of their outcomes (run by the session after the script) change it. Session thread only.
 */
final class SessionState {
    private final ServerOptions options;
    private Phase phase = Phase.GREETED;
    private String helo;
    private boolean extended;
    private Transaction transaction;
    private TlsFacts tls;
    private String authenticatedUser;
    private String authMechanism;
    private AuthCommand.Exchange sasl;

    /** The TLS of the connection: what the envelope records. */
    record TlsFacts(String protocol, String cipherSuite) {
    }

    SessionState(ServerOptions options) {
        this.options = options;
    }

    ServerOptions options() {
        return options;
    }

    Phase phase() {
        return phase;
    }

    /** @return the name given in EHLO or HELO, or null before */
    String helo() {
        return helo;
    }

    /** @return true after EHLO (the session may use service extensions), false after HELO */
    boolean extended() {
        return extended;
    }

    /** @return the transaction begun with MAIL, or null outside one */
    Transaction transaction() {
        return transaction;
    }

    /** @return the TLS in force on the connection, or null in plaintext */
    TlsFacts tls() {
        return tls;
    }

    /** @return the user authenticated with AUTH, or null */
    String authenticatedUser() {
        return authenticatedUser;
    }

    /** @return the mechanism of the successful AUTH, or null */
    String authMechanism() {
        return authMechanism;
    }

    /** @return the AUTH exchange waiting for the client's answer to a 334 challenge, or null */
    AuthCommand.Exchange sasl() {
        return sasl;
    }

    /** @return true if this session offers AUTH now: users are configured, and TLS is in force if it is required */
    boolean authOffered() {
        return !options.users().isEmpty() && (tls != null || options.tls() != TlsMode.REQUIRED);
    }

    /**
     * Tells whether the options leave an extension on (BINARYMIME needs CHUNKING too); whether this session may use
     * it depends on EHLO as well, see {@link #offers(SmtpExtension)}.
     *
     * @param extension the extension
     * @return true if the server advertises it in its EHLO reply
     */
    boolean enabled(SmtpExtension extension) {
        Set<SmtpExtension> off = options.withoutExtensions();
        return !off.contains(extension)
                && (extension != SmtpExtension.BINARYMIME || !off.contains(SmtpExtension.CHUNKING));
    }

    /**
     * @param extension the extension
     * @return true if this session may use the extension: it is on, and the client said EHLO
     */
    boolean offers(SmtpExtension extension) {
        return extended && enabled(extension);
    }

    /** @return true if AUTH PLAIN and LOGIN (passwords in the clear) may be used now */
    boolean plainAuthAllowed() {
        return tls != null || options.plainAuthWithoutTls();
    }

    // ---- the changes, for commits

    void greet(String name, boolean ehlo) {
        helo = name;
        extended = ehlo;
        transaction = null;
        phase = Phase.READY;
    }

    void begin(Transaction t) {
        transaction = t;
        phase = Phase.MAIL;
    }

    void addRecipient(String address, java.util.Map<String, String> parameters) {
        transaction.addRecipient(address, parameters);
        phase = Phase.RCPT;
    }

    /** Ends the transaction (RSET, or DATA taking it over). */
    void endTransaction() {
        transaction = null;
        if (phase == Phase.MAIL || phase == Phase.RCPT) {
            phase = Phase.READY;
        }
    }

    /**
     * TLS is now in force: the session forgets everything the client said before (RFC 3207 section 4.2) and waits
     * for a new EHLO.
     */
    void startTls(TlsFacts facts) {
        tls = facts;
        helo = null;
        extended = false;
        transaction = null;
        authenticatedUser = null;
        authMechanism = null;
        sasl = null;
        if (phase != Phase.REFUSED) {
            phase = Phase.GREETED;
        }
    }

    /** The server sent a 334 challenge; the next line answers it. */
    void challenge(AuthCommand.Exchange exchange) {
        sasl = exchange;
    }

    /** The AUTH exchange is over without success (a wrong answer, a cancel, a line that is no answer). */
    void endSasl() {
        sasl = null;
    }

    void authenticate(String user, String mechanism) {
        sasl = null;
        authenticatedUser = user;
        authMechanism = mechanism;
    }

    /** The server refused the connection at the greeting. */
    void refuseService() {
        phase = Phase.REFUSED;
    }
}
