package dev.letterbox.internal.mime;

import jakarta.mail.Session;
import java.util.Map;
import java.util.Properties;

/**
 * The one jakarta.mail {@link Session} every captured message in the JVM is parsed with. Making a Session reads the
 * provider files from the class path (about a millisecond, more than parsing a typical message), so one per message or
 * per server costs a test more than its mail does.
 *
 * <p>Sharing it is safe because parsing only reads the Session's properties, and those are {@link FrozenProperties}:
 * nothing can change how a later test's messages are parsed. The Session's other state (debug flag, providers) is
 * never used by parsing, and the Session is not handed out: a captured message's {@code getSession()} returns a
 * Session of its own (see {@link CapturedMimeMessage}). The reference is final and set once, when the holder class
 * is first used, so it is not mutable static state.
 */
final class SharedSession {
    private static final Map<String, String> PROPERTIES = Map.of(
            "mail.mime.address.strict", "false",
            "mail.mime.decodefilename", "true",
            "mail.mime.decodeparameters", "true",
            "mail.mime.allowutf8", "true");

    private SharedSession() {
    }

    /** Initialised on first use, by the JVM's class initialisation lock. */
    private static final class Holder {
        static final Session SESSION = Session.getInstance(new FrozenProperties(PROPERTIES));
    }

    /** @return the shared parsing session, the same object on every call */
    static Session get() {
        return Holder.SESSION;
    }

    /**
     * Makes a new, unshared session with the parsing properties, which its caller may change.
     *
     * @return the session
     */
    static Session newPrivateSession() {
        Properties props = new Properties();
        props.putAll(PROPERTIES);
        return Session.getInstance(props);
    }
}
