package dev.letterbox.spring;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.TlsMode;
import dev.letterbox.junit.Fixture;
import dev.letterbox.spring.app.MailApp;
import dev.letterbox.spring.app.Notifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.MailAuthenticationException;

/**
 * A Boot application configured for nothing sends over the context server's TLS and AUTH without any wiring; one
 * configured for production keeps its own user and TLS settings, which the server then judges.
 */
class TlsAndAuthTest {

    @Fixture
    @SpringBootTest(classes = MailApp.class)
    @SpringCaptureMail(options = @CaptureMail(tls = TlsMode.REQUIRED, users = "alice:secret", authRequired = true))
    static class StartTlsRequiredIT {
        @Test
        void sendsOverStartTlsAndAuthenticates(@Autowired Notifier notifier, Mailbox mailbox) {
            notifier.send("ann@example.com", "Over TLS");

            assertThat(mailbox.awaitMessage()).hasSubject("Over TLS").usedTls().wasAuthenticatedAs("alice");
        }
    }

    @Fixture
    @SpringBootTest(classes = MailApp.class)
    @SpringCaptureMail(options = @CaptureMail(tls = TlsMode.IMPLICIT))
    static class ImplicitTlsIT {
        @Test
        void sendsOverImplicitTls(@Autowired Notifier notifier, Mailbox mailbox) {
            notifier.send("ann@example.com", "Implicit");

            assertThat(mailbox.awaitMessage()).hasSubject("Implicit").usedTls();
        }
    }

    @Fixture
    @SpringBootTest(classes = MailApp.class,
            properties = {"spring.mail.username=bob", "spring.mail.password=bobs-password"})
    @SpringCaptureMail(options = @CaptureMail(users = {"alice:secret", "bob:bobs-password"}, authRequired = true))
    static class ApplicationUserIT {
        @Test
        void authenticatesAsTheConfiguredUser(@Autowired Notifier notifier, Mailbox mailbox) {
            notifier.send("ann@example.com", "As Bob");

            assertThat(mailbox.awaitMessage()).wasAuthenticatedAs("bob");
        }
    }

    @Fixture
    @SpringBootTest(classes = MailApp.class,
            properties = {"spring.mail.username=alice", "spring.mail.password=wrong"})
    @SpringCaptureMail(options = @CaptureMail(users = "alice:secret", authRequired = true))
    static class WrongPasswordIT {
        @Test
        void aWrongConfiguredPasswordFailsToAuthenticate(@Autowired Notifier notifier, Mailbox mailbox) {
            assertThatThrownBy(() -> notifier.send("ann@example.com", "Never sent"))
                    .isInstanceOf(MailAuthenticationException.class);

            assertThat(mailbox.messages()).isEmpty();
        }
    }

    @Fixture
    @SpringBootTest(classes = MailApp.class,
            properties = "spring.mail.properties.mail.smtp.starttls.enable=false")
    @SpringCaptureMail(options = @CaptureMail(tls = TlsMode.OFFERED))
    static class ApplicationTlsSettingIT {
        @Test
        void theApplicationsOwnTlsSettingWins(@Autowired Notifier notifier, Mailbox mailbox) {
            notifier.send("ann@example.com", "In the clear");

            assertThat(mailbox.awaitMessage().envelope().usedTls()).isFalse();
        }
    }

    @AfterEach
    void closeContexts() {
        SpringTestKit.closeCachedContexts(StartTlsRequiredIT.class, ImplicitTlsIT.class, ApplicationUserIT.class,
                WrongPasswordIT.class, ApplicationTlsSettingIT.class);
    }

    @Test
    void requiredStartTlsAndAuthNeedNoWiring() {
        assertPasses(StartTlsRequiredIT.class);
    }

    @Test
    void implicitTlsNeedsNoWiring() {
        assertPasses(ImplicitTlsIT.class);
    }

    @Test
    void theApplicationsUserWinsOverTheFirstServerUser() {
        assertPasses(ApplicationUserIT.class);
    }

    @Test
    void theApplicationsWrongPasswordIsRefused() {
        assertPasses(WrongPasswordIT.class);
    }

    @Test
    void theApplicationsTlsSettingWinsOverTheServersDefault() {
        assertPasses(ApplicationTlsSettingIT.class);
    }

    private static void assertPasses(Class<?> fixture) {
        EngineExecutionResults results = SpringTestKit.run(fixture);

        assertThat(SpringTestKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(1));
    }
}
