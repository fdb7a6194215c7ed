package dev.letterbox.internal.smtp;

import dev.letterbox.testing.SmtpTestClient;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import java.util.List;

/**
 * Run in a child JVM by {@link ClassLoadingTest}: starts a server, receives one message over a raw socket, awaits it,
 * reads its envelope and octets, prints it ({@code toString()} must not parse), and closes. Exits 0 on success.
 */
public final class ReceiveWithoutJakartaMain {
    private ReceiveWithoutJakartaMain() {
    }

    /**
     * Runs the scenario.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (SmtpServer server = SmtpServer.start();
             SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.sendMessage("a@example.com", List.of("b@example.com"), "Subject: hi\r\n\r\nhello").assertCode(250);
            c.command("QUIT").assertCode(221);
            List<ReceivedMessage> messages = server.mailbox().awaitMessages(1);
            ReceivedMessage m = messages.get(0);
            if (m.raw().length != m.size() || !m.envelope().recipients().equals(List.of("b@example.com"))) {
                throw new IllegalStateException("unexpected message " + m.envelope());
            }
            System.out.println("RECEIVED " + m + ", " + m.size() + " octets, " + server.mailbox().messagesTo("b@example.com")
                    .size() + " to b");
        }
    }
}
