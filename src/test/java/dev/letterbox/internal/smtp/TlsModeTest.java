package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.TlsCertificate;
import dev.letterbox.TlsMode;
import dev.letterbox.testing.SmtpTestClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TLS modes over raw sockets: off, required (530 before STARTTLS) and implicit (TLS from the first byte). */
class TlsModeTest {

    @Test
    void withoutTlsStartTlsIsNeitherAdvertisedNorAccepted() {
        try (SmtpServer server = SmtpServer.start();
             SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);
            assertThat(c.command("EHLO client.example").lines()).doesNotContain("STARTTLS");
            c.command("STARTTLS").assertReply(502, "5.5.1");
        }
    }

    @Test
    void requiredTlsRefusesMailAndAuthBeforeStartTls() {
        ServerOptions options = ServerOptions.builder().tls(TlsMode.REQUIRED).users("alice:secret").build();
        try (SmtpServer server = SmtpServer.start(options);
             SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);
            List<String> ehlo = c.command("EHLO client.example").lines();
            assertThat(ehlo).contains("STARTTLS").noneMatch(l -> l.startsWith("AUTH"));

            c.command("MAIL FROM:<a@example.com>").assertReply(530, "5.7.0")
                    .assertTextContains("Must issue a STARTTLS command first");
            c.command("AUTH PLAIN AGFsaWNlAHNlY3JldA==").assertReply(530, "5.7.0");

            c.command("STARTTLS").assertCode(220);
            c.startTls(TlsCertificate.localhost().clientSslContext());
            assertThat(c.command("EHLO client.example").lines()).contains("AUTH PLAIN LOGIN CRAM-MD5");
            c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0");
        }
    }

    @Test
    void implicitTlsHandshakesBeforeTheGreeting() {
        ServerOptions options = ServerOptions.builder().tls(TlsMode.IMPLICIT).build();
        try (SmtpServer server = SmtpServer.start(options);
             SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.startTls(TlsCertificate.localhost().clientSslContext());
            c.expect(220);
            assertThat(c.command("EHLO client.example").lines()).doesNotContain("STARTTLS");
            c.command("STARTTLS").assertReply(503, "5.5.1");
            c.sendMessage("a@example.com", List.of("b@example.com"), "Subject: 465\r\n\r\nhi")
                    .assertReply(250, "2.0.0");

            assertThat(server.mailbox().awaitMessage().envelope().usedTls()).isTrue();
        }
    }

    @Test
    void implicitTlsClosesAPlaintextClientAndKeepsServing() throws Exception {
        ServerOptions options = ServerOptions.builder().tls(TlsMode.IMPLICIT).build();
        try (SmtpServer server = SmtpServer.start(options)) {
            try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
                c.send("EHLO client.example\r\n");
                byte[] rest = c.socket().getInputStream().readAllBytes();
                assertThat(new String(rest, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("220");
            }
            try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
                c.startTls(TlsCertificate.localhost().clientSslContext());
                c.expect(220);
            }
        }
    }
}
