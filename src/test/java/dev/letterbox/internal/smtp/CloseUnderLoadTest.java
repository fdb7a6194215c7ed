package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ServerOptions;
import dev.letterbox.testing.SmtpTestClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code close()} while sixteen clients deliver: it returns, no thread is left, every message a client saw
 * acknowledged was delivered, and every delivered message is whole.
 */
class CloseUnderLoadTest {

    private static String body(int client, int n) {
        return "Subject: " + client + "-" + n + "\r\n\r\n" + "z".repeat(3000);
    }

    @Test
    void closeUnderSixteenBusyClientsLosesNothingAcknowledgedAndStoresNothingHalf() throws Exception {
        Map<String, String> delivered = new ConcurrentHashMap<>();
        SmtpListener listener = SmtpListener.start(ServerOptions.defaults(), DeliveringHost.to((e, content) -> {
            String raw = new String(content.bytes(), StandardCharsets.US_ASCII);
            delivered.put(raw.substring("Subject: ".length(), raw.indexOf("\r\n")), raw);
            content.release();
        }));
        int port = listener.port();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        CountDownLatch busy = new CountDownLatch(16 * 5); // close only once every client has delivered some
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int client = 0; client < 16; client++) {
                int id = client;
                running.add(clients.submit(() -> {
                    try (SmtpTestClient c = SmtpTestClient.connectEhlo(listener.host(), port)) {
                        for (int n = 0; ; n++) {
                            if (c.sendMessage("a@example.com", List.of("b@example.com"), body(id, n)).code() == 250) {
                                acknowledged.add(id + "-" + n);
                                busy.countDown();
                            }
                        }
                    } catch (AssertionError | RuntimeException closedUnderIt) {
                        return null; // the 421 or the closed connection ends this client
                    }
                }));
            }
            assertThat(busy.await(60, TimeUnit.SECONDS)).as("every client delivered before the close").isTrue();

            listener.close();

            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
            listener.close();
        }
        assertThat(ServerThreads.of(port)).isEmpty();
        assertThat(delivered.keySet()).containsAll(acknowledged);
        delivered.forEach((id, raw) -> {
            String[] parts = id.split("-");
            assertThat(raw).as("message %s whole", id)
                    .isEqualTo(body(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])) + "\r\n");
        });
    }
}
