package dev.letterbox.internal.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.util.LineInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Headers read the way jakarta.mail's {@link InternetHeaders#load(InputStream, boolean)} reads them, with the line
 * reader of the {@link SharedSession}: jakarta.mail 2.1 looks its stream provider up with a {@code ServiceLoader}
 * each time it loads headers (about 80 KB allocated and a class-path scan per message and per part).
 */
final class CapturedHeaders extends InternetHeaders {

    CapturedHeaders(InputStream in, boolean allowUtf8) throws MessagingException {
        super(in, allowUtf8);
    }

    @Override
    public void load(InputStream in, boolean allowUtf8) throws MessagingException {
        LineInputStream lines = SharedSession.get().getStreamProvider().inputLineStream(in, allowUtf8);
        String previous = null;
        StringBuilder folded = new StringBuilder();
        boolean first = true;
        String line;
        try {
            do {
                line = lines.readLine();
                if (line != null && (line.startsWith(" ") || line.startsWith("\t"))) {
                    if (previous != null) {
                        folded.append(previous);
                        previous = null;
                    }
                    if (first) {
                        String trimmed = line.trim();
                        if (!trimmed.isEmpty()) {
                            folded.append(trimmed);
                        }
                    } else {
                        if (folded.length() > 0) {
                            folded.append("\r\n");
                        }
                        folded.append(line);
                    }
                } else {
                    if (previous != null) {
                        addHeaderLine(previous);
                    } else if (folded.length() > 0) {
                        addHeaderLine(folded.toString());
                        folded.setLength(0);
                    }
                    previous = line;
                }
                first = false;
            } while (line != null && !line.isEmpty());
        } catch (IOException e) {
            throw new MessagingException("Error in input stream", e);
        }
    }
}
