package dev.letterbox.internal.smtp;

import dev.letterbox.Envelope;
import dev.letterbox.SmtpEffect;
import dev.letterbox.SmtpStage;
import dev.letterbox.internal.store.RawContent;

/** What the sessions of one server need from outside the protocol: the script, transcripts, and the mailbox. */
public interface SessionHost {

    /**
     * Starts the transcript of a new session.
     *
     * @param client the client's address and port, such as {@code 127.0.0.1:53124}
     * @return the recorder the session writes to
     */
    SessionRecord open(String client);

    /**
     * Asks the script what to do at a stage the server would accept; uses up one firing of the rule that answers.
     *
     * @param stage the stage
     * @param subject what rules match on (address, name), "" if nothing
     * @param session the session's transcript, where the firing is noted
     * @return the effect of the first rule that fires, or null to go on as usual
     */
    SmtpEffect scripted(SmtpStage stage, String subject, SessionRecord session);

    /**
     * Stores one message; must not return before it is visible to readers of the mailbox. The session writes its 250
     * only after this returns.
     *
     * @param envelope the envelope
     * @param content the octets, now owned by the host
     * @param session the transcript of the session it came from, which ends (for now) with this message's content
     */
    void deliver(Envelope envelope, RawContent content, SessionRecord session);
}
