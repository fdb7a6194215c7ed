package dev.letterbox.internal.smtp;

import java.util.List;

/** The commands without state of their own: RSET, NOOP, QUIT, VRFY, HELP, and the refusal of EXPN. */
final class BasicCommands {
    private BasicCommands() {
    }

    static void rset(SmtpSession s, String arg) throws ReplyException {
        noArgument(arg, "RSET");
        s.resetTransaction();
        s.reply(Reply.OK);
    }

    static void noop(SmtpSession s, String arg) {
        s.reply(Reply.OK);
    }

    static void quit(SmtpSession s, String arg) throws ReplyException {
        noArgument(arg, "QUIT");
        s.reply(Reply.BYE);
        s.endAfterReply();
    }

    static void vrfy(SmtpSession s, String arg) throws ReplyException {
        if (arg.isBlank()) {
            throw new ReplyException(501, "5.5.4", "Syntax: VRFY <user or address>");
        }
        s.reply(Reply.VRFY_CANNOT);
    }

    static void help(SmtpSession s, String arg) {
        s.reply(new Reply(214, "2.0.0", List.of(
                "Letterbox test SMTP server (RFC 5321)",
                "Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP",
                "End of HELP")));
    }

    static void notImplemented(SmtpSession s, String arg) {
        s.reply(Reply.NOT_IMPLEMENTED);
    }

    static void noArgument(String arg, String verb) throws ReplyException {
        if (!arg.isBlank()) {
            throw new ReplyException(501, "5.5.4", "Syntax: " + verb + " takes no argument");
        }
    }
}
