package dev.letterbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.letterbox.CaptureMail;
import dev.letterbox.LetterboxExtension;
import dev.letterbox.Mailbox;
import dev.letterbox.ReportMode;
import dev.letterbox.assertj.LetterboxAssertions;
import jakarta.mail.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class DiagnosticsTest {

    @Fixture
    @CaptureMail
    static class FailingAndPassingFixture {
        @Test
        void failsAfterSendingTwo(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "Welcome, Ann");
            Mails.send(session, "bob@example.com", "Welcome, Bob");
            mailbox.awaitMessages(2);
            fail("the subject was wrong");
        }

        @Test
        void passesAfterSendingOne(Mailbox mailbox, Session session) {
            Mails.send(session, "cy@example.com", "Welcome, Cy");
            assertThat(mailbox.awaitMessage().subject()).isEqualTo("Welcome, Cy");
        }

        @RepeatedTest(2)
        void repeatedFailure(Mailbox mailbox, Session session) {
            Mails.send(session, "dee@example.com", "Repeat");
            mailbox.awaitMessage();
            fail("always");
        }
    }

    @Fixture
    @CaptureMail
    static class FailureTextFixture {
        @Test
        void assertionOnTheMessageFails(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "Welcome, Ann");
            LetterboxAssertions.assertThat(mailbox.awaitMessage()).hasSubject("Welcome, Bob");
        }

        @Test
        void awaitTimesOut(Mailbox mailbox) {
            mailbox.awaitMessage(java.time.Duration.ofMillis(50));
        }

        @Test
        void mailboxAssertionFails(Mailbox mailbox) {
            LetterboxAssertions.assertThat(mailbox).hasMessageCount(1);
        }
    }

    @Test
    void failureTextNamesTheReportPageInOneLine(@TempDir Path root) {
        EngineExecutionResults results = TestKit.run(FailureTextFixture.class,
                Map.of("letterbox.diagnostics.directory", root.toString()));

        Path cls = root.resolve(FailureTextFixture.class.getName());
        assertThat(TestKit.failureMessages(results)).hasSize(3).allSatisfy(m -> assertThat(m.lines())
                .filteredOn(line -> line.startsWith("Captured mail: "))
                .singleElement().asString()
                .matches("Captured mail: see " + java.util.regex.Pattern.quote(cls.toUri().toString())
                        + "/?\\w+/index.html \\(written with the .eml files when the test fails\\)"));
        assertThat(TestKit.failureMessages(results)).anySatisfy(m -> assertThat(m)
                .startsWith("AssertionFailedError: ")
                .contains("Captured mail: see " + page(cls.resolve("assertionOnTheMessageFails"))))
                .anySatisfy(m -> assertThat(m).startsWith("AssertionError: Timed out after 50 ms")
                        .endsWith("Captured mail: see " + page(cls.resolve("awaitTimesOut"))
                                + " (written with the .eml files when the test fails)"));
    }

    private static String page(Path directory) {
        return directory.resolve("index.html").toUri().toString();
    }

    @Test
    void failureTextNamesNoDirectoryWhenDiagnosticsAreOff(@TempDir Path root) {
        EngineExecutionResults results = TestKit.run(FailureTextFixture.class, Map.of(
                "letterbox.diagnostics.directory", root.toString(), "letterbox.diagnostics.enabled", "false"));

        assertThat(TestKit.failureMessages(results)).hasSize(3).noneMatch(m -> m.contains("Captured mail:"));
    }

    @Test
    void reportOfAnEarlierFailedRunIsRemovedWhenTheTestStartsAndPasses(@TempDir Path root) throws IOException {
        Path earlier = root.resolve(FailingAndPassingFixture.class.getName()).resolve("passesAfterSendingOne");
        Files.createDirectories(earlier);
        Files.writeString(earlier.resolve("00.eml"), "Subject: from an earlier failed run\r\n\r\n");
        Files.writeString(earlier.resolve("summary.txt"), "1 message captured\n");

        TestKit.run(FailingAndPassingFixture.class, Map.of("letterbox.diagnostics.directory", root.toString()));

        assertThat(earlier).doesNotExist();
    }

    @Test
    void reportEntryCountsOneEmlFileInTheSingular(@TempDir Path root) {
        EngineExecutionResults results = TestKit.run(FailingAndPassingFixture.class,
                Map.of("letterbox.diagnostics.directory", root.toString()));

        assertThat(TestKit.reported(results, "letterbox.capturedMail"))
                .anySatisfy(entry -> assertThat(entry).endsWith("repeatedFailure-1/index.html (index.html with 1 .eml"
                        + " file and summary.txt beside it)"));
    }

    @Test
    void failedTestLeavesEmlFilesAndSummaryAndReportsTheirDirectory(@TempDir Path root) throws IOException {
        EngineExecutionResults results = TestKit.run(FailingAndPassingFixture.class,
                Map.of("letterbox.diagnostics.directory", root.toString()));

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(3));
        Path dir = root.resolve(FailingAndPassingFixture.class.getName())
                .resolve("failsAfterSendingTwo");
        assertThat(dir.resolve("00.eml")).content(StandardCharsets.UTF_8).contains("Subject: Welcome, Ann");
        assertThat(dir.resolve("01.eml")).content(StandardCharsets.UTF_8).contains("Subject: Welcome, Bob");
        assertThat(dir.resolve("summary.txt")).content(StandardCharsets.UTF_8)
                .startsWith("2 messages captured")
                .contains("ann@example.com", "Welcome, Bob");
        assertThat(dir.resolve("index.html")).content(StandardCharsets.UTF_8)
                .contains("<summary>Test failed (AssertionFailedError)</summary><pre>the subject was wrong</pre>")
                .contains("Welcome, Ann", "Welcome, Bob");
        assertThat(TestKit.reported(results, "letterbox.capturedMail"))
                .anySatisfy(entry -> assertThat(entry).startsWith(page(dir) + " (")
                        .contains("2 .eml files"));
    }

    @Test
    void passingTestLeavesNothing(@TempDir Path root) throws IOException {
        TestKit.run(FailingAndPassingFixture.class, Map.of("letterbox.diagnostics.directory", root.toString()));

        try (Stream<Path> dirs = Files.list(root.resolve(FailingAndPassingFixture.class.getName()))) {
            assertThat(dirs.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("failsAfterSendingTwo", "repeatedFailure-1", "repeatedFailure-2");
        }
    }

    @Test
    void eachInvocationOfATemplateGetsItsOwnDirectory(@TempDir Path root) {
        TestKit.run(FailingAndPassingFixture.class, Map.of("letterbox.diagnostics.directory", root.toString()));

        Path cls = root.resolve(FailingAndPassingFixture.class.getName());
        assertThat(cls.resolve("repeatedFailure-1").resolve("00.eml")).exists();
        assertThat(cls.resolve("repeatedFailure-2").resolve("00.eml")).exists();
    }

    @Test
    void diagnosticsCanBeSwitchedOff(@TempDir Path root) {
        EngineExecutionResults results = TestKit.run(FailingAndPassingFixture.class, Map.of(
                "letterbox.diagnostics.directory", root.toString(),
                "letterbox.diagnostics.enabled", "false"));

        results.testEvents().assertStatistics(s -> s.failed(3));
        assertThat(root).isEmptyDirectory();
        assertThat(TestKit.reported(results, "letterbox.capturedMail")).isEmpty();
    }

    @Fixture
    @CaptureMail(report = ReportMode.ALWAYS)
    static class AlwaysFixture {
        @Test
        void passes(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "Welcome, Ann");
            assertThat(mailbox.awaitMessage().subject()).isEqualTo("Welcome, Ann");
        }

        @Test
        void awaitTimesOut(Mailbox mailbox) {
            mailbox.awaitMessage(java.time.Duration.ofMillis(50));
        }
    }

    @Fixture
    static class AlwaysByBuilderFixture {
        @RegisterExtension
        static LetterboxExtension mail = LetterboxExtension.builder().report(ReportMode.ALWAYS).build();

        @Test
        void passes(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "Welcome, Ann");
            mailbox.awaitMessage();
        }
    }

    @Fixture
    @CaptureMail(report = ReportMode.NEVER)
    static class NeverFixture {
        @Test
        void fails(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "Welcome, Ann");
            LetterboxAssertions.assertThat(mailbox.awaitMessage()).hasSubject("Welcome, Bob");
        }
    }

    @Fixture
    @CaptureMail(report = ReportMode.NEVER)
    static class NeverOnClassAlwaysOnMethodFixture {
        @Test
        @CaptureMail(report = ReportMode.ALWAYS)
        void passes(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "Welcome, Ann");
            mailbox.awaitMessage();
        }
    }

    @Fixture
    @CaptureMail(lifecycle = CaptureMail.Lifecycle.PER_CLASS, report = ReportMode.ALWAYS)
    static class AlwaysPerClassFixture {
        @Test
        void first(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "First");
            mailbox.awaitMessage();
        }

        @Test
        void second(Mailbox mailbox, Session session) {
            Mails.send(session, "bob@example.com", "Second");
            mailbox.awaitMessage();
        }
    }

    @Fixture
    @CaptureMail(report = ReportMode.ALWAYS)
    static class AlwaysOverloadedFixture {
        @Test
        void sends(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "Without TestInfo");
            mailbox.awaitMessage();
        }

        @Test
        void sends(Mailbox mailbox, Session session, org.junit.jupiter.api.TestInfo info) {
            Mails.send(session, "bob@example.com", "With TestInfo");
            mailbox.awaitMessage();
        }
    }

    @Test
    void overloadedTestMethodsHaveTheirOwnReportDirectoriesNamedByTheirParameterTypes(@TempDir Path root) {
        TestKit.run(AlwaysOverloadedFixture.class, Map.of("letterbox.diagnostics.directory", root.toString()));

        Path cls = root.resolve(AlwaysOverloadedFixture.class.getName());
        assertThat(cls.resolve("sends(Mailbox,Session)").resolve("index.html")).content(StandardCharsets.UTF_8)
                .contains("<h1>1 message captured</h1>", "Without TestInfo").doesNotContain("With TestInfo");
        assertThat(cls.resolve("sends(Mailbox,Session,TestInfo)").resolve("index.html"))
                .content(StandardCharsets.UTF_8).contains("<h1>1 message captured</h1>", "With TestInfo")
                .doesNotContain("Without TestInfo");
    }

    @Test
    void alwaysWithOneServerPerClassWritesEachTestsOwnMail(@TempDir Path root) {
        TestKit.run(AlwaysPerClassFixture.class, Map.of("letterbox.diagnostics.directory", root.toString()));

        Path cls = root.resolve(AlwaysPerClassFixture.class.getName());
        assertThat(cls.resolve("first").resolve("index.html")).content(StandardCharsets.UTF_8)
                .contains("<h1>1 message captured</h1>", "First").doesNotContain("Second");
        assertThat(cls.resolve("second").resolve("index.html")).content(StandardCharsets.UTF_8)
                .contains("<h1>1 message captured</h1>", "Second").doesNotContain("First");
    }

    @Test
    void alwaysWritesTheReportOfAPassingTestToo(@TempDir Path root) {
        EngineExecutionResults results = TestKit.run(AlwaysFixture.class,
                Map.of("letterbox.diagnostics.directory", root.toString()));

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        Path dir = root.resolve(AlwaysFixture.class.getName()).resolve("passes");
        assertThat(dir.resolve("00.eml")).content(StandardCharsets.UTF_8).contains("Subject: Welcome, Ann");
        assertThat(dir.resolve("index.html")).content(StandardCharsets.UTF_8).contains("Welcome, Ann")
                .doesNotContain("Test failed");
        assertThat(TestKit.reported(results, "letterbox.capturedMail"))
                .anySatisfy(entry -> assertThat(entry).startsWith(page(dir) + " (index.html with 1 .eml file"));
    }

    @Test
    void alwaysSaysInTheFailureTextThatTheReportIsWrittenWhenTheTestEnds(@TempDir Path root) {
        EngineExecutionResults results = TestKit.run(AlwaysFixture.class,
                Map.of("letterbox.diagnostics.directory", root.toString()));

        Path dir = root.resolve(AlwaysFixture.class.getName()).resolve("awaitTimesOut");
        assertThat(TestKit.failureMessages(results)).singleElement().asString()
                .endsWith("Captured mail: see " + page(dir) + " (written with the .eml files when the test ends)");
        assertThat(dir.resolve("index.html")).content(StandardCharsets.UTF_8).contains("0 messages captured");
    }

    @Test
    void alwaysCanBeSetOnTheBuilder(@TempDir Path root) {
        TestKit.run(AlwaysByBuilderFixture.class, Map.of("letterbox.diagnostics.directory", root.toString()));

        assertThat(root.resolve(AlwaysByBuilderFixture.class.getName()).resolve("passes").resolve("index.html"))
                .exists();
    }

    @Test
    void neverWritesNothingAndTheFailureTextNamesNoReport(@TempDir Path root) {
        EngineExecutionResults results = TestKit.run(NeverFixture.class,
                Map.of("letterbox.diagnostics.directory", root.toString()));

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(root).isEmptyDirectory();
        assertThat(TestKit.failureMessages(results)).singleElement().asString().doesNotContain("Captured mail");
        assertThat(TestKit.reported(results, "letterbox.capturedMail")).isEmpty();
    }

    @Test
    void theModeOfAMethodsAnnotationWinsOverItsClasss(@TempDir Path root) {
        TestKit.run(NeverOnClassAlwaysOnMethodFixture.class,
                Map.of("letterbox.diagnostics.directory", root.toString()));

        assertThat(root.resolve(NeverOnClassAlwaysOnMethodFixture.class.getName()).resolve("passes")
                .resolve("index.html")).exists();
    }

    @Test
    void switchingDiagnosticsOffWinsOverAlways(@TempDir Path root) {
        EngineExecutionResults results = TestKit.run(AlwaysFixture.class, Map.of(
                "letterbox.diagnostics.directory", root.toString(), "letterbox.diagnostics.enabled", "false"));

        assertThat(root).isEmptyDirectory();
        assertThat(TestKit.reported(results, "letterbox.capturedMail")).isEmpty();
    }
}
