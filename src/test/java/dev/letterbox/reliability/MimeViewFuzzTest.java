package dev.letterbox.reliability;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Smtp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the MIME view: arbitrary octets are delivered as a message (line ends as sent) and every accessor of the
 * captured message and its parts is called, as {@link MalformedMailTest} does for its corpus; an undocumented
 * exception is a finding. In the normal build the inputs under
 * {@code src/test/resources/dev/letterbox/reliability/MimeViewFuzzTestInputs/} run as regression tests; with
 * {@code JAZZER_FUZZ=1} Jazzer mutates them (see the README, Reliability) and a finding is saved there as a new
 * input.
 */
class MimeViewFuzzTest {
    private static SmtpServer server;

    @TempDir
    static Path scratch;

    @BeforeAll
    static void start() {
        server = SmtpServer.start(ServerOptions.builder().lenientLineEndings(true).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @FuzzTest(maxDuration = "10m")
    void everyAccessorOnArbitraryOctets(byte[] octets) {
        ReceivedMessage m;
        // the delivery is the test's own connection to its server, not a request the code under test makes
        try (SilentCloseable allowed = BugDetectors.allowNetworkConnections(
                (host, port) -> port.intValue() == server.port())) {
            m = Smtp.deliver(server, "a@example.com", List.of("b@example.com"), octets);
        }
        try {
            List<String> violations = EveryAccessor.violationsOf(m, scratch);
            if (!violations.isEmpty()) {
                throw new AssertionError("undocumented exceptions: " + violations);
            }
        } finally {
            server.mailbox().clear();
        }
    }
}
