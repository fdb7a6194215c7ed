package dev.letterbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Mailbox;
import dev.letterbox.assertj.LetterboxAssertions;
import dev.letterbox.junit.Fixture;
import dev.letterbox.spring.app.MailApp;
import dev.letterbox.spring.app.Notifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code matchesSnapshot()} finds its file in a {@code @SpringCaptureMail} test as in a {@code @CaptureMail} one. */
class SnapshotTest {
    @TempDir
    Path snapshots;

    @Fixture
    @SpringBootTest(classes = MailApp.class)
    @SpringCaptureMail
    static class SnapshotIT {
        @Autowired
        Mailbox mailbox;

        @Test
        void notifies(@Autowired Notifier notifier) {
            notifier.send("ann@example.com", "Shipped");
            LetterboxAssertions.assertThat(mailbox.awaitMessage()).matchesSnapshot();
        }

        @Test
        void notifiesTwice(@Autowired Notifier notifier) {
            notifier.send("bob@example.com", "Shipped");
            LetterboxAssertions.assertThat(mailbox.awaitMessage()).matchesSnapshot("bob");
        }
    }

    @AfterEach
    void closeContexts() {
        SpringTestKit.closeCachedContexts(SnapshotIT.class);
    }

    @Test
    void eachSpringTestGetsItsOwnSnapshotFile() throws Exception {
        EngineExecutionResults results = SpringTestKit.run(
                Map.of("letterbox.snapshots.directory", snapshots.toString()), SnapshotIT.class);

        Path dir = snapshots.resolve(SnapshotIT.class.getName());
        assertThat(SpringTestKit.failureMessages(results)).hasSize(2)
                .allSatisfy(m -> assertThat(m).contains("but there was no snapshot yet"));
        assertThat(Files.readString(dir.resolve("notifies.eml.txt"))).contains("RCPT TO:<ann@example.com>\n")
                .contains("Subject: Shipped\n");
        assertThat(Files.readString(dir.resolve("notifiesTwice-bob.eml.txt"))).contains("RCPT TO:<bob@example.com>\n");
    }
}
