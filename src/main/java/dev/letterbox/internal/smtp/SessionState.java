package dev.letterbox.internal.smtp;

import dev.letterbox.ServerOptions;

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

    /** The server refused the connection at the greeting. */
    void refuseService() {
        phase = Phase.REFUSED;
    }
}
