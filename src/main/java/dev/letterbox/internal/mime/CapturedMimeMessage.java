package dev.letterbox.internal.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;

/**
 * A captured message as jakarta.mail parses it: with the {@link SharedSession}, which never leaves this class.
 * {@link #getSession()}, and the replies {@link #reply(boolean)} makes, use a Session of this message's own, made
 * on first use, so a test may change it without touching any other message.
 */
final class CapturedMimeMessage extends MimeMessage {
    private final Lazy<Session> ownSession = new Lazy<>(SharedSession::newPrivateSession);

    CapturedMimeMessage(InputStream in) throws MessagingException {
        super(SharedSession.get(), in);
    }

    /** @return a Session of this message's own (not the shared parsing session), made on the first call */
    @Override
    public Session getSession() {
        return ownSession.get();
    }

    /** @return the session this message was parsed with: the shared one */
    Session parsingSession() {
        return session;
    }

    @Override
    protected InternetHeaders createInternetHeaders(InputStream in) throws MessagingException {
        return new CapturedHeaders(in, true); // the shared session allows UTF-8 headers
    }

    @Override
    protected MimeMessage createMimeMessage(Session session) throws MessagingException {
        return new MimeMessage(getSession());
    }
}
