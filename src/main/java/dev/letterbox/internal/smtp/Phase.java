package dev.letterbox.internal.smtp;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where a session is in the dialogue, and the one table of which verb each phase allows: a verb not allowed gets the
 * reply the table names (today always a {@code 503 5.5.1}). Handlers never check the sequence themselves.
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

    private static final Map<Verb, Map<Phase, Reply>> REFUSALS = new EnumMap<>(Verb.class);

    static {
        Reply noService = Reply.of(503, "5.5.1", "Error: no service here, send QUIT");
        for (Verb v : Verb.values()) {
            if (v != Verb.QUIT) {
                refuse(v, REFUSED, noService);
            }
        }
        refuse(Verb.MAIL, GREETED, Reply.NEED_HELO);
        refuse(Verb.MAIL, MAIL, Reply.NESTED_MAIL);
        refuse(Verb.MAIL, RCPT, Reply.NESTED_MAIL);
        refuse(Verb.RCPT, GREETED, Reply.NEED_MAIL);
        refuse(Verb.RCPT, READY, Reply.NEED_MAIL);
        refuse(Verb.DATA, GREETED, Reply.NEED_MAIL);
        refuse(Verb.DATA, READY, Reply.NEED_MAIL);
        refuse(Verb.DATA, MAIL, Reply.NEED_RCPT);
    }

    private static void refuse(Verb verb, Phase phase, Reply reply) {
        REFUSALS.computeIfAbsent(verb, v -> new EnumMap<>(Phase.class)).put(phase, reply);
    }

    /**
     * Looks the verb up in the table.
     *
     * @param verb the verb
     * @return the refusal, or null if this phase allows the verb
     */
    Reply refusal(Verb verb) {
        Map<Phase, Reply> byPhase = REFUSALS.get(verb);
        return byPhase == null ? null : byPhase.get(this);
    }
}
