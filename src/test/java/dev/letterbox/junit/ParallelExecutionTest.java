package dev.letterbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** 200 tests with their own server each, run concurrently: no cross-talk, and nothing left behind. */
class ParallelExecutionTest {
    private static final Map<String, String> CONCURRENT = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    @Fixture
    @CaptureMail
    static class TwoHundredSendersFixture {
        @RepeatedTest(200)
        void eachTestSeesExactlyItsOwnMail(Mailbox mailbox, Session session, RepetitionInfo repetition,
                TestReporter reporter) {
            String recipient = "user" + repetition.getCurrentRepetition() + "@example.com";
            String subject = "mail " + repetition.getCurrentRepetition() + " " + UUID.randomUUID();

            Mails.send(session, recipient, subject);

            ReceivedMessage received = mailbox.awaitMessage();
            mailbox.awaitNoMoreMessages(Duration.ZERO);
            assertThat(received.subject()).isEqualTo(subject);
            assertThat(received.envelope().recipients()).containsExactly(recipient);
            assertThat(mailbox.messages()).containsExactly(received);
            reporter.publishEntry("port", String.valueOf(mailbox.port()));
        }
    }

    @Test
    void twoHundredConcurrentTestsEachSeeOnlyTheirOwnMailRepeatedly() throws IOException {
        for (int run = 1; run <= 3; run++) {
            EngineExecutionResults results = TestKit.run(TwoHundredSendersFixture.class, CONCURRENT);

            results.testEvents().assertStatistics(s -> s.started(200).succeeded(200).failed(0));
            List<String> ports = TestKit.reported(results, "port");
            assertThat(ports).as("run %d: every test reported its port", run).hasSize(200);
            assertNothingLeftBehind(ports);
        }
    }

    @Test
    void afterAPerClassFixtureFinishesNoServerThreadIsAliveAndNoPortIsHeld() throws IOException {
        EngineExecutionResults results = TestKit.run(LifecycleTest.PerClassFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
        List<String> ports = TestKit.reported(results, "port");
        ports.addAll(TestKit.reported(results, "own"));
        assertThat(ports).hasSize(4);
        assertNothingLeftBehind(ports);
    }

    private static void assertNothingLeftBehind(Collection<String> ports) throws IOException {
        Set<String> prefixes = ports.stream().map(p -> "letterbox-smtp-" + p + "-")
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> alive = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> prefixes.stream().anyMatch(name::startsWith))
                .collect(Collectors.toList());
        assertThat(alive).as("server threads still alive").isEmpty();
        for (String port : new TreeSet<>(ports)) {
            try (ServerSocket socket = new ServerSocket(Integer.parseInt(port), 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(Integer.parseInt(port));
            }
        }
    }
}
