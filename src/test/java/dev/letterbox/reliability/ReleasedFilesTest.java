package dev.letterbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Attachment;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Smtp;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clearing the mailbox or closing the server releases every file descriptor the captured messages hold: the parsed
 * message's shared file, the streams of its parts, and part streams a test opened and never closed. Counted in
 * {@code /proc/self/fd}, without waiting for a garbage collection.
 */
class ReleasedFilesTest {
    private static final int MESSAGES = 5;

    @BeforeEach
    void onLinux() {
        OpenFiles.assumeListable();
    }

    @Test
    void clearClosesTheFilesOfParsedSpilledMessages() throws IOException {
        try (SmtpServer server = spilling()) {
            Set<String> before = OpenFiles.captureOrDeleted();
            List<InputStream> leftOpen = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                ReceivedMessage m = Smtp.deliver(server, "shop@example.com", List.of("ann@example.com"), mail(i));
                readEverything(m, leftOpen);
            }
            assertThat(newSince(before)).as("the spilled messages are open while held").isNotEmpty();

            server.mailbox().clear();

            assertThat(newSince(before)).as("descriptors left open after clear()").isEmpty();
            assertThat(leftOpen).allSatisfy(ReleasedFilesTest::isUnreadable);
        }
    }

    @Test
    void closeClosesTheFilesOfParsedSpilledMessages() {
        Set<String> before = OpenFiles.captureOrDeleted();
        SmtpServer server = spilling();
        try {
            for (int i = 0; i < MESSAGES; i++) {
                readEverything(Smtp.deliver(server, "shop@example.com", List.of("ann@example.com"), mail(i)),
                        new ArrayList<>());
            }
        } finally {
            server.close();
        }

        assertThat(newSince(before)).as("descriptors left open after close()").isEmpty();
    }

    @Test
    void clearClosesTheFilesOfMessagesParsedButNotRead() {
        try (SmtpServer server = spilling()) {
            Set<String> before = OpenFiles.captureOrDeleted();
            for (int i = 0; i < MESSAGES; i++) {
                ReceivedMessage m = Smtp.deliver(server, "shop@example.com", List.of("ann@example.com"), mail(i));
                assertThat(m.subject()).isEqualTo("Report " + i);
            }

            server.mailbox().clear();

            assertThat(newSince(before)).as("descriptors left open after clear()").isEmpty();
        }
    }

    private static SmtpServer spilling() {
        return SmtpServer.start(ServerOptions.builder().spillThreshold(1024).build());
    }

    private static Set<String> newSince(Set<String> before) {
        Set<String> now = new HashSet<>(OpenFiles.captureOrDeleted());
        now.removeAll(before);
        return now;
    }

    private static void readEverything(ReceivedMessage m, List<InputStream> leftOpen) {
        assertThat(m.textBody()).startsWith("Numbers");
        assertThat(m.htmlBody()).contains("href");
        assertThat(m.links()).contains("https://shop.example/report");
        for (Attachment a : m.attachments()) {
            assertThat(a.bytes()).hasSize((int) a.size());
            leftOpen.add(a.openStream());
            if (a.attachedMessage() != null) {
                assertThat(a.attachedMessage().subject()).isEqualTo("Inner");
            }
        }
    }

    private static void isUnreadable(InputStream in) {
        try {
            in.read();
        } catch (IOException expected) {
            return;
        }
        throw new AssertionError("a part stream still reads after clear(): " + in);
    }

    private static String mail(int i) {
        String numbers = "0123456789".repeat(200);
        String pdf = Base64.getMimeEncoder().encodeToString(numbers.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return """
                From: shop@example.com
                To: ann@example.com
                Subject: Report %d
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain

                Numbers %s
                --alt
                Content-Type: text/html

                <a href="https://shop.example/report">report</a>
                --alt--
                --mix
                Content-Type: application/pdf; name="report.pdf"
                Content-Disposition: attachment; filename="report.pdf"
                Content-Transfer-Encoding: base64

                %s
                --mix
                Content-Type: message/rfc822

                From: inner@example.com
                Subject: Inner

                inner body
                --mix--
                """.formatted(i, numbers, pdf);
    }
}
