package dev.letterbox.internal.mime;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns body octets into text with the charset a part declares, falling back when the charset is missing, unknown
 * to this JVM, or illegal: UTF-8 if the octets are valid UTF-8, otherwise ISO-8859-1 (which never fails).
 */
public final class Charsets {

    private Charsets() {
    }

    /**
     * Resolves a MIME charset name to a Java charset.
     *
     * @param mimeName a charset name from a header, may be null
     * @return the charset, or null if missing or not supported here
     */
    public static Charset lookup(String mimeName) {
        if (mimeName == null || mimeName.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(mimeName.trim()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Decodes octets.
     *
     * @param bytes the octets
     * @param mimeName the declared charset, may be null
     * @return the text
     */
    public static String decode(byte[] bytes, String mimeName) {
        Charset cs = lookup(mimeName);
        if (cs != null) {
            return new String(bytes, cs);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
