package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.TlsCertificate;
import dev.letterbox.TlsMode;
import dev.letterbox.Transcript;
import dev.letterbox.testing.SmtpTestClient;
import java.io.UncheckedIOException;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** STARTTLS (RFC 3207) over raw sockets: advertising, the upgrade, the fresh start after it, and its refusals. */
class StartTlsTest extends ServerPerTest {
    private static final SSLContext CLIENT = TlsCertificate.localhost().clientSslContext();

    @Override
    ServerOptions options() {
        return ServerOptions.builder().tls(TlsMode.OFFERED).build();
    }

    @Test
    void startTlsIsAdvertisedThenTheSessionStartsOverUnderTls() {
        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);
            assertThat(c.command("EHLO client.example").assertCode(250).lines()).contains("STARTTLS");

            c.command("STARTTLS").assertReply(220, "2.0.0").assertTextContains("Ready to start TLS");
            SSLSession tls = c.startTls(CLIENT);

            c.command("MAIL FROM:<a@example.com>").assertReply(503, "5.5.1"); // EHLO again first
            assertThat(c.command("EHLO client.example").assertCode(250).lines()).doesNotContain("STARTTLS");
            c.sendMessage("a@example.com", List.of("b@example.com"), "Subject: secret\r\n\r\nhi")
                    .assertReply(250, "2.0.0");
            c.command("QUIT").assertCode(221);

            ReceivedMessage m = server.mailbox().awaitMessage();
            assertThat(m.envelope().usedTls()).isTrue();
            assertThat(m.envelope().tlsProtocol()).isEqualTo(tls.getProtocol());
            assertThat(m.envelope().tlsCipherSuite()).isEqualTo(tls.getCipherSuite());
        }
    }

    @Test
    void plaintextMessageRecordsNoTls() {
        try (SmtpTestClient c = connectEhlo()) {
            c.sendMessage("a@example.com", List.of("b@example.com"), "Subject: plain\r\n\r\nhi")
                    .assertReply(250, "2.0.0");
        }
        ReceivedMessage m = server.mailbox().awaitMessage();
        assertThat(m.envelope().usedTls()).isFalse();
        assertThat(m.envelope().tlsProtocol()).isNull();
    }

    @Test
    void commandsPipelinedAfterStartTlsAreDiscardedNeverExecuted() {
        try (SmtpTestClient c = connectEhlo()) {
            c.send("STARTTLS\r\nMAIL FROM:<x@y>\r\n"); // CVE-2011-0411: the MAIL is plaintext injection

            c.read().assertReply(220, "2.0.0");
            c.startTls(CLIENT);
            c.command("EHLO client.example").assertCode(250);
            // had the injected MAIL run, this would be a nested MAIL (503); a fresh session accepts it
            c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0");
        }
        List<Transcript> transcripts = server.mailbox().transcripts();
        assertThat(transcripts.get(0).toString()).doesNotContain("x@y");
    }

    @Test
    void startTlsWithParametersIsASyntaxError() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("STARTTLS now").assertReply(501, "5.5.4");
            c.command("NOOP").assertReply(250, "2.0.0"); // still plaintext
        }
    }

    @Test
    void startTlsTwiceIsOutOfSequence() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("STARTTLS").assertCode(220);
            c.startTls(CLIENT);
            c.command("EHLO client.example").assertCode(250);

            c.command("STARTTLS").assertReply(503, "5.5.1").assertTextContains("already");
        }
    }

    @Test
    void startTlsBeforeEhloOrInATransactionIsOutOfSequence() {
        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);
            c.command("STARTTLS").assertReply(503, "5.5.1");
            c.command("EHLO client.example").assertCode(250);
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("STARTTLS").assertReply(503, "5.5.1");
        }
    }

    @Test
    void failedHandshakeClosesThatSessionOnlyAndTheServerKeepsServing() throws Exception {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("STARTTLS").assertCode(220);
            c.send("this is not a TLS ClientHello\r\n");
            byte[] rest = c.socket().getInputStream().readAllBytes(); // up to the close, within the read timeout
            assertThat(rest).as("a TLS alert record, then the end").isNotEmpty().startsWith((byte) 21);
        }
        try (SmtpTestClient c = connectEhlo()) {
            c.command("STARTTLS").assertCode(220);
            c.startTls(CLIENT);
            c.command("EHLO client.example").assertCode(250);
        }
        assertThat(server.mailbox().transcripts().get(0).toString()).contains("TLS handshake failed");
    }

    @Test
    void clientThatDoesNotTrustTheCertificateFailsTheHandshake() throws Exception {
        SSLContext untrusting = SSLContext.getInstance("TLS");
        untrusting.init(null, null, null); // the JDK's default trust: the built-in certificate is not in it
        try (SmtpTestClient c = connectEhlo()) {
            c.command("STARTTLS").assertCode(220);
            assertThatThrownBy(() -> c.startTls(untrusting)).isInstanceOf(UncheckedIOException.class);
        }
        try (SmtpTestClient c = connectEhlo()) {
            c.command("NOOP").assertCode(250);
        }
    }

    @Test
    void scriptedRefusalAtStartTlsKeepsThePlaintextSession() {
        server.mailbox().on(dev.letterbox.SmtpStage.STARTTLS).once().reply(454, "4.7.0 TLS not available now");
        try (SmtpTestClient c = connectEhlo()) {
            c.command("STARTTLS").assertReply(454, "4.7.0");
            c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0"); // still the same plaintext session
        }
    }

    @Test
    void transcriptNotesTheTlsProtocolAndCipherSuite() {
        SSLSession tls;
        try (SmtpTestClient c = connectEhlo()) {
            c.command("STARTTLS").assertCode(220);
            tls = c.startTls(CLIENT);
            c.command("QUIT").assertCode(221);
        }
        assertThat(server.mailbox().transcripts().get(0).toString())
                .contains("TLS started: " + tls.getProtocol() + " " + tls.getCipherSuite());
    }
}
