package dev.letterbox.testing;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Test helper: delivers a message to a running server over real SMTP and returns it as captured. Each delivery uses a
 * unique HELO name, so several tests can share one server.
 */
public final class Smtp {
    private Smtp() {
    }

    /** Converts a text block written with LF line ends to the CRLF form mail uses. */
    public static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    /** Delivers raw octets (CRLF line ends) over a socket, dot-stuffing them, and returns the captured message. */
    public static ReceivedMessage deliver(SmtpServer server, String mailFrom, List<String> recipients, byte[] raw) {
        String helo = "client-" + UUID.randomUUID();
        try (SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.expect(220);
            client.command("EHLO " + helo).assertCode(250);
            client.sendMessage(mailFrom, recipients, SmtpTestClient.dotStuff(raw)).assertCode(250);
            client.command("QUIT").assertCode(221);
        }
        return find(server, helo);
    }

    /** Delivers text (CRLF-converted, UTF-8) over a socket. */
    public static ReceivedMessage deliver(SmtpServer server, String mailFrom, List<String> recipients, String raw) {
        return deliver(server, mailFrom, recipients, crlf(raw).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a Jakarta Mail message with {@link Transport#send}, envelope from its headers. */
    public static ReceivedMessage send(SmtpServer server, MimeMessage message) {
        String helo = "client-" + UUID.randomUUID();
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", server.host());
        props.setProperty("mail.smtp.port", String.valueOf(server.port()));
        props.setProperty("mail.smtp.localhost", helo);
        try {
            message.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            MimeMessage copy = new MimeMessage(Session.getInstance(props),
                    new java.io.ByteArrayInputStream(bytes.toByteArray()));
            Transport.send(copy, message.getAllRecipients());
        } catch (Exception e) {
            throw new IllegalStateException("sending failed: " + e, e);
        }
        return find(server, helo);
    }

    /** A fresh Jakarta Mail session for building messages. */
    public static Session session() {
        return Session.getInstance(new Properties());
    }

    private static ReceivedMessage find(SmtpServer server, String helo) {
        server.mailbox().awaitMessages(1);
        return server.mailbox().messages().stream()
                .filter(m -> m.envelope().helo().equals(helo))
                .findFirst()
                .orElseThrow(() -> new AssertionError("message from " + helo + " not captured"));
    }
}
