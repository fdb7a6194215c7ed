package dev.letterbox.internal.smtp;

import java.io.IOException;

/** The handler of one SMTP verb. */
@FunctionalInterface
interface Command {

    /**
     * Handles one command line.
     *
     * @param session the session, to read state from and reply through
     * @param argument the text after the verb and one space, or "" if none
     * @throws ReplyException to answer with an error reply
     * @throws IOException if the connection fails
     */
    void handle(SmtpSession session, String argument) throws ReplyException, IOException;
}
