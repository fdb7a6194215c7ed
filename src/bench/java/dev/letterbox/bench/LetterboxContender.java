package dev.letterbox.bench;

import dev.letterbox.SmtpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;

/** Letterbox through its public API, {@link SmtpServer} with default options. */
final class LetterboxContender implements Contender {
    @Override
    public String name() {
        return "letterbox";
    }

    @Override
    public Running start() {
        SmtpServer server = SmtpServer.start();
        return new Running() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public int count() {
                return server.mailbox().messages().size();
            }

            @Override
            public MimeMessage parsed(int i) {
                return server.mailbox().messages().get(i).mimeMessage();
            }

            @Override
            public InputStream attachmentStream() {
                // Letterbox's own API: the attachment streams from the spilled file, decoded
                return server.mailbox().messages().get(0).attachments().get(0).openStream();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
