package dev.letterbox.internal.smtp;

import java.util.function.Supplier;

/**
 * What a command handler decided for a command it accepts, before anything happened: which stage it is at, what a
 * scripted rule matches on, and the change to make. The session applies the script first; only if the script lets
 * the command through does it run {@link #commit()}, which changes the session state and returns the reply that
 * reports it. Refusals do not come here: handlers throw {@link ReplyException} for them.
 *
 * @param kind what the session does after the commit
 * @param subject what a rule's {@code matching} pattern sees (the address, the name), or "" if nothing
 * @param commit changes the session state and returns the reply that reports the change
 */
record Outcome(Kind kind, String subject, Supplier<Reply> commit) {

    /** What follows the commit. */
    enum Kind {
        /** send the reply and read the next command */
        REPLY,
        /** send the reply (354), then read a message */
        DATA,
        /** send the reply, then close the connection */
        CLOSE,
        /** send the reply (220), drop what the client pipelined after STARTTLS, then run the TLS handshake */
        START_TLS,
        /** send the reply (334 and a challenge): the next line is the client's answer, not a command */
        CHALLENGE,
        /** send the reply (250) to a BDAT chunk already read, and read the next command */
        CHUNK,
        /** no reply of its own (the commit returns null): the LAST BDAT chunk was read, the end of the message follows */
        LAST_CHUNK
    }

    static Outcome reply(String subject, Supplier<Reply> commit) {
        return new Outcome(Kind.REPLY, subject, commit);
    }

    static Outcome reply(Reply reply) {
        return new Outcome(Kind.REPLY, "", () -> reply);
    }
}
