package dev.letterbox.internal.smtp;

/** Ends the handling of a command with an error reply; cheap (no stack trace), as it is ordinary control flow. */
final class ReplyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Reply reply;

    ReplyException(int code, String enhanced, String text) {
        this(Reply.of(code, enhanced, text));
    }

    ReplyException(Reply reply) {
        super(reply.toString(), null, false, false);
        this.reply = reply;
    }

    Reply reply() {
        return reply;
    }
}
