package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many clients at once: every message acknowledged with 250 is in the mailbox, exactly once. */
class ConcurrencyTest {
    private static final int CLIENTS = 8;
    private static final int MESSAGES_PER_CLIENT = 200;
    private static final Pattern TEST_ID = Pattern.compile("X-Test-Id: (\\S+)");

    @Test
    void eightClientsSendingTwoHundredMessagesEachLoseNone() throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    clients.add(pool.submit(() -> {
                        sendAll(server, client);
                        return null;
                    }));
                }
                for (Future<?> f : clients) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            // every client has seen a 250 for each of its messages, so each must be in the mailbox already:
            // no waiting here, or a message stored after its 250 would go unnoticed
            List<ReceivedMessage> messages = server.mailbox().messages();

            assertThat(messages).hasSize(CLIENTS * MESSAGES_PER_CLIENT);
            List<String> ids = messages.stream().map(ConcurrencyTest::testId).collect(Collectors.toList());
            List<String> expected = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                for (int i = 0; i < MESSAGES_PER_CLIENT; i++) {
                    expected.add(c + "-" + i);
                }
            }
            assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static void sendAll(SmtpServer server, int client) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", server.host());
        props.setProperty("mail.smtp.port", String.valueOf(server.port()));
        props.setProperty("mail.smtp.connectiontimeout", "5000");
        props.setProperty("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(props);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < MESSAGES_PER_CLIENT; i++) {
                MimeMessage msg = new MimeMessage(session);
                msg.setFrom(new InternetAddress("client" + client + "@example.com"));
                msg.setRecipient(Message.RecipientType.TO, new InternetAddress("to" + i + "@example.com"));
                msg.setSubject("message " + i + " of client " + client);
                msg.setHeader("X-Test-Id", client + "-" + i);
                msg.setText("body " + i + "\n.\nwith a dot line\n");
                msg.saveChanges();
                transport.sendMessage(msg, msg.getAllRecipients());
            }
        }
    }

    private static String testId(ReceivedMessage m) {
        Matcher matcher = TEST_ID.matcher(new String(m.raw(), StandardCharsets.US_ASCII));
        assertThat(matcher.find()).as("X-Test-Id header in %s", m.envelope()).isTrue();
        return matcher.group(1);
    }
}
