package dev.letterbox.internal.smtp;

import dev.letterbox.Envelope;
import dev.letterbox.internal.store.ContentBuffer;
import dev.letterbox.internal.store.RawContent;
import java.io.IOException;

/**
 * DATA: answer 354, read the whole stream, then refuse it (size, bare line endings), fail it ({@code 451 4.3.0} when
 * the content cannot be stored, for example a full disk) or store it and only then answer 250. The transaction ends
 * either way.
 */
final class DataCommand {
    private DataCommand() {
    }

    static void data(SmtpSession s, String arg) throws ReplyException, IOException {
        BasicCommands.noArgument(arg, "DATA");
        Transaction t = s.transaction();
        if (t == null) {
            throw new ReplyException(Reply.NEED_MAIL);
        }
        if (t.recipients.isEmpty()) {
            throw new ReplyException(Reply.NEED_RCPT);
        }
        s.replyNow(Reply.START_DATA);
        s.resetTransaction();
        try (ContentBuffer buffer = new ContentBuffer(s.options().spillThreshold())) {
            DataReader reader = new DataReader(s.input(), buffer, s.options().maxMessageSize());
            reader.read();
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
            RawContent content;
            try {
                content = buffer.finish();
            } catch (IOException e) {
                throw cannotStore(e);
            }
            Envelope.Builder eb = Envelope.builder().helo(s.helo()).mailFrom(t.mailFrom)
                    .mailParameters(t.mailParameters);
            t.recipientParameters.forEach(eb::recipient);
            Envelope envelope = eb.build();
            try {
                s.sink().deliver(envelope, content);
            } catch (RuntimeException e) {
                content.release();
                throw cannotStore(e);
            }
            s.reply(Reply.of(250, "2.0.0", "OK: message " + s.nextMessageId() + " stored, " + content.size()
                    + " octets"));
        }
    }

    private static ReplyException cannotStore(Exception e) {
        return new ReplyException(451, "4.3.0", "Cannot store the message (" + e + "); nothing was stored, try again");
    }
}
