package dev.letterbox.spring;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.junit.Fixture;
import dev.letterbox.spring.app.MailApp;
import dev.letterbox.spring.app.Notifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

/**
 * An {@code @Async} sender, awaited; a real web environment, mail sent from an HTTP request; the context's server over
 * configured mail properties.
 */
class SenderKindsTest {

    @Fixture
    @SpringBootTest(classes = MailApp.class)
    @SpringCaptureMail
    static class AsyncIT {
        @Test
        void awaitsMailOfAnAsyncSender(@Autowired Notifier notifier, Mailbox mailbox) {
            notifier.sendLater("ann@example.com", "Later");

            ReceivedMessage message = mailbox.awaitMessage();
            assertThat(message).isFrom(Notifier.FROM).hasTo("ann@example.com").hasSubject("Later");
            assertThat(message.textBody()).as("sent from a task thread").startsWith("Sent by ")
                    .doesNotContain(Thread.currentThread().getName());
        }
    }

    @Fixture
    @SpringBootTest(classes = MailApp.class, webEnvironment = WebEnvironment.RANDOM_PORT)
    @SpringCaptureMail
    static class RealWebIT {
        @Test
        void capturesMailSentWhileServingARequest(@Autowired Environment environment, Mailbox mailbox)
                throws Exception {
            URI uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port")
                    + "/notify?to=bob@example.com&subject=Hello");

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(mailbox.awaitMessage()).hasTo("bob@example.com").hasSubject("Hello");
        }
    }

    @Fixture
    @SpringBootTest(classes = MailApp.class, properties = {"spring.mail.host=mail.invalid", "spring.mail.port=2525"})
    @SpringCaptureMail
    static class ConfiguredRelayIT {
        @Test
        void sendsToTheContextServerNotToTheConfiguredRelay(@Autowired Environment environment,
                @Autowired Notifier notifier, Mailbox mailbox) {
            assertThat(environment.getProperty("spring.mail.host")).isEqualTo(mailbox.host());
            assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(mailbox.port());

            notifier.send("ann@example.com", "Not to the relay");

            assertThat(mailbox.awaitMessage()).hasSubject("Not to the relay");
        }
    }

    @AfterEach
    void closeContexts() {
        SpringTestKit.closeCachedContexts(AsyncIT.class, RealWebIT.class, ConfiguredRelayIT.class);
    }

    @Test
    void theContextServerWinsOverConfiguredMailProperties() {
        EngineExecutionResults results = SpringTestKit.run(ConfiguredRelayIT.class);

        assertThat(SpringTestKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(1));
    }

    @Test
    void anAsyncSenderIsAwaited() {
        EngineExecutionResults results = SpringTestKit.run(AsyncIT.class);

        assertThat(SpringTestKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(1));
    }

    @Test
    void aRealWebEnvironmentSendsToTheContextServer() {
        EngineExecutionResults results = SpringTestKit.run(RealWebIT.class);

        assertThat(SpringTestKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(1));
    }
}
