package dev.letterbox.internal.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.SharedInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body part of a captured message, read as {@link MimeBodyPart#MimeBodyPart(InputStream)} reads it but with
 * {@link CapturedHeaders}: over a shared stream the body stays a range of it.
 */
final class CapturedBodyPart extends MimeBodyPart {

    CapturedBodyPart(InputStream in) throws MessagingException {
        InputStream source = in instanceof ByteArrayInputStream || in instanceof BufferedInputStream
                || in instanceof SharedInputStream ? in : new BufferedInputStream(in);
        headers = new CapturedHeaders(source, false);
        if (source instanceof SharedInputStream shared) {
            contentStream = shared.newStream(shared.getPosition(), -1);
        } else {
            try {
                content = source.readAllBytes();
            } catch (IOException e) {
                throw new MessagingException("Error reading input stream", e);
            }
        }
    }
}
