package dev.letterbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.SmtpServer;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.wiser.Wiser;
import org.subethamail.wiser.WiserMessage;

/**
 * The test classes of the user-facing scenario: 200 tests, each with a fresh server from its library's JUnit
 * integration, sending two mails through Jakarta Mail and asserting on them. Run by {@link JUnitScenario} through the
 * JUnit Platform launcher, never by Surefire (the class names do not match its patterns).
 */
final class UserTests {
    static final int TESTS = 200;
    static final String METHOD = "sendsTwoMailsAndAssertsOnThem";

    private UserTests() {
    }

    static void sendTwo(int port) throws Exception {
        Session session = Mails.session(port);
        Transport.send(Mails.text(session, 600, "Welcome, Ann"));
        Transport.send(Mails.text(session, 600, "Your receipt"));
    }

    /** Floor: the counting sink started and stopped around each test; it can only count. */
    static class Floor {
        private CountingSink sink;

        @BeforeEach
        void start() throws Exception {
            sink = CountingSink.start();
        }

        @AfterEach
        void stop() throws Exception {
            sink.close();
        }

        @RepeatedTest(TESTS)
        void sendsTwoMailsAndAssertsOnThem() throws Exception {
            sendTwo(sink.port());
            assertThat(sink.messages()).isEqualTo(2);
        }
    }

    /** Letterbox through its JUnit extension: a fresh server per test (the default lifecycle), as its users write. */
    @CaptureMail
    static class Letterbox {
        @RepeatedTest(TESTS)
        void sendsTwoMailsAndAssertsOnThem(Mailbox mailbox) throws Exception {
            sendTwo(mailbox.port());
            assertThat(mailbox.awaitMessages(2)).extracting(ReceivedMessage::subject)
                    .containsExactly("Welcome, Ann", "Your receipt");
        }
    }

    /**
     * The floor with Letterbox's extension around it, one server for the class: what the extension itself costs per
     * test (finding its declaration, clearing the mailbox, resolving the parameter), without a server per test.
     */
    @CaptureMail(lifecycle = CaptureMail.Lifecycle.PER_CLASS)
    static class FloorWithExtension extends Floor {
        private Mailbox mailbox;

        @Override
        @RepeatedTest(TESTS)
        void sendsTwoMailsAndAssertsOnThem() throws Exception {
            super.sendsTwoMailsAndAssertsOnThem();
        }

        @BeforeEach
        void injected(Mailbox injected) {
            mailbox = injected;
        }
    }

    /** An empty test and no extension: JUnit's own cost of a test, the base of {@link EmptyWithExtension}. */
    static class Empty {
        @RepeatedTest(TESTS)
        void sendsTwoMailsAndAssertsOnThem() {
        }
    }

    /**
     * An empty test that takes the {@code Mailbox} of a per-class server: minus {@link Empty}, the extension's own
     * per-test work (finding its declaration, clearing the mailbox, the report and snapshot context, resolving the
     * parameter) without the sends whose noise hides it in {@link FloorWithExtension}.
     */
    @CaptureMail(lifecycle = CaptureMail.Lifecycle.PER_CLASS)
    static class EmptyWithExtension {
        @RepeatedTest(TESTS)
        void sendsTwoMailsAndAssertsOnThem(Mailbox mailbox) {
            java.util.Objects.requireNonNull(mailbox);
        }
    }

    /**
     * Letterbox without its extension: the server started and closed around each test as Wiser is, every step timed
     * into {@link Breakdown}, so the per-test time splits into server start, sends, delivery, parse, assertions and
     * close (the extension's share is the difference to {@link Letterbox}).
     */
    static class LetterboxTimed {
        private SmtpServer server;

        @BeforeEach
        void start() {
            long t0 = System.nanoTime();
            server = SmtpServer.start();
            Breakdown.add(Breakdown.START, System.nanoTime() - t0);
        }

        @AfterEach
        void stop() {
            long t0 = System.nanoTime();
            server.close();
            Breakdown.add(Breakdown.CLOSE, System.nanoTime() - t0);
        }

        @RepeatedTest(TESTS)
        void sendsTwoMailsAndAssertsOnThem() throws Exception {
            long t0 = System.nanoTime();
            sendTwo(server.port());
            long t1 = System.nanoTime();
            List<ReceivedMessage> got = server.mailbox().awaitMessages(2);
            long t2 = System.nanoTime();
            List<String> subjects = List.of(got.get(0).subject(), got.get(1).subject());
            long t3 = System.nanoTime();
            assertThat(subjects).containsExactly("Welcome, Ann", "Your receipt");
            long t4 = System.nanoTime();
            Breakdown.add(Breakdown.SENDS, t1 - t0);
            Breakdown.add(Breakdown.DELIVERY, t2 - t1);
            Breakdown.add(Breakdown.PARSE, t3 - t2);
            Breakdown.add(Breakdown.ASSERT, t4 - t3);
        }
    }

    /** GreenMail through its JUnit 5 extension (per-method lifecycle, its default). */
    static class GreenMail {
        @RegisterExtension
        static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

        @RepeatedTest(TESTS)
        void sendsTwoMailsAndAssertsOnThem() throws Exception {
            sendTwo(GREEN_MAIL.getSmtp().getPort());
            assertThat(GREEN_MAIL.waitForIncomingEmail(10_000, 2)).isTrue();
            assertThat(GREEN_MAIL.getReceivedMessages()).extracting(MimeMessage::getSubject)
                    .containsExactly("Welcome, Ann", "Your receipt");
        }
    }

    /** Wiser has no JUnit integration: started and stopped in before/after each, as its users do. */
    static class WiserTests {
        private Wiser wiser;

        @BeforeEach
        void start() {
            wiser = Wiser.create(SMTPServer.port(0));
            wiser.start();
        }

        @AfterEach
        void stop() {
            wiser.stop();
        }

        @RepeatedTest(TESTS)
        void sendsTwoMailsAndAssertsOnThem() throws Exception {
            sendTwo(wiser.getServer().getPortAllocated());
            List<WiserMessage> got = wiser.getMessages();
            assertThat(got).hasSize(2);
            assertThat(got.get(0).getMimeMessage().getSubject()).isEqualTo("Welcome, Ann");
            assertThat(got.get(1).getMimeMessage().getSubject()).isEqualTo("Your receipt");
        }
    }
}
