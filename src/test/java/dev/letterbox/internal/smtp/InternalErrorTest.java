package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Envelope;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpEffect;
import dev.letterbox.SmtpStage;
import dev.letterbox.Transcript;
import dev.letterbox.internal.store.RawContent;
import dev.letterbox.testing.SmtpTestClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A bug of ours inside a session (here: a session host that throws once, at a chosen stage) costs only that
 * connection: the client gets {@code 421 4.3.0} without a stack trace, the cause is in the session's transcript, and
 * the listener goes on serving.
 */
class InternalErrorTest {

    /** A host that throws an {@link IllegalStateException} the first time a session reaches {@code stage}. */
    private static final class FailingOnceHost implements SessionHost {
        final List<SessionRecord> records = new CopyOnWriteArrayList<>();
        final List<Envelope> delivered = new CopyOnWriteArrayList<>();
        private final SmtpStage stage;
        private final AtomicInteger failures = new AtomicInteger();

        FailingOnceHost(SmtpStage stage) {
            this.stage = stage;
        }

        @Override
        public SessionRecord open(String client) {
            SessionRecord r = new SessionRecord(records.size() + 1, client);
            records.add(r);
            return r;
        }

        @Override
        public SmtpEffect scripted(SmtpStage at, String subject, SessionRecord session) {
            if (at == stage && failures.getAndIncrement() == 0) {
                throw new IllegalStateException("a bug in the script at " + at);
            }
            return null;
        }

        @Override
        public void deliver(Envelope envelope, RawContent content, SessionRecord session) {
            delivered.add(envelope);
        }
    }

    private static List<String> lines(SessionRecord r) {
        return r.snapshot(Integer.MAX_VALUE).lines().stream().map(Transcript.Line::text).toList();
    }

    @Test
    void runtimeExceptionInASessionIsAnswered421AndTheNextClientIsServed() {
        FailingOnceHost host = new FailingOnceHost(SmtpStage.MAIL);
        SmtpListener listener = SmtpListener.start(ServerOptions.defaults(), host);
        try {
            try (SmtpTestClient c = SmtpTestClient.connectEhlo("127.0.0.1", listener.port())) {
                SmtpTestClient.Response reply = c.command("MAIL FROM:<a@example.com>");

                reply.assertReply(421, "4.3.0").assertTextContains("Internal server error");
                assertThat(reply.raw()).doesNotContain("Exception").doesNotContain("\tat ");
                c.assertClosedByServer();
            }
            try (SmtpTestClient next = SmtpTestClient.connectEhlo("127.0.0.1", listener.port())) {
                next.sendMessage("a@example.com", List.of("b@example.com"), "Subject: next\r\n\r\nok")
                        .assertReply(250, "2.0.0");
            }
            assertThat(host.delivered).hasSize(1);
            assertThat(listener.failure()).as("the listener's failure").isNull();
            assertThat(lines(host.records.get(0))).anySatisfy(line -> assertThat(line)
                    .startsWith("internal error, connection closed: java.lang.IllegalStateException: a bug in the"
                            + " script at MAIL at dev.letterbox.internal.smtp.InternalErrorTest$FailingOnceHost"));
        } finally {
            listener.close();
        }
    }

    @Test
    void runtimeExceptionBeforeTheGreetingIsAnswered421() {
        FailingOnceHost host = new FailingOnceHost(SmtpStage.CONNECT);
        SmtpListener listener = SmtpListener.start(ServerOptions.defaults(), host);
        try {
            try (SmtpTestClient c = SmtpTestClient.connect("127.0.0.1", listener.port())) {
                c.read().assertReply(421, "4.3.0");
                c.assertClosedByServer();
            }
            try (SmtpTestClient next = SmtpTestClient.connectEhlo("127.0.0.1", listener.port())) {
                next.command("NOOP").assertReply(250, "2.0.0");
            }
        } finally {
            listener.close();
        }
    }
}
