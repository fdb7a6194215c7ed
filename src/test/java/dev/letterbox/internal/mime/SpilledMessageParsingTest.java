package dev.letterbox.internal.mime;

import static dev.letterbox.testing.Smtp.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parsing a message kept in a temporary file reads headers and boundaries and keeps no read buffer per part
 * (jakarta.mail's SharedFileInputStream kept 64 KB per part: 637 MB for 10,000 parts).
 */
class SpilledMessageParsingTest {
    private static final int PARTS = 2_000;

    @Test
    void aParsedSpilledMessageKeepsASmallFixedAmountOfHeapPerPart() {
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().spillThreshold(1024).build())) {
            ReceivedMessage m = deliver(server, "a@example.com", List.of("b@example.com"), withParts(PARTS));
            long before = usedHeapAfterGc();

            assertThat(m.subject()).isEqualTo("parts");
            assertThat(m.attachments()).hasSize(PARTS);
            long kept = usedHeapAfterGc() - before;

            assertThat(m.attachments().get(PARTS - 1).text()).isEqualTo("part " + (PARTS - 1));
            assertThat(kept / PARTS).as("heap kept per part by the parsed message (%s octets for %s parts)", kept,
                    PARTS).isLessThan(8 * 1024);
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String withParts(int parts) {
        StringBuilder sb = new StringBuilder("Subject: parts\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (int i = 0; i < parts; i++) {
            sb.append("--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"p").append(i)
                    .append(".txt\"\r\n\r\npart ").append(i).append("\r\n");
        }
        return sb.append("--b--\r\n").toString();
    }
}
