package dev.letterbox.internal.diagnostics;

import static dev.letterbox.testing.Smtp.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpStage;
import dev.letterbox.testing.SmtpTestClient;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureReportTest {

    @Test
    void writesEachMessageAsEmlAndASummary(@TempDir Path root) throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            ReceivedMessage first = deliver(server, "shop@example.com", List.of("ann@example.com"), Corpus.RELATED);
            ReceivedMessage second = deliver(server, "billing@example.com", List.of("ann@example.com"),
                    Corpus.ATTACHMENTS);
            Path dir = FailureReport.directoryFor(root, "com.example.WelcomeMailTest", "sends welcome/1");

            List<Path> written = FailureReport.write(dir, List.of(first, second), List.of());

            assertThat(dir).isEqualTo(root.resolve("com.example.WelcomeMailTest").resolve("sends_welcome_1"));
            assertThat(FailureReport.directoryFor(root, "T", "sends(String[],int)").getFileName())
                    .hasToString("sends(String[],int)"); // an overloaded test method's name is kept as it is
            assertThat(written).startsWith(dir.resolve("summary.txt"), dir.resolve("00.eml"), dir.resolve("01.eml"),
                    dir.resolve("index.html"));
            assertThat(Files.readAllBytes(dir.resolve("00.eml"))).isEqualTo(first.raw());
            assertThat(Files.readAllBytes(dir.resolve("01.eml"))).isEqualTo(second.raw());
            assertThat(Files.readString(dir.resolve("summary.txt")))
                    .startsWith("2 messages captured\n\n[0] 00.eml\n  Envelope: MAIL FROM:<shop@example.com>")
                    .contains("  Subject: Your order\n  Structure:\n    multipart/alternative\n")
                    .contains("\n[1] 01.eml\n")
                    .contains("      application/pdf, base64, attachment, \"Rechnung März.pdf\"");
        }
    }

    @Test
    void rewritingTheSameDirectoryRemovesStaleMessages(@TempDir Path root) throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            ReceivedMessage a = deliver(server, "a@example.com", List.of("ann@example.com"), Corpus.PLAIN);
            ReceivedMessage b = deliver(server, "b@example.com", List.of("ann@example.com"), Corpus.PLAIN);
            Path dir = root.resolve("T").resolve("m");
            FailureReport.write(dir, List.of(a, b), server.mailbox().transcripts());

            List<Path> written = FailureReport.write(dir, List.of(b), List.of());

            assertThat(written).containsExactly(dir.resolve("summary.txt"), dir.resolve("00.eml"),
                    dir.resolve("index.html"));
            assertThat(dir.resolve("01.eml")).doesNotExist();
            assertThat(dir.resolve("transcripts.txt")).doesNotExist();
            assertThat(Files.readAllBytes(dir.resolve("00.eml"))).isEqualTo(b.raw());
        }
    }

    @Test
    void transcriptsOfEverySessionAreWrittenBesideTheMessages(@TempDir Path root) throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            server.mailbox().on(SmtpStage.RCPT).reply(550, "5.1.1 No such user");
            try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
                c.command("MAIL FROM:<a@example.com>").assertCode(250);
                c.command("RCPT TO:<nobody@example.com>").assertCode(550);
            }
            Path dir = root.resolve("T").resolve("m");

            List<Path> written = FailureReport.write(dir, List.of(), server.mailbox().transcripts());

            assertThat(written).containsExactly(dir.resolve("summary.txt"), dir.resolve("transcripts.txt"),
                    dir.resolve("index.html"));
            assertThat(Files.readString(dir.resolve("transcripts.txt"))).startsWith("Session 1 with 127.0.0.1:")
                    .contains("C: RCPT TO:<nobody@example.com>", "S: 550 5.1.1 No such user");
        }
    }

    @Test
    void emptyMailboxYieldsASummaryAndAPageSayingSo(@TempDir Path root) throws Exception {
        List<Path> written = FailureReport.write(root.resolve("x"), List.of(), List.of());

        assertThat(written).containsExactly(root.resolve("x").resolve("summary.txt"),
                root.resolve("x").resolve("index.html"));
        assertThat(Files.readString(written.get(0))).isEqualTo("0 messages captured\n");
        assertThat(Files.readString(written.get(1))).contains("<h1>0 messages captured</h1>");
    }

    @Test
    void rewritingTheSameDirectoryRemovesTheStaleFilesOfTheHtmlReport(@TempDir Path root) throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            ReceivedMessage related = deliver(server, "a@example.com", List.of("ann@example.com"), Corpus.RELATED);
            ReceivedMessage plain = deliver(server, "b@example.com", List.of("ann@example.com"), Corpus.PLAIN);
            Path dir = root.resolve("T").resolve("m");
            FailureReport.write(dir, List.of(related), List.of());
            Files.writeString(dir.resolve("notes.txt"), "the user's own file");

            FailureReport.write(dir, List.of(plain), List.of());

            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("summary.txt", "00.eml", "index.html", "notes.txt");
            }
        }
    }

    @Test
    void clearingRemovesTheHtmlReportAndTheDirectory(@TempDir Path root) throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            ReceivedMessage related = deliver(server, "a@example.com", List.of("ann@example.com"), Corpus.RELATED);
            Path dir = root.resolve("T").resolve("m");
            FailureReport.write(dir, List.of(related), server.mailbox().transcripts());

            FailureReport.clear(dir);

            assertThat(dir).doesNotExist();
        }
    }
}
