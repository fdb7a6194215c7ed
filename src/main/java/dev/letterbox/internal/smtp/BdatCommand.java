package dev.letterbox.internal.smtp;


/**
 * BDAT (RFC 3030): {@code BDAT <size> [LAST]}, a chunk of exactly {@code size} octets right after the command line.
 * Each chunk is answered {@code 250}; the message is judged, stored and answered only after the LAST chunk, as at the
 * end of DATA. The session reads the octets of every BDAT whose size it could parse, accepted or refused, so the next
 * command is read where it starts; a refused BDAT fails its transaction (RFC 3030 section 2: the client sends no more
 * chunks, and those it pipelined meet {@code 503}).
 */
final class BdatCommand {
    /** A BDAT the server could not parse leaves it unable to tell where the next command starts. */
    static final Reply CANNOT_SYNC = Reply.of(421, "4.5.0", "BDAT size unreadable: cannot find the next command,"
            + " closing connection");

    private BdatCommand() {
    }

    /** What a well-formed BDAT asks: the chunk's size and whether it is the last. */
    record Chunk(long octets, boolean last) {
    }

    /**
     * Parses the argument of BDAT.
     *
     * @param arg the text after "BDAT "
     * @return the chunk
     * @throws ReplyException {@code 501 5.5.4} if it is not {@code <size> [LAST]}
     */
    static Chunk parse(String arg) throws ReplyException {
        String[] words = arg.split(" ", -1);
        String size = words[0];
        // RFC 3030: chunk-size ::= 1*DIGIT; more than 18 digits is beyond a long and beyond any chunk a client sends
        boolean digits = !size.isEmpty() && size.length() <= 18;
        for (int i = 0; digits && i < size.length(); i++) {
            digits = size.charAt(i) >= '0' && size.charAt(i) <= '9';
        }
        boolean last = words.length == 2 && Ascii.equalsIgnoreCase(words[1], "LAST");
        if (!digits || words.length > 2 || words.length == 2 && !last) {
            throw new ReplyException(501, "5.5.4", "Syntax: BDAT <size in octets> [LAST], such as BDAT 1000 LAST");
        }
        return new Chunk(Long.parseLong(size), last);
    }

    /**
     * Decides what a BDAT does, once the phase table allowed it (a transaction with recipients).
     *
     * @param s the session
     * @param chunk the parsed command
     * @param before the octets received in earlier chunks of the message
     * @return a plain chunk: the commit counts it and returns its 250; the LAST chunk: the commit ends the transaction
     *     and returns null, the session then runs the end of the message
     * @throws ReplyException if the chunk is refused: the session drops its octets and the transaction fails
     */
    static Outcome bdat(SessionState s, Chunk chunk, long before) throws ReplyException {
        Transaction t = s.transaction();
        if (!s.extended()) {
            throw new ReplyException(503, "5.5.1", "Error: BDAT needs EHLO (CHUNKING is a service extension); this"
                    + " session said HELO");
        }
        long max = s.options().maxMessageSize();
        if (max > 0 && before + chunk.octets() > max) {
            throw new ReplyException(552, "5.3.4", "Message size exceeds the fixed maximum of " + max + " octets ("
                    + (before + chunk.octets()) + " with this chunk); nothing was stored");
        }
        if (chunk.last()) {
            return new Outcome(Outcome.Kind.LAST_CHUNK, "", () -> {
                t.chunks++;
                s.endTransaction();
                return null;
            });
        }
        return new Outcome(Outcome.Kind.CHUNK, "", () -> {
            t.chunks++;
            return Reply.of(250, "2.0.0", chunk.octets() + " octets received");
        });
    }
}
