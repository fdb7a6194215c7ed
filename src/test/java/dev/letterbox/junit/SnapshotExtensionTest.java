package dev.letterbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.assertj.LetterboxAssertions;
import dev.letterbox.assertj.LetterboxSoftAssertions;
import dev.letterbox.assertj.SnapshotOptions;
import jakarta.mail.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** What {@code matchesSnapshot()} does in a test run by the extension: files, first run, update mode, diffs. */
class SnapshotExtensionTest {
    @TempDir
    Path snapshots;

    @Fixture
    @CaptureMail
    static class OneSnapshotFixture {
        @Test
        void sendsWelcome(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "Welcome, Ann");
            LetterboxAssertions.assertThat(mailbox.awaitMessage()).matchesSnapshot();
        }
    }

    @Fixture
    @CaptureMail
    static class ManySnapshotsFixture {
        @Test
        void sendsThree(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "One");
            Mails.send(session, "bob@example.com", "Two");
            Mails.send(session, "cy@example.com", "Three");
            List<dev.letterbox.ReceivedMessage> messages = mailbox.awaitMessages(3);
            LetterboxAssertions.assertThat(mailbox.messagesTo("ann@example.com").get(0)).matchesSnapshot();
            LetterboxAssertions.assertThat(mailbox.messagesTo("bob@example.com").get(0)).matchesSnapshot();
            LetterboxAssertions.assertThat(mailbox.messagesTo("cy@example.com").get(0)).matchesSnapshot("third");
            assertThat(messages).hasSize(3);
        }

        @RepeatedTest(2)
        void repeats(Mailbox mailbox, Session session) {
            Mails.send(session, "dee@example.com", "Repeat");
            LetterboxAssertions.assertThat(mailbox.awaitMessage()).matchesSnapshot();
        }
    }

    @Fixture
    @CaptureMail
    static class SoftFixture {
        @Test
        void softly(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "Soft");
            LetterboxSoftAssertions softly = new LetterboxSoftAssertions();
            softly.assertThat(mailbox.awaitMessage()).matchesSnapshot().hasSubject("Not this");
            softly.assertAll();
        }
    }

    @Fixture
    @CaptureMail
    static class OverloadedFixture {
        @Test
        void sends(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "Without TestInfo");
            LetterboxAssertions.assertThat(mailbox.awaitMessage()).matchesSnapshot();
        }

        @Test
        void sends(Mailbox mailbox, Session session, TestInfo info) {
            Mails.send(session, "ann@example.com", "With TestInfo");
            LetterboxAssertions.assertThat(mailbox.awaitMessage()).matchesSnapshot();
        }

        @ParameterizedTest
        @ValueSource(strings = "x")
        void sends(String value, Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "Parameterized " + value);
            LetterboxAssertions.assertThat(mailbox.awaitMessage()).matchesSnapshot();
        }

        @Test
        void welcomes(Mailbox mailbox, Session session) {
            welcomes(session, "Welcome");
            LetterboxAssertions.assertThat(mailbox.awaitMessage()).matchesSnapshot();
        }

        /** Not a test: a helper of the same name does not rename the test's snapshots. */
        void welcomes(Session session, String subject) {
            Mails.send(session, "ann@example.com", subject);
        }
    }

    @Fixture
    @CaptureMail
    static class AttachedMessageFixture {
        @Test
        void forwards(Mailbox mailbox, Session session) throws Exception {
            String raw = "From: shop@example.com\r\nTo: ann@example.com\r\nSubject: Fwd: Order\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                    + "Content-Type: text/plain\r\n\r\nSee below\r\n--b\r\nContent-Type: message/rfc822\r\n\r\n"
                    + "From: orders@example.com\r\nSubject: Order 42\r\n\r\nThe order\r\n--b--\r\n";
            jakarta.mail.Transport.send(new jakarta.mail.internet.MimeMessage(session,
                    new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
            dev.letterbox.ReceivedMessage attached = mailbox.awaitMessage().attachments().get(0).attachedMessage();
            LetterboxAssertions.assertThat(attached).matchesSnapshot("order");
        }
    }

    @Test
    void overloadedTestMethodsHaveTheirOwnSnapshotsNamedByTheirParameterTypes() throws IOException {
        run(OverloadedFixture.class, Map.of());
        EngineExecutionResults second = run(OverloadedFixture.class, Map.of());

        Path dir = snapshots.resolve(OverloadedFixture.class.getName());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "sends(Mailbox,Session).eml.txt", "sends(Mailbox,Session,TestInfo).eml.txt",
                    "sends(String,Mailbox,Session)-1.eml.txt", "welcomes.eml.txt");
        }
        assertThat(Files.readString(dir.resolve("sends(Mailbox,Session).eml.txt"))).contains("Without TestInfo");
        assertThat(Files.readString(dir.resolve("sends(Mailbox,Session,TestInfo).eml.txt"))).contains("With TestInfo");
        assertThat(Files.readString(dir.resolve("sends(String,Mailbox,Session)-1.eml.txt")))
                .contains("Parameterized x");
        second.testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
    }

    @Test
    void anAttachedMessageHasTheSnapshotsOfTheTestThatReceivedTheEnclosingOne() throws IOException {
        EngineExecutionResults first = run(AttachedMessageFixture.class, Map.of());

        Path file = snapshots.resolve(AttachedMessageFixture.class.getName()).resolve("forwards-order.eml.txt");
        assertThat(TestKit.failureMessages(first)).singleElement().asString()
                .contains("but there was no snapshot yet");
        assertThat(Files.readString(file)).contains("Subject: Order 42\n").doesNotContain("Fwd:");
        run(AttachedMessageFixture.class, Map.of()).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void firstRunWritesTheSnapshotAndFailsSayingSoThenTheNextRunPasses() throws IOException {
        EngineExecutionResults first = run(OneSnapshotFixture.class, Map.of());

        Path file = snapshots.resolve(OneSnapshotFixture.class.getName()).resolve("sendsWelcome.eml.txt");
        assertThat(file).exists();
        assertThat(TestKit.failureMessages(first)).singleElement().asString()
                .contains("to match its snapshot:\n  " + file.toAbsolutePath())
                .contains("but there was no snapshot yet, so this message was written there: check the file and"
                        + " commit it; the test passes when run again.");
        assertThat(Files.readString(file)).startsWith("MAIL FROM:<shop@example.com>\nRCPT TO:<ann@example.com>\n\n")
                .contains("Subject: Welcome, Ann\n").contains("Date: <masked>\n").contains("Message-ID: <masked>\n")
                .endsWith("\n\nHello\n");

        EngineExecutionResults second = run(OneSnapshotFixture.class, Map.of());

        second.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void aDifferenceFailsWithAUnifiedDiffAndBothFormsForTheIde() throws IOException {
        run(OneSnapshotFixture.class, Map.of());
        Path file = snapshots.resolve(OneSnapshotFixture.class.getName()).resolve("sendsWelcome.eml.txt");
        String taken = Files.readString(file);
        Files.writeString(file, taken.replace("Subject: Welcome, Ann", "Subject: Welcome, Bob"));

        EngineExecutionResults results = run(OneSnapshotFixture.class, Map.of());

        Throwable failure = failure(results);
        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        assertThat(failure.getMessage())
                .contains("but it differs (- snapshot, + received message):\n  --- snapshot sendsWelcome.eml.txt\n"
                        + "  +++ received message\n  @@ ")
                .contains("\n  -Subject: Welcome, Bob\n  +Subject: Welcome, Ann\n")
                .contains("If the change is intended, rewrite the snapshot: run the test with"
                        + " -Dletterbox.snapshots.update=true (or delete the file), check the new file and commit it.");
        AssertionFailedError ide = (AssertionFailedError) failure;
        assertThat(ide.getExpected().getStringRepresentation()).contains("Subject: Welcome, Bob");
        assertThat(ide.getActual().getStringRepresentation()).isEqualTo(taken);
        assertThat(Files.readString(file)).contains("Welcome, Bob"); // left as it was
    }

    @Test
    void updateModeRewritesADifferingSnapshotAndFailsSayingSo() throws IOException {
        run(OneSnapshotFixture.class, Map.of());
        Path file = snapshots.resolve(OneSnapshotFixture.class.getName()).resolve("sendsWelcome.eml.txt");
        String taken = Files.readString(file);
        Files.writeString(file, taken.replace("Hello", "Hi there"));

        EngineExecutionResults update = run(OneSnapshotFixture.class, Map.of("letterbox.snapshots.update", "true"));

        assertThat(TestKit.failureMessages(update)).singleElement().asString()
                .contains("but it differed, and letterbox.snapshots.update=true rewrote it (- old snapshot, + new):")
                .contains("\n  -Hi there\n  +Hello\n")
                .contains("Check the change and commit it; run without letterbox.snapshots.update=true to compare"
                        + " again.");
        assertThat(Files.readString(file)).isEqualTo(taken);
        run(OneSnapshotFixture.class, Map.of("letterbox.snapshots.update", "true")).testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0)); // nothing to rewrite: it passes
    }

    @Test
    void snapshotsOfOneTestAreNumberedOrNamedAndRepetitionsHaveTheirOwn() throws IOException {
        // each run writes the first missing snapshot of sendsThree and fails there, as a hard assertion does
        run(ManySnapshotsFixture.class, Map.of());
        run(ManySnapshotsFixture.class, Map.of());
        run(ManySnapshotsFixture.class, Map.of());

        Path dir = snapshots.resolve(ManySnapshotsFixture.class.getName());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sendsThree.eml.txt",
                    "sendsThree-2.eml.txt", "sendsThree-third.eml.txt", "repeats-1.eml.txt", "repeats-2.eml.txt");
        }
        assertThat(Files.readString(dir.resolve("sendsThree.eml.txt"))).contains("Subject: One\n");
        assertThat(Files.readString(dir.resolve("sendsThree-2.eml.txt"))).contains("Subject: Two\n");
        assertThat(Files.readString(dir.resolve("sendsThree-third.eml.txt"))).contains("Subject: Three\n");
        run(ManySnapshotsFixture.class, Map.of()).testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
    }

    @Test
    void softAssertionsCollectTheSnapshotFailureWithTheOthers() {
        EngineExecutionResults results = run(SoftFixture.class, Map.of());

        assertThat(TestKit.failureMessages(results)).singleElement().asString()
                .contains("Multiple Failures (2 failures)").contains("but there was no snapshot yet")
                .contains("to have subject:");
        assertThat(snapshots.resolve(SoftFixture.class.getName()).resolve("softly.eml.txt")).exists();
    }

    @Test
    void withoutTheExtensionASnapshotNeedsANameAndADirectory() throws Exception {
        try (SmtpServer server = SmtpServer.start(ServerOptions.defaults())) {
            Mails.send(Session.getInstance(server.mailbox().smtpProperties()), "ann@example.com", "Plain");
            var message = server.mailbox().awaitMessage();

            assertThatThrownBy(() -> LetterboxAssertions.assertThat(message).matchesSnapshot())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("matchesSnapshot() finds its file from the test that runs it, but this message was"
                            + " not received in a test run by the Letterbox extension (@CaptureMail,"
                            + " LetterboxExtension or @SpringCaptureMail); outside one, name the snapshot and its"
                            + " directory: matchesSnapshot(\"welcome\", SnapshotOptions.defaults()"
                            + ".directory(Path.of(\"snapshots\")))");

            SnapshotOptions here = SnapshotOptions.defaults().directory(snapshots);
            assertThatThrownBy(() -> LetterboxAssertions.assertThat(message).matchesSnapshot("plain", here))
                    .hasMessageContaining("but there was no snapshot yet");
            assertThat(Files.readString(snapshots.resolve("plain.eml.txt"), StandardCharsets.UTF_8))
                    .contains("Subject: Plain\n");
            LetterboxAssertions.assertThat(message).matchesSnapshot("plain", here);
        }
    }

    @Test
    void aSnapshotNameMustBeUsableAsAFileName() throws Exception {
        try (SmtpServer server = SmtpServer.start(ServerOptions.defaults())) {
            Mails.send(Session.getInstance(server.mailbox().smtpProperties()), "ann@example.com", "Plain");
            var message = server.mailbox().awaitMessage();

            assertThatThrownBy(() -> LetterboxAssertions.assertThat(message).matchesSnapshot("../up"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a snapshot name becomes part of a file name, so it must start with a letter or"
                            + " digit and contain only letters, digits, '.', '_' and '-', but was \"../up\"; for"
                            + " example \"welcome\" or \"reminder-2\"");
            assertThatThrownBy(() -> LetterboxAssertions.assertThat(message).matchesSnapshot("2"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a snapshot name of digits only (\"2\") would take the file of the n-th snapshot"
                            + " without a name (<test-method>-2.eml.txt); use a word, such as \"reminder-2\"");
        }
    }

    private EngineExecutionResults run(Class<?> fixture, Map<String, String> parameters) {
        Map<String, String> all = new java.util.HashMap<>(parameters);
        all.put("letterbox.snapshots.directory", snapshots.toString());
        return TestKit.run(fixture, all);
    }

    private static Throwable failure(EngineExecutionResults results) {
        return results.testEvents().failed().stream().findFirst()
                .flatMap(e -> e.getPayload(TestExecutionResult.class)).flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
    }
}
