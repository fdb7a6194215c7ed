package dev.letterbox.internal.smtp;

import java.util.List;

/** The commands without state of their own: RSET, NOOP, QUIT, VRFY, HELP, and the refusal of EXPN. */
final class BasicCommands {
    private static final Reply HELP = new Reply(214, "2.0.0", List.of(
            "Letterbox test SMTP server (RFC 5321)",
            "Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP",
            "End of HELP"));

    private BasicCommands() {
    }

    static Outcome rset(SessionState s, String arg) throws ReplyException {
        noArgument(arg, "RSET");
        return Outcome.reply("", () -> {
            s.endTransaction();
            return Reply.OK;
        });
    }

    static Outcome noop(SessionState s, String arg) {
        return Outcome.reply(Reply.OK);
    }

    static Outcome quit(SessionState s, String arg) throws ReplyException {
        noArgument(arg, "QUIT");
        return new Outcome(Outcome.Kind.CLOSE, "", () -> Reply.BYE);
    }

    static Outcome vrfy(SessionState s, String arg) throws ReplyException {
        if (arg.isBlank()) {
            throw new ReplyException(501, "5.5.4", "Syntax: VRFY <user or address>");
        }
        return Outcome.reply(Reply.VRFY_CANNOT);
    }

    static Outcome help(SessionState s, String arg) {
        return Outcome.reply(HELP);
    }

    static Outcome notImplemented(SessionState s, String arg) {
        return Outcome.reply(Reply.NOT_IMPLEMENTED);
    }

    static void noArgument(String arg, String verb) throws ReplyException {
        if (!arg.isBlank()) {
            throw new ReplyException(501, "5.5.4", "Syntax: " + verb + " takes no argument");
        }
    }
}
