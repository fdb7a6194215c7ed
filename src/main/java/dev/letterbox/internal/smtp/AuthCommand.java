package dev.letterbox.internal.smtp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AUTH (RFC 4954) with PLAIN (RFC 4616), LOGIN and CRAM-MD5 (RFC 2195). A mechanism that needs more from the client
 * answers 334 with a challenge and leaves an {@link Exchange} in the session state: the session hands the client's
 * next line to it instead of reading a command. Nothing here writes to the wire.
 */
final class AuthCommand {
    static final Reply SUCCESS = Reply.of(235, "2.7.0", "Authentication successful");
    private static final String USERNAME_CHALLENGE = "VXNlcm5hbWU6"; // "Username:"
    private static final String PASSWORD_CHALLENGE = "UGFzc3dvcmQ6"; // "Password:"

    /** A SASL exchange waiting for the client's answer to a 334 challenge. */
    interface Exchange {
        /**
         * @param s the session state
         * @param line the client's answer: base64, or {@code *} to cancel
         * @return the next challenge, or the success
         * @throws ReplyException for a cancel, malformed base64 or wrong credentials
         */
        Outcome answer(SessionState s, String line) throws ReplyException;
    }

    private AuthCommand() {
    }

    static Outcome auth(SessionState s, String arg) throws ReplyException {
        if (s.options().users().isEmpty()) {
            throw new ReplyException(502, "5.5.1", "AUTH not offered: this server has no users; configure some, such"
                    + " as @CaptureMail(users = \"alice:secret\")");
        }
        if (!s.extended()) {
            throw new ReplyException(503, "5.5.1", "Error: send EHLO first; AUTH is an ESMTP extension");
        }
        if (s.authenticatedUser() != null) {
            throw new ReplyException(503, "5.5.1", "Error: already authenticated");
        }
        String[] words = arg.trim().split(" +", -1);
        if (words[0].isEmpty() || words.length > 2) {
            throw new ReplyException(501, "5.5.4", "Syntax: AUTH mechanism [initial-response]");
        }
        String mechanism = Ascii.upper(words[0]);
        String initial = words.length == 2 ? words[1] : null;
        switch (mechanism) {
            case "PLAIN" -> {
                requirePlainAllowed(s);
                return initial == null ? challenge(s, "", AuthCommand::plain) : plain(s, initial);
            }
            case "LOGIN" -> {
                requirePlainAllowed(s);
                return initial == null ? challenge(s, USERNAME_CHALLENGE, AuthCommand::loginUser)
                        : loginUser(s, initial);
            }
            case "CRAM-MD5" -> {
                if (initial != null) {
                    throw new ReplyException(501, "5.5.4", "Syntax: CRAM-MD5 takes no initial response");
                }
                String challenge = "<" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + "."
                        + System.currentTimeMillis() + "@" + s.options().serverName() + ">";
                return challenge(s, base64(challenge), (state, line) -> cramMd5(state, challenge, line));
            }
            default -> throw new ReplyException(504, "5.5.4", "Unrecognized authentication type " + words[0]
                    + "; this server offers " + (s.plainAuthAllowed() ? "PLAIN LOGIN CRAM-MD5" : "CRAM-MD5"));
        }
    }

    private static Outcome plain(SessionState s, String line) throws ReplyException {
        String decoded = decode(line);
        int first = decoded.indexOf('\0');
        int second = first < 0 ? -1 : decoded.indexOf('\0', first + 1);
        if (second < 0) {
            throw new ReplyException(501, "5.5.2", "Cannot decode the PLAIN response: it must be"
                    + " base64(authzid NUL user NUL password)");
        }
        String authzid = decoded.substring(0, first);
        String user = decoded.substring(first + 1, second);
        String password = decoded.substring(second + 1);
        if (!authzid.isEmpty() && !authzid.equals(user)) {
            throw invalid(); // acting for another identity is not offered
        }
        return verified(s, user, password, "PLAIN");
    }

    private static Outcome loginUser(SessionState s, String line) throws ReplyException {
        String user = decode(line);
        return challenge(s, PASSWORD_CHALLENGE, (state, answer) -> verified(state, user, decode(answer), "LOGIN"));
    }

    private static Outcome cramMd5(SessionState s, String challenge, String line) throws ReplyException {
        String decoded = decode(line);
        int space = decoded.lastIndexOf(' ');
        if (space <= 0) {
            throw new ReplyException(501, "5.5.2", "Cannot decode the CRAM-MD5 response: it must be"
                    + " base64(user SP hex-digest)");
        }
        String user = decoded.substring(0, space);
        String digest = decoded.substring(space + 1).toLowerCase(Locale.ROOT);
        String password = s.options().users().get(user);
        if (password == null || !MessageDigest.isEqual(hmacMd5(password, challenge).getBytes(StandardCharsets.US_ASCII),
                digest.getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        return success(s, user, "CRAM-MD5");
    }

    private static Outcome verified(SessionState s, String user, String password, String mechanism)
            throws ReplyException {
        String expected = s.options().users().get(user);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            throw invalid();
        }
        return success(s, user, mechanism);
    }

    private static Outcome success(SessionState s, String user, String mechanism) {
        return Outcome.reply(user, () -> {
            s.authenticate(user, mechanism);
            return SUCCESS;
        });
    }

    private static Outcome challenge(SessionState s, String text, Exchange next) {
        return new Outcome(Outcome.Kind.CHALLENGE, "", () -> {
            s.challenge(next);
            return new Reply(334, null, List.of(text));
        });
    }

    private static void requirePlainAllowed(SessionState s) throws ReplyException {
        if (!s.plainAuthAllowed()) {
            throw new ReplyException(538, "5.7.11", "Encryption required for requested authentication mechanism;"
                    + " send STARTTLS first, or use CRAM-MD5");
        }
    }

    /** Decodes one client line: base64 of UTF-8, {@code =} for empty; {@code *} cancels (RFC 4954 section 4). */
    private static String decode(String line) throws ReplyException {
        String t = line.trim();
        if (t.equals("*")) {
            throw new ReplyException(501, "5.0.0", "Authentication cancelled");
        }
        if (t.equals("=")) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(t), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ReplyException(501, "5.5.2", "Cannot decode the response: it is not base64");
        }
    }

    private static ReplyException invalid() {
        return new ReplyException(535, "5.7.8", "Authentication credentials invalid");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    static String hmacMd5(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            // HMAC pads the key with zeros, so {0} is the empty key, which SecretKeySpec refuses
            mac.init(new SecretKeySpec(k.length == 0 ? new byte[1] : k, "HmacMD5"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is missing from this JDK", e);
        }
    }
}
