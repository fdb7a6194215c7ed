package dev.letterbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.SmtpTestClient;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A thousand servers, and a thousand extension lifecycles, leave nothing behind: no thread, no descriptor, no
 * temporary file, no deleted-but-open file.
 */
class LeakTest {
    private static final String RUN_FIXTURE = "letterbox.test.leakFixture";

    private static void cycle(int times) {
        for (int i = 0; i < times; i++) {
            // a spill threshold of 1 KiB: every message is a temporary file, parsed, then released
            try (SmtpServer server = SmtpServer.start(ServerOptions.builder().spillThreshold(1024).build());
                 SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
                c.sendMessage("a@example.com", List.of("b@example.com"), "Subject: cycle " + i + "\r\n\r\n"
                        + "x".repeat(2048)).assertCode(250);
                assertThat(server.mailbox().awaitMessage().subject()).isEqualTo("cycle " + i);
            }
        }
    }

    @Test
    void thousandStartSendStopCyclesLeaveNoThreadDescriptorOrTemporaryFile() throws IOException {
        OpenFiles.assumeListable();
        cycle(20); // warm-up: classes and lazily opened jars are not leaks
        int fds = descriptorCount();
        Set<Path> temps = temporaryFiles();

        cycle(1000);

        assertThat(letterboxThreads()).isEmpty();
        assertThat(OpenFiles.captureOrDeleted()).isEmpty();
        assertThat(descriptorCount()).as("open descriptors after 1000 cycles").isLessThanOrEqualTo(fds + 5);
        assertThat(newSince(temps)).as("temporary files left").isEmpty();
    }

    /** Runs only inside {@link #thousandExtensionLifecyclesLeaveNothingBehind()}, not on its own. */
    static final class OnlyFromLeakTest implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(RUN_FIXTURE).isPresent()
                    ? ConditionEvaluationResult.enabled("run by LeakTest")
                    : ConditionEvaluationResult.disabled("a fixture of LeakTest");
        }
    }

    @CaptureMail(spillThreshold = 1024)
    @ExtendWith(OnlyFromLeakTest.class)
    static class ThousandTests {
        @RepeatedTest(1000)
        void sendsOneMessage(Mailbox mailbox) throws Exception {
            MimeMessage m = new MimeMessage(mailbox.session());
            m.setFrom(new InternetAddress("a@example.com"));
            m.setRecipients(MimeMessage.RecipientType.TO, "b@example.com");
            m.setSubject("lifecycle");
            m.setText("y".repeat(2048));
            Transport.send(m);
            assertThat(mailbox.awaitMessage().subject()).isEqualTo("lifecycle");
        }
    }

    @Test
    void thousandExtensionLifecyclesLeaveNothingBehind() throws IOException {
        OpenFiles.assumeListable();
        int fds = descriptorCount();
        Set<Path> temps = temporaryFiles();

        var results = EngineTestKit.engine("junit-jupiter").configurationParameter(RUN_FIXTURE, "true")
                .selectors(selectClass(ThousandTests.class)).execute();

        results.testEvents().assertStatistics(s -> s.succeeded(1000).failed(0));
        assertThat(letterboxThreads()).isEmpty();
        assertThat(OpenFiles.captureOrDeleted()).isEmpty();
        assertThat(descriptorCount()).as("open descriptors after 1000 tests").isLessThanOrEqualTo(fds + 5);
        assertThat(newSince(temps)).as("temporary files left").isEmpty();
    }

    /**
     * The letterbox temporary files now there that were not before. The Maven build gives the test JVM a temporary
     * directory of its own ({@code target/tmp}, see the pom), so no other JVM makes such files meanwhile; run from an
     * IDE, the directory may be shared, and only files made during the test can count.
     */
    private static Set<Path> newSince(Set<Path> before) throws IOException {
        Set<Path> now = temporaryFiles();
        now.removeAll(before);
        return now;
    }

    private static List<String> letterboxThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("letterbox-smtp-")).collect(Collectors.toList());
    }

    private static int descriptorCount() throws IOException {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            int n = 0;
            for (Path ignored : fds) {
                n++;
            }
            return n;
        }
    }

    private static Set<Path> temporaryFiles() throws IOException {
        Set<Path> out = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")),
                "letterbox-*")) {
            files.forEach(out::add);
        }
        return out;
    }
}
