package dev.letterbox.internal.mime;

import jakarta.mail.Session;

/**
 * The jakarta.mail {@link Session} that one server's messages are parsed with, made on the first parse and then
 * reused: creating a Session reads the provider files from the class path, which cost more than parsing a typical
 * message. One per server, not one per JVM, so nothing is shared between tests running in parallel.
 * Making one of these loads no jakarta.mail class.
 */
public final class ParsingSession {
    private volatile Session session;

    /** @return the session, made on the first call */
    Session get() {
        Session s = session;
        if (s == null) {
            synchronized (this) {
                s = session;
                if (s == null) {
                    s = MimeParsing.newSession();
                    session = s;
                }
            }
        }
        return s;
    }
}
