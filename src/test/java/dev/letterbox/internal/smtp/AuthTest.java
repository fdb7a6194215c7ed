package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Envelope;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.SmtpStage;
import dev.letterbox.TlsCertificate;
import dev.letterbox.TlsMode;
import dev.letterbox.testing.SmtpTestClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AUTH (RFC 4954) over raw sockets: PLAIN, LOGIN, CRAM-MD5, every refusal, the gate, and masked transcripts. */
class AuthTest extends ServerPerTest {

    @Override
    ServerOptions options() {
        return ServerOptions.builder().users("alice:secret", "bob:pa:ss").build();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private Envelope sendAndGetEnvelope(SmtpTestClient c) {
        c.sendMessage("a@example.com", List.of("b@example.com"), "Subject: x\r\n\r\nhi").assertReply(250, "2.0.0");
        return server.mailbox().awaitMessage().envelope();
    }

    @Test
    void authIsAdvertisedWithEveryMechanism() {
        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);
            assertThat(c.command("EHLO client.example").lines()).contains("AUTH PLAIN LOGIN CRAM-MD5");
        }
    }

    @Test
    void plainWithInitialResponseAuthenticates() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertReply(235, "2.7.0");

            Envelope e = sendAndGetEnvelope(c);
            assertThat(e.authenticatedUser()).isEqualTo("alice");
            assertThat(e.authMechanism()).isEqualTo("PLAIN");
        }
    }

    @Test
    void plainWithoutInitialResponseGetsAnEmptyChallenge() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("AUTH PLAIN").assertCode(334).lines().forEach(l -> assertThat(l).isEmpty());
            c.command(b64("bob\0bob\0pa:ss")).assertReply(235, "2.7.0");
        }
    }

    @Test
    void loginAsksForUserNameThenPassword() {
        try (SmtpTestClient c = connectEhlo()) {
            assertThat(c.command("AUTH LOGIN").assertCode(334).text()).isEqualTo(b64("Username:"));
            assertThat(c.command(b64("alice")).assertCode(334).text()).isEqualTo(b64("Password:"));
            c.command(b64("secret")).assertReply(235, "2.7.0");

            assertThat(sendAndGetEnvelope(c).authMechanism()).isEqualTo("LOGIN");
        }
    }

    @Test
    void cramMd5AnswersTheChallengeWithAKeyedDigest() {
        try (SmtpTestClient c = connectEhlo()) {
            String challenge = new String(Base64.getDecoder().decode(c.command("AUTH CRAM-MD5").assertCode(334)
                    .text()), StandardCharsets.US_ASCII);
            assertThat(challenge).startsWith("<").endsWith("@letterbox.localhost>");

            c.command(b64("alice " + AuthCommand.hmacMd5("secret", challenge))).assertReply(235, "2.7.0");

            assertThat(sendAndGetEnvelope(c).authMechanism()).isEqualTo("CRAM-MD5");
        }
    }

    @Test
    void wrongPasswordOrUnknownUserIs535() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("AUTH PLAIN " + b64("\0alice\0wrong")).assertReply(535, "5.7.8");
            c.command("AUTH PLAIN " + b64("\0mallory\0secret")).assertReply(535, "5.7.8");
            String challenge = new String(Base64.getDecoder().decode(c.command("AUTH CRAM-MD5").text()),
                    StandardCharsets.US_ASCII);
            c.command(b64("alice " + AuthCommand.hmacMd5("wrong", challenge))).assertReply(535, "5.7.8");
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertReply(235, "2.7.0"); // not locked out
        }
    }

    @Test
    void malformedBase64Is501() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("AUTH PLAIN not*base64").assertReply(501, "5.5.2");
            c.command("AUTH LOGIN").assertCode(334);
            c.command("%%%").assertReply(501, "5.5.2");
            c.command("NOOP").assertReply(250, "2.0.0"); // the exchange is over: back to commands
        }
    }

    @Test
    void starCancelsTheExchange() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("AUTH LOGIN").assertCode(334);
            c.command("*").assertReply(501, "5.0.0");
            c.command("NOOP").assertReply(250, "2.0.0");
        }
    }

    @Test
    void unknownMechanismIs504() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("AUTH GSSAPI").assertReply(504, "5.5.4");
        }
    }

    @Test
    void authBeforeEhloTwiceOrInATransactionIs503() {
        try (SmtpTestClient c = SmtpTestClient.connect(server.host(), server.port())) {
            c.expect(220);
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertReply(503, "5.5.1");
            c.command("EHLO client.example").assertCode(250);
            c.command("MAIL FROM:<a@example.com>").assertCode(250);
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertReply(503, "5.5.1");
            c.command("RSET").assertCode(250);
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertReply(235, "2.7.0");
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertReply(503, "5.5.1");
        }
    }

    @Test
    void mailAuthParameterIsAcceptedAndRecorded() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("MAIL FROM:<a@example.com> AUTH=<>").assertReply(250, "2.1.0");
            c.command("RCPT TO:<b@example.com>").assertCode(250);
            c.command("DATA").assertCode(354);
            c.send("Subject: x\r\n\r\nhi\r\n.\r\n");
            c.read().assertReply(250, "2.0.0");
        }
        assertThat(server.mailbox().awaitMessage().envelope().mailParameter("AUTH")).isEqualTo("<>");
    }

    @Test
    void transcriptsMaskTheSecrets() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertCode(235);
        }
        try (SmtpTestClient c = connectEhlo()) {
            c.command("AUTH LOGIN").assertCode(334);
            c.command(b64("alice")).assertCode(334);
            c.command(b64("secret")).assertCode(235);
        }
        String first = server.mailbox().transcripts().get(0).toString();
        String second = server.mailbox().transcripts().get(1).toString();
        assertThat(first).contains("AUTH PLAIN ***").doesNotContain(b64("\0alice\0secret"));
        assertThat(second).contains("AUTH LOGIN").contains("***").doesNotContain(b64("alice"))
                .doesNotContain(b64("secret"));
    }

    @Test
    void scriptedRuleAtAuthRefusesRightCredentials() {
        server.mailbox().on(SmtpStage.AUTH).matching("alice").once().reply(454, "4.7.0 Temporary authentication failure");
        try (SmtpTestClient c = connectEhlo()) {
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertReply(454, "4.7.0");
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertReply(235, "2.7.0");
        }
    }

    @Test
    void requiredAuthenticationRefusesMailUntilAuth() {
        ServerOptions options = ServerOptions.builder().users("alice:secret").authRequired(true).build();
        try (SmtpServer required = SmtpServer.start(options);
             SmtpTestClient c = SmtpTestClient.connectEhlo(required.host(), required.port())) {
            c.command("MAIL FROM:<a@example.com>").assertReply(530, "5.7.0").assertTextContains("Authentication required");
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertCode(235);
            c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0");
        }
    }

    @Test
    void plainAndLoginWaitForTlsWhenPlaintextAuthIsOff() {
        ServerOptions options = ServerOptions.builder().users("alice:secret").tls(TlsMode.OFFERED)
                .plainAuthWithoutTls(false).build();
        try (SmtpServer tls = SmtpServer.start(options);
             SmtpTestClient c = SmtpTestClient.connect(tls.host(), tls.port())) {
            c.expect(220);
            assertThat(c.command("EHLO client.example").lines()).contains("AUTH CRAM-MD5");
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertReply(538, "5.7.11");
            c.command("AUTH LOGIN").assertReply(538, "5.7.11");

            c.command("STARTTLS").assertCode(220);
            c.startTls(TlsCertificate.localhost().clientSslContext());
            assertThat(c.command("EHLO client.example").lines()).contains("AUTH PLAIN LOGIN CRAM-MD5");
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertReply(235, "2.7.0");
        }
    }

    @Test
    void withoutUsersAuthIsNotOffered() {
        try (SmtpServer plain = SmtpServer.start();
             SmtpTestClient c = SmtpTestClient.connect(plain.host(), plain.port())) {
            c.expect(220);
            assertThat(c.command("EHLO client.example").lines()).noneMatch(l -> l.startsWith("AUTH"));
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertReply(502, "5.5.1");
            c.command("MAIL FROM:<a@example.com> AUTH=<>").assertReply(555, "5.5.4");
        }
    }

    @Test
    void loginWithTheUserNameAsInitialResponseAsksOnlyForThePassword() {
        try (SmtpTestClient c = connectEhlo()) {
            assertThat(c.command("AUTH LOGIN " + b64("alice")).assertCode(334).text()).isEqualTo(b64("Password:"));
            c.command(b64("secret")).assertReply(235, "2.7.0");
        }
    }

    @Test
    void plainForAnotherAuthorizationIdentityIsRefused() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("AUTH PLAIN " + b64("bob\0alice\0secret")).assertReply(535, "5.7.8");
            c.command("AUTH PLAIN " + b64("alice\0alice\0secret")).assertReply(235, "2.7.0");
        }
    }

    @Test
    void authAfterStartTlsIsForgottenWithTheRestOfTheSession() {
        ServerOptions options = ServerOptions.builder().users("alice:secret").tls(TlsMode.OFFERED).build();
        try (SmtpServer tls = SmtpServer.start(options);
             SmtpTestClient c = SmtpTestClient.connectEhlo(tls.host(), tls.port())) {
            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertCode(235);
            c.command("STARTTLS").assertCode(220);
            c.startTls(TlsCertificate.localhost().clientSslContext());
            c.command("EHLO client.example").assertCode(250);

            c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertReply(235, "2.7.0"); // not "already authenticated"
        }
    }

    @Test
    void aMechanismNameWithADotlessIIsUnrecognized() {
        try (SmtpTestClient c = connectEhlo()) {
            c.command("AUTH PLA\u0131N").assertReply(504, "5.5.4").assertTextContains("PLA\u0131N");
        }
    }

    @Test
    void fifthFailedAuthenticationIsAnsweredThenTheConnectionClosesWith421() {
        try (SmtpTestClient c = connectEhlo()) {
            for (int i = 1; i < SmtpSession.MAX_AUTH_FAILURES; i++) {
                c.command("AUTH PLAIN " + b64("\0alice\0wrong" + i)).assertReply(535, "5.7.8");
            }
            c.command("AUTH LOGIN " + b64("alice")).assertCode(334);
            c.command(b64("still wrong")).assertReply(535, "5.7.8");

            c.read().assertReply(421, "4.7.0").assertTextContains("Too many authentication failures");
            c.assertClosedByServer();
        }
    }

    @Test
    void failuresAreCountedAcrossMechanismsAndTheRightPasswordBeforeTheLimitStillWorks() {
        try (SmtpTestClient c = connectEhlo()) {
            for (int i = 1; i < SmtpSession.MAX_AUTH_FAILURES; i++) {
                c.command("AUTH CRAM-MD5").assertCode(334);
                c.command(b64("alice 00000000000000000000000000000000")).assertReply(535, "5.7.8");
            }
            SmtpTestClient.Response challenge = c.command("AUTH CRAM-MD5").assertCode(334);
            String text = new String(Base64.getDecoder().decode(challenge.text()), StandardCharsets.US_ASCII);
            c.command(b64("alice " + AuthCommand.hmacMd5("secret", text))).assertReply(235, "2.7.0");

            c.command("NOOP").assertReply(250, "2.0.0");
        }
    }

    @Test
    void refusalsThatTestNoCredentialsDoNotCountTowardsTheLimit() {
        ServerOptions plainNeedsTls = options().toBuilder().plainAuthWithoutTls(false).build();
        try (SmtpServer tlsFirst = SmtpServer.start(plainNeedsTls);
             SmtpTestClient c = SmtpTestClient.connectEhlo(tlsFirst.host(), tlsFirst.port())) {
            for (int i = 0; i < 2 * SmtpSession.MAX_AUTH_FAILURES; i++) {
                c.command("AUTH NTLM").assertReply(504, "5.5.4");
                c.command("AUTH PLAIN " + b64("\0alice\0secret")).assertReply(538, "5.7.11"); // no TLS
                c.command("AUTH").assertReply(501, "5.5.4"); // syntax: no mechanism named
                c.command("AUTH CRAM-MD5 " + b64("initial")).assertReply(501, "5.5.4"); // takes none
            }
            c.command("NOOP").assertReply(250, "2.0.0");
        }
    }
}
