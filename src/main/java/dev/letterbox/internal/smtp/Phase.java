package dev.letterbox.internal.smtp;

import dev.letterbox.TlsMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where a session is in the dialogue, and the one table of which verb each phase allows: a verb not allowed gets the
 * reply the table names (a {@code 503 5.5.1}). After the table come the security gates of the options: without TLS
 * where it is required, or without AUTH where that is required, a transaction gets {@code 530 5.7.0}. Handlers never
 * check the sequence themselves.
 */
enum Phase {
    /** The server refused the connection at the greeting: only QUIT is served (RFC 5321 section 3.1). */
    REFUSED,
    /** Greeted, but the client has not said EHLO or HELO. */
    GREETED,
    /** EHLO or HELO given, no transaction. */
    READY,
    /** MAIL FROM given, no recipient yet. */
    MAIL,
    /** At least one recipient accepted: DATA may follow. */
    RCPT;

    /** The table: filled once here, then only read (never handed out, never changed). */
    private static final Map<Verb, Map<Phase, Reply>> REFUSALS = table();

    private static Map<Verb, Map<Phase, Reply>> table() {
        Map<Verb, Map<Phase, Reply>> table = new EnumMap<>(Verb.class);
        Reply noService = Reply.of(503, "5.5.1", "Error: no service here, send QUIT");
        for (Verb v : Verb.values()) {
            if (v != Verb.QUIT) {
                refuse(table, v, REFUSED, noService);
            }
        }
        refuse(table, Verb.MAIL, GREETED, Reply.NEED_HELO);
        refuse(table, Verb.MAIL, MAIL, Reply.NESTED_MAIL);
        refuse(table, Verb.MAIL, RCPT, Reply.NESTED_MAIL);
        refuse(table, Verb.RCPT, GREETED, Reply.NEED_MAIL);
        refuse(table, Verb.RCPT, READY, Reply.NEED_MAIL);
        refuse(table, Verb.DATA, GREETED, Reply.NEED_MAIL);
        refuse(table, Verb.DATA, READY, Reply.NEED_MAIL);
        refuse(table, Verb.DATA, MAIL, Reply.NEED_RCPT);
        refuse(table, Verb.BDAT, GREETED, Reply.NEED_MAIL);
        refuse(table, Verb.BDAT, READY, Reply.NEED_MAIL);
        refuse(table, Verb.BDAT, MAIL, Reply.NEED_RCPT);
        Reply needEhlo = Reply.of(503, "5.5.1", "Error: send EHLO first");
        refuse(table, Verb.STARTTLS, GREETED, needEhlo);
        refuse(table, Verb.AUTH, GREETED, needEhlo);
        Reply inTransaction = Reply.of(503, "5.5.1", "Error: not permitted during a mail transaction; send RSET first");
        for (Phase p : new Phase[] {MAIL, RCPT}) {
            refuse(table, Verb.STARTTLS, p, inTransaction);
            refuse(table, Verb.AUTH, p, inTransaction);
        }
        return Collections.unmodifiableMap(table);
    }

    static final Reply MUST_STARTTLS = Reply.of(530, "5.7.0", "Must issue a STARTTLS command first");
    static final Reply AUTH_REQUIRED = Reply.of(530, "5.7.0", "Authentication required");

    private static void refuse(Map<Verb, Map<Phase, Reply>> table, Verb verb, Phase phase, Reply reply) {
        table.computeIfAbsent(verb, v -> new EnumMap<>(Phase.class)).put(phase, reply);
    }

    /**
     * Looks the verb up in the table, then at the security gates.
     *
     * @param verb the verb
     * @param s the session, for its options, its TLS and its authentication
     * @return the refusal, or null if this phase allows the verb
     */
    Reply refusal(Verb verb, SessionState s) {
        Map<Phase, Reply> byPhase = REFUSALS.get(verb);
        Reply sequence = byPhase == null ? null : byPhase.get(this);
        if (sequence != null) {
            return sequence;
        }
        boolean transaction = verb == Verb.MAIL || verb == Verb.RCPT || verb == Verb.DATA
                || verb == Verb.BDAT;
        if ((transaction || verb == Verb.AUTH) && s.tls() == null
                && s.options().tls() == TlsMode.REQUIRED) {
            return MUST_STARTTLS;
        }
        if (transaction && s.authenticatedUser() == null && s.options().authRequired()) {
            return AUTH_REQUIRED;
        }
        return null;
    }
}
