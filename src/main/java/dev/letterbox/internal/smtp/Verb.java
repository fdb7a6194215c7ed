package dev.letterbox.internal.smtp;

import dev.letterbox.SmtpStage;

/** The commands the server knows, the stage where scripted rules see each, and its handler. */
enum Verb {
    EHLO(SmtpStage.EHLO),
    HELO(SmtpStage.EHLO),
    STARTTLS(SmtpStage.STARTTLS),
    AUTH(SmtpStage.AUTH),
    MAIL(SmtpStage.MAIL),
    RCPT(SmtpStage.RCPT),
    DATA(SmtpStage.DATA),
    /** the first chunk of a message is at the DATA stage, the others at none; the LAST one ends at END_OF_DATA */
    BDAT(SmtpStage.DATA),
    RSET(SmtpStage.RSET),
    NOOP(null),
    QUIT(SmtpStage.QUIT),
    VRFY(null),
    HELP(null),
    EXPN(null);

    /** The handler of one verb: decides what the command does, without doing it. */
    @FunctionalInterface
    interface Handler {
        /**
         * @param s the session state, read only here: changes go into the outcome's commit
         * @param argument the text after the verb and one space, or "" if none
         * @return what to do if the script lets the command through
         * @throws ReplyException to refuse the command with that reply
         */
        Outcome handle(SessionState s, String argument) throws ReplyException;
    }

    private final SmtpStage stage;

    Verb(SmtpStage stage) {
        this.stage = stage;
    }

    /** @return the stage scripted rules see this verb at, or null if no rule applies to it */
    SmtpStage stage() {
        return stage;
    }

    /**
     * Finds the verb of a command.
     *
     * @param word the first word of a command line, in any case
     * @return the verb, or null if the server does not know it
     */
    static Verb of(String word) {
        // a switch rather than valueOf: no exception for every unknown word a fuzzer or a confused client sends
        // ASCII case only: "MAıL" (dotless i) is not MAIL, it is an unknown command
        return switch (Ascii.upper(word)) {
            case "EHLO" -> EHLO;
            case "HELO" -> HELO;
            case "STARTTLS" -> STARTTLS;
            case "AUTH" -> AUTH;
            case "MAIL" -> MAIL;
            case "RCPT" -> RCPT;
            case "DATA" -> DATA;
            case "BDAT" -> BDAT;
            case "RSET" -> RSET;
            case "NOOP" -> NOOP;
            case "QUIT" -> QUIT;
            case "VRFY" -> VRFY;
            case "HELP" -> HELP;
            case "EXPN" -> EXPN;
            default -> null;
        };
    }

    /**
     * The handler. A switch rather than a field set in the constructor: each method reference is then linked on the
     * first use of its verb, not all of them before the first greeting (in a fresh JVM that cost 3-7 ms of the time
     * to the 220).
     */
    Handler handler() {
        return switch (this) {
            case EHLO -> HelloCommands::ehlo;
            case HELO -> HelloCommands::helo;
            case STARTTLS -> TlsCommand::starttls;
            case AUTH -> AuthCommand::auth;
            case MAIL -> TransactionCommands::mail;
            case RCPT -> TransactionCommands::rcpt;
            case DATA -> DataCommand::data;
            // the session runs BDAT itself (its chunk is read whatever the answer); this is its first chunk's decision
            case BDAT -> (s, arg) -> BdatCommand.bdat(s, BdatCommand.parse(arg), 0);
            case RSET -> BasicCommands::rset;
            case NOOP -> BasicCommands::noop;
            case QUIT -> BasicCommands::quit;
            case VRFY -> BasicCommands::vrfy;
            case HELP -> BasicCommands::help;
            case EXPN -> BasicCommands::notImplemented;
        };
    }
}
