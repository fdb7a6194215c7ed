package dev.letterbox.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The process runner the interop tests use: what a failing, hanging or missing client tells the test author. */
class ClientProcessTest {

    @Test
    void failedClientIsReportedWithItsExitCodeAndStderr() {
        ClientProcess.Outcome outcome = ClientProcess.run(List.of("sh", "-c", "echo 'relay refused us' >&2; exit 3"));

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThatThrownBy(outcome::succeeded)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("exit code 3")
                .hasMessageContaining("relay refused us");
    }

    @Test
    void clientReadsItsStandardInputFromTheGivenFile(@TempDir Path dir) throws IOException {
        Path stdin = Files.writeString(dir.resolve("in.txt"), "Subject: hi\n");

        ClientProcess.Outcome outcome = ClientProcess.run(stdin, List.of("cat")).succeeded();

        assertThat(outcome.stdout()).isEqualTo("Subject: hi\n");
    }

    @Test
    void clientThatOutlivesItsTimeoutIsKilledAndItsStderrQuoted() {
        List<String> hanging = List.of("sh", "-c", "echo 'waiting for 354' >&2; exec sleep 60");

        assertThatThrownBy(() -> ClientProcess.run(Duration.ofSeconds(2), null, hanging))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not end within 2000 ms and was killed")
                .hasMessageContaining("waiting for 354");
    }

    @Test
    void missingClientSkipsTheTestNamingTheInstallCommand() {
        assertThatThrownBy(() -> ClientProcess.assumeInstalled("no-such-smtp-client", "no-such-package"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no-such-smtp-client is not installed")
                .hasMessageContaining("apt-get install -y no-such-package");
    }
}
