package dev.letterbox.internal.smtp;

import dev.letterbox.testing.SmtpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of commands (RFC 5321 section 4.1.4) and the replies of the commands without arguments of substance. */
class SessionSequenceTest extends ServerPerTest {
    @Override
    ServerOptions options() {
        return ServerOptions.builder().serverName("mx.test").build();
    }

    private SmtpTestClient connect() {
        return SmtpTestClient.connect(server.host(), server.port());
    }

    @Test
    void greetsWith220NamingTheServer() {
        try (SmtpTestClient c = connect()) {
            SmtpTestClient.Response greeting = c.read();

            greeting.assertCode(220);
            assertThat(greeting.lines()).hasSize(1);
            assertThat(greeting.text()).startsWith("mx.test ESMTP");
        }
    }

    @Test
    void ehloListsEveryExtensionWithoutSizeLimitByDefault() {
        try (SmtpTestClient c = connect()) {
            c.expect(220);

            SmtpTestClient.Response ehlo = c.command("EHLO client.example");

            ehlo.assertCode(250);
            assertThat(ehlo.lines().get(0)).startsWith("mx.test");
            assertThat(ehlo.lines().subList(1, ehlo.lines().size()))
                    .containsExactlyInAnyOrder("PIPELINING", "SIZE", "8BITMIME", "SMTPUTF8", "ENHANCEDSTATUSCODES",
                            "CHUNKING", "BINARYMIME", "DSN");
        }
    }

    @Test
    void ehloAnnouncesTheSizeLimitWhenOneIsSet() {
        try (SmtpServer limited = SmtpServer.start(ServerOptions.builder().maxMessageSize(10_000).build());
             SmtpTestClient c = SmtpTestClient.connect(limited.host(), limited.port())) {
            c.expect(220);

            SmtpTestClient.Response ehlo = c.command("EHLO client.example");

            assertThat(ehlo.lines()).contains("SIZE 10000").doesNotContain("SIZE");
        }
    }

    @Test
    void multiLineEhloReplyArrivesInOneRead() {
        try (SmtpTestClient c = connect()) {
            c.expect(220);
            c.sendLine("EHLO client.example");

            String firstRead = c.readOnce();

            assertThat(firstRead).as("the whole EHLO reply in the first read (one write on the server side)")
                    .startsWith("250-mx.test").contains("250-PIPELINING\r\n", "250-8BITMIME\r\n")
                    .endsWith("250 DSN\r\n");
        }
    }

    @Test
    void heloIsAnsweredWith250AndAllowsATransaction() {
        try (SmtpTestClient c = connect()) {
            c.expect(220);

            SmtpTestClient.Response helo = c.command("HELO client.example");

            helo.assertCode(250);
            assertThat(helo.lines()).containsExactly("mx.test");
            c.command("MAIL FROM:<a@example.com>").assertReply(250, "2.1.0");
        }
    }

    @Test
    void heloNameIsRecordedInTheEnvelope() {
        try (SmtpTestClient c = connect()) {
            c.expect(220);
            c.command("HELO old.client.example").assertCode(250);

            c.sendMessage("a@example.com", List.of("b@example.com"), "Subject: x\r\n\r\nhi").assertCode(250);

            assertThat(server.mailbox().awaitMessage().envelope().helo()).isEqualTo("old.client.example");
        }
    }

    @Test
    void mailBeforeHeloIsABadSequence() {
        try (SmtpTestClient c = connect()) {
            c.expect(220);

            c.command("MAIL FROM:<a@example.com>").assertReply(503, "5.5.1").assertTextContains("EHLO");
        }
    }

    @Test
    void rcptBeforeMailIsABadSequence() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("RCPT TO:<b@example.com>").assertReply(503, "5.5.1").assertTextContains("MAIL");
        }
    }

    @Test
    void dataBeforeMailIsABadSequence() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("DATA").assertReply(503, "5.5.1").assertTextContains("MAIL");
        }
    }

    @Test
    void dataBeforeRcptIsABadSequence() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);

            c.command("DATA").assertReply(503, "5.5.1").assertTextContains("RCPT");
        }
    }

    @Test
    void nestedMailIsABadSequence() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("MAIL FROM:<a@example.com>").assertCode(250);

            c.command("MAIL FROM:<b@example.com>").assertReply(503, "5.5.1").assertTextContains("nested");
        }
    }

    @Test
    void rsetClearsTheTransaction() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("MAIL FROM:<first@example.com>").assertCode(250);
            c.command("RCPT TO:<dropped@example.com>").assertCode(250);

            c.command("RSET").assertReply(250, "2.0.0");

            c.command("RCPT TO:<b@example.com>").assertReply(503, "5.5.1");
            c.sendMessage("second@example.com", List.of("kept@example.com"), "Subject: x\r\n\r\nhi")
                    .assertCode(250);
            var envelope = server.mailbox().awaitMessage().envelope();
            assertThat(envelope.mailFrom()).isEqualTo("second@example.com");
            assertThat(envelope.recipients()).containsExactly("kept@example.com");
        }
    }

    @Test
    void ehloAgainAlsoClearsTheTransaction() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("MAIL FROM:<first@example.com>").assertCode(250);

            c.command("EHLO client.example").assertCode(250);

            c.command("RCPT TO:<b@example.com>").assertReply(503, "5.5.1");
        }
    }

    @Test
    void noopIsAnsweredWith250AtAnyTime() {
        try (SmtpTestClient c = connect()) {
            c.expect(220);
            c.command("NOOP").assertReply(250, "2.0.0");
            c.command("NOOP with an argument").assertReply(250, "2.0.0");
        }
    }

    @Test
    void vrfyIsAnsweredWith252() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("VRFY ann@example.com").assertReply(252, "2.5.0");
        }
    }

    @Test
    void helpIsAMultiLine214() {
        try (SmtpTestClient c = connect()) {
            c.expect(220);

            SmtpTestClient.Response help = c.command("HELP");

            help.assertReply(214, "2.0.0");
            assertThat(help.lines()).hasSizeGreaterThan(1);
            assertThat(help.lines()).allSatisfy(l -> assertThat(l).startsWith("2.0.0 "));
            assertThat(help.text()).contains("EHLO", "MAIL", "RCPT", "DATA", "QUIT");
        }
    }

    @Test
    void expnIsNotImplemented() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("EXPN staff").assertReply(502, "5.5.1");
        }
    }

    @Test
    void quitIsAnsweredWith221AndTheServerClosesTheConnection() {
        try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
            c.command("QUIT").assertReply(221, "2.0.0");

            c.assertClosedByServer();
        }
    }

    @Test
    void idleSessionGets421AndIsClosed() {
        try (SmtpServer impatient = SmtpServer.start(ServerOptions.builder()
                .idleTimeout(Duration.ofSeconds(1)).build());
             SmtpTestClient c = SmtpTestClient.connectEhlo(impatient.host(), impatient.port())) {
            // when the client says nothing more, the next reply comes unprompted after the idle timeout

            c.read().assertReply(421, "4.4.2");

            c.assertClosedByServer();
        }
    }

    @Test
    void everyReplyButGreetingEhloHeloAnd354CarriesAnEnhancedCode() {
        List<SmtpTestClient.Response> replies = new ArrayList<>();
        try (SmtpTestClient c = connect()) {
            c.expect(220);
            for (String cmd : List.of("MAIL FROM:<a@example.com>", "HELO client.example", "EHLO client.example",
                    "RCPT TO:<b@example.com>", "DATA", "MAIL FROM:<a@example.com>", "MAIL FROM:<a@example.com>",
                    "RCPT TO:<b@example.com>", "RCPT TO:<>", "RCPT TO:b@example.com", "VRFY", "VRFY x", "EXPN x",
                    "HELP", "NOOP", "RSET x", "RSET", "BOGUS", "X".repeat(600), "MAIL FROM:<a@example.com> FOO=1",
                    "MAIL FROM:<a@example.com> SIZE=x", "MAIL FROM:<a@example.com>", "RCPT TO:<c@example.com>",
                    "DATA x")) {
                replies.add(c.command(cmd));
            }
            c.command("DATA").assertCode(354);
            c.send("Subject: x\r\n\r\nhi\r\n.\r\n");
            replies.add(c.read());
            replies.add(c.command("QUIT"));
        }

        assertThat(replies).filteredOn(r -> r.code() != 250 || !r.lines().get(0).startsWith("mx.test"))
                .allSatisfy(r -> {
                    assertThat(r.enhanced()).as("enhanced code of %s", r).isNotNull();
                    assertThat(r.enhanced().charAt(0)).as("class of %s", r).isEqualTo(String.valueOf(r.code())
                            .charAt(0));
                });
        assertThat(replies).extracting(SmtpTestClient.Response::code).contains(250, 252, 214, 221, 500, 501, 502,
                503, 555);
    }
}
