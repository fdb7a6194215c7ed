package dev.letterbox.internal.mime;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;

/** A multipart of a captured message: its parts' headers read with {@link CapturedHeaders}. */
final class CapturedMultipart extends MimeMultipart {

    CapturedMultipart(DataSource source) throws MessagingException {
        super(source);
    }

    @Override
    protected InternetHeaders createInternetHeaders(InputStream in) throws MessagingException {
        return new CapturedHeaders(in, false);
    }

    @Override
    protected MimeBodyPart createMimeBodyPart(InputStream in) throws MessagingException {
        return new CapturedBodyPart(in);
    }
}
