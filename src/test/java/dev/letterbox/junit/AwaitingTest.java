package dev.letterbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.SmtpServer;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class AwaitingTest {

    @Fixture
    @CaptureMail(awaitTimeout = "200ms")
    static class TimeoutFixture {
        @Test
        void waitsForTwoButOneArrives(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "Welcome, Ann");

            mailbox.awaitMessages(2);
        }
    }

    @Test
    void timeoutFailureUsesTheConfiguredTimeoutAndListsWhatArrived() {
        EngineExecutionResults results = TestKit.run(TimeoutFixture.class);

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(TestKit.failureMessages(results)).singleElement().asString()
                .startsWith("AssertionError: Timed out after 200 ms waiting for 2 messages")
                .contains("received 1:")
                .contains("\n  [0] from=<shop@example.com> to=[ann@example.com] From: shop@example.com"
                        + " Subject: Welcome, Ann");
    }

    @Fixture
    @CaptureMail
    static class AsyncSenderFixture {
        @Test
        void awaitsMailSentFromAnotherThread(Mailbox mailbox, Session session) {
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                Mails.send(session, "ann@example.com", "first");
                Mails.send(session, "ann@example.com", "second");
            });

            assertThat(mailbox.awaitMessage().subject()).isEqualTo("first");
            assertThat(mailbox.awaitMessage().subject()).isEqualTo("second");
            sending.join();
            mailbox.awaitNoMoreMessages(Duration.ofMillis(50));
        }

        @Test
        void awaitMessagesCountsAsAwaited(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "first");
            Mails.send(session, "bob@example.com", "second");

            assertThat(mailbox.awaitMessages(2)).hasSize(2);
            mailbox.awaitNoMoreMessages(Duration.ZERO);
        }

        @Test
        void noMoreMessagesFailsForAMessageBeyondTheAwaitedOnes(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "expected");
            Mails.send(session, "ann@example.com", "unexpected");
            mailbox.awaitMessages(2);
            mailbox.clear();
            Mails.send(session, "ann@example.com", "expected");
            Mails.send(session, "ann@example.com", "unexpected");
            mailbox.awaitMessage();

            assertThatThrownBy(() -> mailbox.awaitNoMoreMessages(Duration.ofSeconds(30)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expected no more messages at " + mailbox.host() + ":" + mailbox.port()
                            + " than the 1 awaited, but 1 more arrived (quiet period 30 s); received 2:")
                    .hasMessageContaining("Subject: expected")
                    .hasMessageContaining("\n  [1] from=<shop@example.com> to=[ann@example.com] From: shop@example.com"
                            + " Subject: unexpected");
        }

        @Test
        void noMoreMessagesFailsAsSoonAsOneArrivesDuringTheQuietPeriod(Mailbox mailbox, Session session) {
            CompletableFuture<Void> late = CompletableFuture.runAsync(
                    () -> Mails.send(session, "ann@example.com", "late"));

            assertThatThrownBy(() -> mailbox.awaitNoMoreMessages(Duration.ofMinutes(1)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("than the 0 awaited, but 1 more arrived")
                    .hasMessageContaining("Subject: late");
            late.join();
        }
    }

    @Test
    void awaitingFollowsTheAwaitedCountAndNoMoreMessagesChecksAgainstIt() {
        TestKit.run(AsyncSenderFixture.class).testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
    }

    @Test
    void awaitTimeoutNamesTheMissingMessageByTheIndexThatDescribeAndMessagesUse() {
        try (SmtpServer server = SmtpServer.start()) {
            Mailbox mailbox = server.mailbox();
            Mails.send(mailbox.session(), "ann@example.com", "first");
            mailbox.awaitMessage();

            assertThatThrownBy(() -> mailbox.awaitMessage(Duration.ofMillis(50)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("Timed out after 50 ms waiting for message [1] at " + mailbox.host() + ":"
                            + mailbox.port() + "; received 1:\n" + mailbox.describe());
            assertThat(mailbox.describe()).isEqualTo("  [0] from=<shop@example.com> to=[ann@example.com] From:"
                    + " shop@example.com Subject: first (" + mailbox.messages().get(0).size() + " octets)");
        }
    }
}
