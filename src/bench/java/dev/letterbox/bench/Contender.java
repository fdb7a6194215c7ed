package dev.letterbox.bench;

/**
 * One SMTP server library under comparison. Implementations live in their own classes so that a child JVM measuring
 * one contender loads only that contender's classes.
 */
interface Contender {

    /** @return the name printed in the tables */
    String name();

    /**
     * Starts a server on a random loopback port; returns once it accepts connections (as far as the library
     * promises that).
     *
     * @return the running server
     * @throws Exception whatever the library throws
     */
    Running start() throws Exception;

    /** A running server of one contender. */
    interface Running extends AutoCloseable {
        /** @return the bound port */
        int port();

        /** @return how many messages the server has received (and holds, unless it stores nothing) */
        int count();

        /**
         * Parses, or fetches the parsed form of, the i-th held message as a user of the library would.
         *
         * @param i the index in arrival order
         * @return the parsed message
         * @throws Exception whatever the library throws
         * @throws UnsupportedOperationException if the contender holds nothing
         */
        jakarta.mail.internet.MimeMessage parsed(int i) throws Exception;

        /**
         * Reads the attachment (second part of a multipart/mixed message) of the first held message as a decoded
         * stream; by default through the parsed message, as GreenMail's and Wiser's users do.
         *
         * @return the stream; the caller closes it
         * @throws Exception whatever the library throws
         */
        default java.io.InputStream attachmentStream() throws Exception {
            jakarta.mail.Multipart mp = (jakarta.mail.Multipart) parsed(0).getContent();
            return mp.getBodyPart(1).getInputStream();
        }

        /** Stops the server. */
        @Override
        void close();
    }

    /** The floor, Letterbox, GreenMail and Wiser, in table order. */
    String[] ALL = {"floor", "letterbox", "greenmail", "wiser"};

    /**
     * Creates a contender by name, loading only its class.
     *
     * @param name one of {@link #ALL}
     * @return the contender
     */
    static Contender named(String name) {
        String cls = switch (name) {
            case "floor" -> "dev.letterbox.bench.FloorContender";
            case "letterbox" -> "dev.letterbox.bench.LetterboxContender";
            case "greenmail" -> "dev.letterbox.bench.GreenMailContender";
            case "wiser" -> "dev.letterbox.bench.WiserContender";
            default -> throw new IllegalArgumentException("unknown contender " + name + "; use one of floor, "
                    + "letterbox, greenmail, wiser");
        };
        try {
            return (Contender) Class.forName(cls).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create contender " + name, e);
        }
    }
}
