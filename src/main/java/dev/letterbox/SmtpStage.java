package dev.letterbox;

import java.util.Set;

/**
 * A point of the SMTP dialogue where a scripted {@link SmtpRule} can change what the server does: refuse, drop the
 * line, wait or stop answering. A rule fires only where the server would otherwise accept: a command the client got
 * wrong (bad syntax, out of sequence) still gets its own error, so a script never hides a client bug.
 *
 * <pre>{@code
 * mailbox.on(SmtpStage.RCPT).matching("bounce@.*").reply(550, "5.1.1 No such user");
 * mailbox.on(SmtpStage.END_OF_DATA).times(2).reply(451, "4.3.0 Try again later");   // then stored normally
 * }</pre>
 */
public enum SmtpStage {
    /** A client connected; the server is about to send its 220 greeting. {@code matching} sees the client's IP. */
    CONNECT(true, Set.of(220)),
    /** EHLO or HELO. {@code matching} sees the name the client gave. */
    EHLO(true, Set.of()),
    /**
     * STARTTLS, before the server answers 220 and starts the handshake. A refusal (such as {@code 454 4.7.0 TLS not
     * available}) leaves the session in plaintext.
     */
    STARTTLS(false, Set.of(220)),
    /**
     * AUTH, once the credentials were checked and found right, before the server answers 235. {@code matching} sees
     * the user name. A refusal (such as {@code 535 5.7.8}) leaves the client unauthenticated.
     */
    AUTH(true, Set.of(235)),
    /** MAIL FROM, after its syntax and parameters were checked. {@code matching} sees the sender ("" for {@code <>}). */
    MAIL(true, Set.of(250)),
    /** RCPT TO, after its syntax was checked. {@code matching} sees the recipient address. */
    RCPT(true, Set.of(250, 251)),
    /**
     * DATA, before the server answers 354; or the first BDAT chunk of a message (CHUNKING, RFC 3030), once its octets
     * were read and before its 250. A refusal of a BDAT chunk drops it and fails the transaction; an accepting reply
     * (354) is DATA's and leaves a BDAT chunk's 250 as it is. Later chunks pass no stage.
     */
    DATA(false, Set.of(354)),
    /**
     * The end of a message's content (the final {@code CRLF.CRLF} of DATA, or the {@code BDAT ... LAST} chunk), after
     * it was read in full and before it is stored. A refusal here means the message is not stored.
     */
    END_OF_DATA(false, Set.of(250)),
    /** RSET. */
    RSET(false, Set.of(250)),
    /** QUIT, before the server answers 221 and closes. */
    QUIT(false, Set.of(221));

    private final boolean matchable;
    private final Set<Integer> acceptingCodes;

    SmtpStage(boolean matchable, Set<Integer> acceptingCodes) {
        this.matchable = matchable;
        this.acceptingCodes = acceptingCodes;
    }

    /** @return whether {@link SmtpRule.Builder#matching(String)} applies: a stage with an argument to match */
    boolean matchable() {
        return matchable;
    }

    /** @return the positive codes that mean "accepted" here, which a scripted reply may use to accept with its text */
    Set<Integer> acceptingCodes() {
        return acceptingCodes;
    }
}
