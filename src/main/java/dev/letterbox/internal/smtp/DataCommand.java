package dev.letterbox.internal.smtp;

import dev.letterbox.Envelope;
import dev.letterbox.internal.store.ContentBuffer;
import dev.letterbox.internal.store.RawContent;
import java.io.IOException;

/**
 * DATA, in two steps: the command (answered 354), and the end of the message once the session has read it whole.
 * At the end the message is refused (size, bare line endings), failed ({@code 451 4.3.0} when its content cannot be
 * stored, for example on a full disk) or, if the script lets it through, stored; only then comes its 250.
 */
final class DataCommand {
    private DataCommand() {
    }

    static Outcome data(SessionState s, String arg) throws ReplyException {
        BasicCommands.noArgument(arg, "DATA");
        return new Outcome(Outcome.Kind.DATA, "", () -> {
            s.endTransaction();
            return Reply.START_DATA;
        });
    }

    /**
     * Judges a message read to its end.
     *
     * @param s the session state
     * @param t the transaction the message belongs to
     * @param reader what the DATA reader found
     * @param buffer the content
     * @param store stores the finished content (and may fail with a RuntimeException)
     * @return the outcome, whose commit stores the message and returns its 250 (or a 451 if storing failed)
     * @throws ReplyException if the message is refused
     */
    static Outcome endOfData(SessionState s, Transaction t, DataReader reader, ContentBuffer buffer, Store store)
            throws ReplyException {
        if (reader.tooLarge()) {
            throw new ReplyException(552, "5.3.4", "Message size exceeds the fixed maximum of "
                    + s.options().maxMessageSize() + " octets; nothing was stored");
        }
        if (reader.bareLineEnding() != null && !s.options().lenientLineEndings()) {
            throw new ReplyException(550, "5.5.2", "Message refused: bare <" + reader.bareLineEnding()
                    + "> in line " + reader.bareLineNumber()
                    + "; lines must end with <CR><LF> (RFC 5321 section 2.3.8); nothing was stored");
        }
        if (reader.storageError() != null) {
            throw cannotStore(reader.storageError());
        }
        return Outcome.reply("", () -> {
            RawContent content;
            try {
                content = buffer.finish();
            } catch (IOException e) {
                return cannotStore(e).reply();
            }
            Envelope.Builder eb = Envelope.builder().helo(s.helo()).mailFrom(t.mailFrom)
                    .mailParameters(t.mailParameters);
            t.recipientParameters.forEach(eb::recipient);
            if (s.tls() != null) {
                eb.tls(s.tls().protocol(), s.tls().cipherSuite());
            }
            if (s.authenticatedUser() != null) {
                eb.authenticated(s.authenticatedUser(), s.authMechanism());
            }
            try {
                long id = store.store(eb.build(), content);
                return Reply.of(250, "2.0.0", "OK: message " + id + " stored, " + content.size() + " octets");
            } catch (RuntimeException e) {
                content.release();
                return cannotStore(e).reply();
            }
        });
    }

    /** Stores a finished message. */
    @FunctionalInterface
    interface Store {
        /**
         * @return the message's number on its server
         * @throws RuntimeException if it cannot be stored
         */
        long store(Envelope envelope, RawContent content);
    }

    private static ReplyException cannotStore(Exception e) {
        return new ReplyException(451, "4.3.0", "Cannot store the message (" + e + "); nothing was stored, try again");
    }
}
