package dev.letterbox.interop;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.TlsCertificate;
import dev.letterbox.TlsMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real clients with TLS and AUTH, each verifying the built-in certificate from its PEM: python's {@code smtplib}
 * ({@code starttls()}, {@code auth()} with each mechanism, {@code login()}, {@code SMTP_SSL}), swaks
 * ({@code --tls --auth LOGIN}) and curl ({@code --ssl-reqd --user}).
 */
@Tag("interop")
class TlsAuthInteropTest {
    private static final ServerOptions STARTTLS_AND_USERS = ServerOptions.builder().tls(TlsMode.REQUIRED)
            .users("alice:secret").authRequired(true).build();

    /** argv: host port cafile mode(starttls|ssl) mechanism(PLAIN|LOGIN|CRAM-MD5|login|none). */
    private static final String SEND = """
            import smtplib, ssl, sys
            from email.message import EmailMessage
            host, port, cafile, mode, mechanism = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
            context = ssl.create_default_context(cafile=cafile)
            msg = EmailMessage()
            msg["From"] = "shop@example.com"
            msg["To"] = "ann@example.com"
            msg["Subject"] = "From python over " + mode
            msg.set_content("Hello.\\n")
            if mode == "ssl":
                smtp = smtplib.SMTP_SSL(host, port, local_hostname="python.client.example", timeout=20, context=context)
            else:
                smtp = smtplib.SMTP(host, port, local_hostname="python.client.example", timeout=20)
                smtp.starttls(context=context)
            with smtp:
                if mechanism == "login":
                    smtp.login("alice", "secret")
                elif mechanism != "none":
                    smtp.ehlo_or_helo_if_needed()
                    smtp.user, smtp.password = "alice", "secret"
                    method = {"PLAIN": smtp.auth_plain, "LOGIN": smtp.auth_login, "CRAM-MD5": smtp.auth_cram_md5}
                    smtp.auth(mechanism, method[mechanism], initial_response_ok=(mechanism == "PLAIN"))
                smtp.send_message(msg)
            """;

    @TempDir
    Path dir;

    private Path pem() throws IOException {
        return Files.writeString(dir.resolve("letterbox.pem"), TlsCertificate.localhost().pem());
    }

    private ClientProcess.Outcome python(SmtpServer server, String mode, String mechanism) throws IOException {
        ClientProcess.assumeInstalled("python3", "python3");
        return ClientProcess.run(List.of("python3", "-c", SEND, server.host(), String.valueOf(server.port()),
                pem().toString(), mode, mechanism));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "LOGIN", "CRAM-MD5"})
    void pythonStartsTlsAndAuthenticatesWithEachMechanism(String mechanism) throws IOException {
        try (SmtpServer server = SmtpServer.start(STARTTLS_AND_USERS)) {
            python(server, "starttls", mechanism).succeeded();

            ReceivedMessage m = server.mailbox().awaitMessage();
            assertThat(m).usedTls().wasAuthenticatedAs("alice").hasSubject("From python over starttls");
            assertThat(m.envelope().authMechanism()).isEqualTo(mechanism);
        }
    }

    @Test
    void pythonLoginPicksCramMd5AndWrongPasswordFails() throws IOException {
        try (SmtpServer server = SmtpServer.start(STARTTLS_AND_USERS)) {
            python(server, "starttls", "login").succeeded();
            assertThat(server.mailbox().awaitMessage().envelope().authMechanism()).isEqualTo("CRAM-MD5");
        }
        ServerOptions otherPassword = STARTTLS_AND_USERS.toBuilder().users("alice:other").build();
        try (SmtpServer server = SmtpServer.start(otherPassword)) {
            ClientProcess.Outcome failed = python(server, "starttls", "login").failed();
            assertThat(failed.stderr()).contains("SMTPAuthenticationError").contains("535");
        }
    }

    /**
     * argv: host port cafile. Logs in with a wrong password until smtplib gives up, printing the reply code of each
     * SMTPAuthenticationError, then says how the connection ended.
     */
    private static final String WRONG_PASSWORD = """
            import smtplib, ssl, sys
            host, port, cafile = sys.argv[1], int(sys.argv[2]), sys.argv[3]
            smtp = smtplib.SMTP(host, port, local_hostname="python.client.example", timeout=20)
            smtp.starttls(context=ssl.create_default_context(cafile=cafile))
            for attempt in range(5):
                try:
                    smtp.login("alice", "wrong")
                except smtplib.SMTPAuthenticationError as e:
                    print(e.smtp_code, e.smtp_error.decode())
                    if e.smtp_code == 421:
                        break
                except smtplib.SMTPServerDisconnected as e:
                    print("disconnected", e)
                    break
            """;

    /**
     * smtplib's login() tries CRAM-MD5, PLAIN and LOGIN in turn: a wrong password costs three attempts, so the first
     * login fails with 535, and the second reaches the limit of five: its last mechanism gets the 421.
     */
    @Test
    void pythonWithAWrongPasswordIsCutOffAfterFiveAttempts() throws IOException {
        ClientProcess.assumeInstalled("python3", "python3");
        try (SmtpServer server = SmtpServer.start(STARTTLS_AND_USERS)) {
            ClientProcess.Outcome out = ClientProcess.run(List.of("python3", "-c", WRONG_PASSWORD, server.host(),
                    String.valueOf(server.port()), pem().toString())).succeeded();

            assertThat(out.stdout().lines().toList()).containsExactly(
                    "535 5.7.8 Authentication credentials invalid",
                    "421 4.7.0 Too many authentication failures, closing connection");
            python(server, "starttls", "login").succeeded(); // the right password, on a new connection
            assertThat(server.mailbox().awaitMessage()).wasAuthenticatedAs("alice");
        }
    }

    @Test
    void pythonSmtpSslSpeaksImplicitTls() throws IOException {
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().tls(TlsMode.IMPLICIT).build())) {
            python(server, "ssl", "none").succeeded();

            assertThat(server.mailbox().awaitMessage()).usedTls().hasSubject("From python over ssl");
        }
    }

    @Test
    void swaksStartsTlsAndAuthenticatesWithLogin() throws IOException {
        ClientProcess.assumeInstalled("swaks", "swaks");
        try (SmtpServer server = SmtpServer.start(STARTTLS_AND_USERS)) {
            ClientProcess.run(List.of("swaks", "--server", server.host() + ":" + server.port(),
                    "--helo", "swaks.client.example", "--from", "ops@example.com", "--to", "ann@example.com",
                    "--tls", "--tls-verify", "--tls-ca-path", pem().toString(),
                    "--auth", "LOGIN", "--auth-user", "alice", "--auth-password", "secret",
                    "--header", "Subject: From swaks", "--timeout", "20")).succeeded();

            ReceivedMessage m = server.mailbox().awaitMessage();
            assertThat(m).usedTls().wasAuthenticatedAs("alice").hasSubject("From swaks");
            assertThat(m.envelope().authMechanism()).isEqualTo("LOGIN");
        }
    }

    @Test
    void curlWithSslReqdAndUserSends() throws IOException {
        ClientProcess.assumeInstalled("curl", "curl");
        try (SmtpServer server = SmtpServer.start(STARTTLS_AND_USERS)) {
            Path mail = Files.write(dir.resolve("mail.eml"),
                    "From: ops@example.com\r\nTo: ann@example.com\r\nSubject: From curl\r\n\r\nHello.\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            List<String> command = new ArrayList<>(List.of("curl", "-sS", "--ssl-reqd", "--cacert", pem().toString(),
                    "smtp://" + server.host() + ":" + server.port() + "/curl.client.example",
                    "--user", "alice:secret", "--mail-from", "ops@example.com", "--mail-rcpt", "ann@example.com",
                    "--upload-file", mail.toString(), "--max-time", "20"));
            ClientProcess.run(command).succeeded();

            assertThat(server.mailbox().awaitMessage()).usedTls().wasAuthenticatedAs("alice").hasSubject("From curl");
            assertThat(server.mailbox().transcripts().get(0).toString()).contains("***")
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString("secret".getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @Test
    void swaksAndCurlSpeakImplicitTls() throws IOException {
        ClientProcess.assumeInstalled("swaks", "swaks");
        ClientProcess.assumeInstalled("curl", "curl");
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().tls(TlsMode.IMPLICIT).build())) {
            ClientProcess.run(List.of("swaks", "--server", server.host() + ":" + server.port(),
                    "--helo", "swaks.client.example", "--from", "ops@example.com", "--to", "ann@example.com",
                    "--tlsc", "--tls-verify", "--tls-ca-path", pem().toString(),
                    "--header", "Subject: swaks on connect", "--timeout", "20")).succeeded();
            Path mail = Files.write(dir.resolve("smtps.eml"),
                    "From: ops@example.com\r\nTo: ann@example.com\r\nSubject: curl smtps\r\n\r\nHello.\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            ClientProcess.run(List.of("curl", "-sS", "--cacert", pem().toString(),
                    "smtps://" + server.host() + ":" + server.port() + "/curl.client.example",
                    "--mail-from", "ops@example.com", "--mail-rcpt", "ann@example.com",
                    "--upload-file", mail.toString(), "--max-time", "20")).succeeded();

            List<ReceivedMessage> both = server.mailbox().awaitMessages(2);
            assertThat(both).extracting(ReceivedMessage::subject)
                    .containsExactlyInAnyOrder("swaks on connect", "curl smtps");
            assertThat(both).allSatisfy(m -> assertThat(m.envelope().usedTls()).isTrue());
        }
    }
}
