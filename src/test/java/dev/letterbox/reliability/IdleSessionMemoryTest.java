package dev.letterbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.SmtpTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Heap kept per idle session: 200 clients connect, read their greeting and stay silent (each session waits for a
 * command); the heap in use after a full collection, less that before they connected, divided by 200. The bound is
 * generous (collections differ between JVMs); the figure measured is in the README, Reliability.
 */
class IdleSessionMemoryTest {
    private static final int CLIENTS = 200;
    private static final int LARGE_CLIENTS = 100;

    @Test
    void anIdleSessionAfterTheGreetingKeepsLessThan32KibOfHeap() throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Socket> clients = new ArrayList<>();
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().maxConnections(CLIENTS + 10).build())) {
            greetedClient(server).close(); // the classes of a session are loaded before the first measurement
            long before = usedAfterCollection(memory);
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(greetedClient(server));
            }
            long after = usedAfterCollection(memory);
            long perSession = (after - before) / CLIENTS;
            System.out.printf("heap per idle session: %d octets (%d sessions)%n", perSession, CLIENTS);

            assertThat(perSession).as("heap octets per idle session").isLessThan(32 * 1024);
        } finally {
            for (Socket c : clients) {
                c.close();
            }
        }
    }

    /**
     * A session that has received a large message (its read buffer grew to the largest) goes back to a small buffer
     * once it waits for the next command.
     */
    @Test
    void aSessionIdleAfterALargeMessageKeepsLessThan32KibOfHeap() throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        String body = "Subject: large\r\n\r\n" + ("x".repeat(998) + "\r\n").repeat(200); // 200 KB
        List<SmtpTestClient> clients = new ArrayList<>();
        try (SmtpServer server = SmtpServer.start(ServerOptions.builder().maxConnections(LARGE_CLIENTS + 10).build())) {
            greetedClient(server).close();
            long before = usedAfterCollection(memory);
            for (int i = 0; i < LARGE_CLIENTS; i++) {
                SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port());
                clients.add(c);
                c.sendMessage("a@example.com", List.of("b@example.com"), body).assertReply(250, "2.0.0");
            }
            server.mailbox().clear(); // the messages themselves are not the sessions' heap
            long after = usedAfterCollection(memory);
            long perSession = (after - before) / LARGE_CLIENTS;
            System.out.printf("heap per session idle after a 200 KB message: %d octets (%d sessions)%n", perSession,
                    LARGE_CLIENTS);

            assertThat(perSession).as("heap octets per session idle after a large message").isLessThan(32 * 1024);
        } finally {
            clients.forEach(SmtpTestClient::close);
        }
    }

    /** @return a client that has read the whole greeting, so its session now waits for a command */
    private static Socket greetedClient(SmtpServer server) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(server.host(), server.port()), 5_000);
        s.setSoTimeout(5_000);
        InputStream in = s.getInputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            // the greeting is one line
        }
        return s;
    }

    private static long usedAfterCollection(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
