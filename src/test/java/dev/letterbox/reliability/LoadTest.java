package dev.letterbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.SmtpTestClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sixteen clients, a thousand messages each: every acknowledged message stored once, byte for byte. */
class LoadTest {
    private static final int CLIENTS = 16;
    private static final int MESSAGES = 1000;

    private static String message(int client, int n) {
        return "Subject: " + client + "-" + n + "\r\n\r\n" + ("load " + client + " " + n + " ").repeat(60);
    }

    @Test
    void sixteenClientsTimesAThousandMessagesAreAllStoredExactlyOnce() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (SmtpServer server = SmtpServer.start()) {
            List<Future<Integer>> acked = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                acked.add(clients.submit(() -> {
                    int ok = 0;
                    try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
                        for (int n = 0; n < MESSAGES; n++) {
                            c.sendMessage("c" + id + "@example.com", List.of("rcpt@example.com"), message(id, n))
                                    .assertReply(250, "2.0.0");
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> f : acked) {
                total += f.get(5, TimeUnit.MINUTES);
            }

            List<ReceivedMessage> stored = server.mailbox().messages();
            assertThat(total).isEqualTo(CLIENTS * MESSAGES);
            assertThat(stored).hasSize(CLIENTS * MESSAGES);
            Set<String> seen = new HashSet<>();
            for (ReceivedMessage m : stored) {
                String raw = new String(m.raw(), StandardCharsets.US_ASCII);
                String subject = raw.substring("Subject: ".length(), raw.indexOf("\r\n"));
                String[] ids = subject.split("-");
                assertThat(seen.add(subject)).as("stored once: %s", subject).isTrue();
                assertThat(raw).isEqualTo(message(Integer.parseInt(ids[0]), Integer.parseInt(ids[1])) + "\r\n");
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
