package dev.letterbox.deliverability;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.SmtpTestClient;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Test helper: sends raw octets over SMTP with chosen MAIL FROM parameters and returns the captured message. */
final class Delivery {
    private Delivery() {
    }

    /**
     * Writes a message: the text's LF line ends become CRLF, then {@code <LF>} and {@code <CR>} become bare ones.
     */
    static byte[] octets(String text) {
        String crlf = text.replace("\r\n", "\n").replace("\n", "\r\n");
        return crlf.replace("<LF>", "\n").replace("<CR>", "\r").getBytes(StandardCharsets.UTF_8);
    }

    /** Delivers octets with the MAIL parameters (such as "BODY=8BITMIME SMTPUTF8", or ""). */
    static ReceivedMessage deliver(SmtpServer server, String mailParameters, byte[] raw) {
        String helo = "client-" + UUID.randomUUID();
        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);
            c.command("EHLO " + helo).assertCode(250);
            c.command("MAIL FROM:<shop@example.com>" + (mailParameters.isEmpty() ? "" : " " + mailParameters))
                    .assertCode(250);
            c.command("RCPT TO:<ann@example.com>").assertCode(250);
            c.command("DATA").assertCode(354);
            byte[] stuffed = SmtpTestClient.dotStuff(raw);
            byte[] data = java.util.Arrays.copyOf(stuffed, stuffed.length + 3);
            data[stuffed.length] = '.';
            data[stuffed.length + 1] = '\r';
            data[stuffed.length + 2] = '\n';
            c.sendRaw(data);
            c.read().assertCode(250);
            c.command("QUIT").assertCode(221);
        }
        server.mailbox().awaitMessages(1);
        return server.mailbox().messages().stream().filter(m -> m.envelope().helo().equals(helo)).findFirst()
                .orElseThrow(() -> new AssertionError("message from " + helo + " not captured"));
    }
}
