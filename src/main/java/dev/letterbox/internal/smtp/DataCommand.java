package dev.letterbox.internal.smtp;

import dev.letterbox.Envelope;
import dev.letterbox.Violation;
import dev.letterbox.ViolationCode;
import dev.letterbox.internal.conformance.WireChecks;
import dev.letterbox.internal.store.ContentBuffer;
import dev.letterbox.internal.store.RawContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/**
 * DATA, in two steps: the command (answered 354), and the end of the message once the session has read it whole.
 * At the end the message is refused (size, bare line endings), failed ({@code 451 4.3.0} when its content cannot be
 * stored, for example on a full disk) or, if the script lets it through, stored; only then comes its 250.
 */
final class DataCommand {
    private DataCommand() {
    }

    /** What was read of a message's content, by DATA or in BDAT chunks, for the judgement at its end. */
    interface Received {
        /** @return the received size in octets */
        long size();

        /** @return true if the content had more octets than the limit (they were not kept) */
        boolean tooLarge();

        /** @return the error that stopped storing the content, or null */
        IOException storageError();

        /** @return "LF" or "CR" for the first bare line ending, or null */
        String bareLineEnding();

        /** @return the 1-based line of the first bare line ending, or 0 */
        long bareLineNumber();

        /** @return true for BDAT content, where a bare CR or LF is an octet like any other */
        default boolean binary() {
            return false;
        }
    }

    static Outcome data(SessionState s, String arg) throws ReplyException {
        Transaction t = s.transaction();
        if (t.chunks > 0) {
            throw new ReplyException(503, "5.5.1", "Error: DATA after BDAT in one transaction (RFC 3030 section 2);"
                    + " send the rest with BDAT, or RSET");
        }
        if (t.binarymime) {
            throw new ReplyException(503, "5.5.1", "Error: DATA cannot carry BODY=BINARYMIME (RFC 3030 section 3);"
                    + " send the message with BDAT");
        }
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
     * @param reader what the DATA reader (or the BDAT chunks) found
     * @param buffer the content
     * @param store stores the finished content (and may fail with a RuntimeException)
     * @return the outcome, whose commit stores the message and returns its 250 (or a 451 if storing failed)
     * @throws ReplyException if the message is refused
     */
    static Outcome endOfData(SessionState s, Transaction t, Received reader, ContentBuffer buffer, Store store)
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
        if (s.options().strict()) {
            refuseIfProvidersWould(s, t, buffer, reader.binary());
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

    /** Strict mode: the wire-level checks (no jakarta.mail) refuse a message with a reject-level violation. */
    private static void refuseIfProvidersWould(SessionState s, Transaction t, ContentBuffer buffer, boolean binary)
            throws ReplyException {
        Optional<Violation> refused;
        try (InputStream in = buffer.openWritten()) {
            refused = WireChecks.scan(in, t.mailParameters).firstRejection(s.options().lenientLineEndings() || binary
                    ? Set.of(ViolationCode.BARE_LF, ViolationCode.BARE_CR) : Set.of());
        } catch (IOException | UncheckedIOException e) {
            throw cannotStore(e);
        }
        if (refused.isPresent()) {
            Violation v = refused.get();
            throw new ReplyException(550, "5.6.0", printable("Message refused (strict mode): " + v.code() + " at "
                    + v.place() + ": " + v.message() + " [" + v.source() + "]; nothing was stored"));
        }
    }

    /**
     * Reply text is ASCII on one line, short enough for a 512-octet reply line (RFC 5321 section 4.5.3.1.5): anything
     * else taken from the message shows as '?', and a long text is cut.
     */
    private static String printable(String text) {
        int max = 440;
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 3));
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            sb.append(c >= ' ' && c < 127 ? c : '?');
        }
        return text.length() > max ? sb.append("...").toString() : sb.toString();
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
