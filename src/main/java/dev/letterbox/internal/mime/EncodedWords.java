package dev.letterbox.internal.mime;

import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.StringTokenizer;

/**
 * Decodes the RFC 2047 encoded-words of an unfolded header value exactly as jakarta.mail's
 * {@code MimeUtility.decodeText} does (strict mode, its default), but with the {@link SharedSession}'s decoders:
 * jakarta.mail 2.1 looks its stream provider up with a {@code ServiceLoader} for every encoded word (3 s for a header
 * of 50,000 words). Public for the snapshot normaliser, which decodes header values the same way.
 */
public final class EncodedWords {
    private static final String WHITE_SPACE = " \t\n\r";

    private EncodedWords() {
    }

    /**
     * Decodes a header value.
     *
     * @param text the unfolded value
     * @return the decoded value
     * @throws UnsupportedEncodingException if an encoded-word names a charset or encoding this JVM does not know
     */
    public static String decode(String text) throws UnsupportedEncodingException {
        if (!text.contains("=?")) {
            return text;
        }
        StringTokenizer tokens = new StringTokenizer(text, WHITE_SPACE, true);
        StringBuilder out = new StringBuilder();
        StringBuilder space = new StringBuilder();
        boolean previousWasEncoded = false;
        while (tokens.hasMoreTokens()) {
            String token = tokens.nextToken();
            char c = token.charAt(0);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                space.append(c);
                continue;
            }
            String word;
            try {
                word = decodeWord(token);
                if (!previousWasEncoded && space.length() > 0) {
                    out.append(space); // white space between two encoded-words is dropped (RFC 2047 section 6.2)
                }
                previousWasEncoded = true;
            } catch (ParseException notEncoded) {
                word = token;
                if (space.length() > 0) {
                    out.append(space);
                }
                previousWasEncoded = false;
            }
            out.append(word);
            space.setLength(0);
        }
        return out.append(space).toString();
    }

    private static String decodeWord(String word) throws ParseException, UnsupportedEncodingException {
        if (!word.startsWith("=?")) {
            throw new ParseException("encoded word does not start with \"=?\": " + word);
        }
        int charsetEnd = word.indexOf('?', 2);
        if (charsetEnd == -1) {
            throw new ParseException("encoded word does not include charset: " + word);
        }
        String charset = word.substring(2, charsetEnd);
        int language = charset.indexOf('*'); // RFC 2231 language
        if (language >= 0) {
            charset = charset.substring(0, language);
        }
        charset = MimeUtility.javaCharset(charset);
        int encodingEnd = word.indexOf('?', charsetEnd + 1);
        if (encodingEnd == -1) {
            throw new ParseException("encoded word does not include encoding: " + word);
        }
        String encoding = word.substring(charsetEnd + 1, encodingEnd);
        int textEnd = word.indexOf("?=", encodingEnd + 1);
        if (textEnd == -1) {
            throw new ParseException("encoded word does not end with \"?=\": " + word);
        }
        String encoded = word.substring(encodingEnd + 1, textEnd);
        try {
            String decoded = "";
            if (!encoded.isEmpty()) {
                byte[] octets = new byte[encoded.length()];
                for (int i = 0; i < octets.length; i++) {
                    octets[i] = (byte) encoded.charAt(i);
                }
                ByteArrayInputStream in = new ByteArrayInputStream(octets);
                InputStream decoder;
                if (encoding.equalsIgnoreCase("B")) {
                    decoder = SharedSession.get().getStreamProvider().inputBase64(in);
                } else if (encoding.equalsIgnoreCase("Q")) {
                    decoder = SharedSession.get().getStreamProvider().inputQ(in);
                } else {
                    throw new UnsupportedEncodingException("unknown encoding: " + encoding);
                }
                byte[] bytes = new byte[in.available()]; // decoding never makes more octets than it reads
                int count = decoder.read(bytes, 0, bytes.length);
                decoded = count <= 0 ? "" : new String(bytes, 0, count, charset);
            }
            return textEnd + 2 < word.length() ? decoded + word.substring(textEnd + 2) : decoded;
        } catch (UnsupportedEncodingException e) {
            throw e;
        } catch (IOException e) {
            throw new ParseException(e.toString());
        } catch (IllegalArgumentException e) {
            throw new UnsupportedEncodingException(charset);
        }
    }
}
