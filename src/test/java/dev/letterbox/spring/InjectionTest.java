package dev.letterbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.junit.Fixture;
import dev.letterbox.spring.app.MailApp;
import dev.letterbox.spring.app.Notifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The context's mailbox reaches a test every way a Spring user asks for it; a class may keep a server of its own. */
class InjectionTest {

    @Fixture
    @SpringBootTest(classes = MailApp.class)
    @SpringCaptureMail
    static class EveryWayIT {
        @Autowired
        Mailbox field;
        Mailbox plainField;
        final Mailbox fromConstructor;
        Mailbox fromBeforeEach;

        EveryWayIT(Mailbox fromConstructor) {
            this.fromConstructor = fromConstructor;
        }

        @BeforeEach
        void before(Mailbox mailbox) {
            fromBeforeEach = mailbox;
        }

        @Test
        void oneMailboxForFieldParametersAndConstructor(Mailbox plain, @Autowired Mailbox autowired,
                @Autowired Notifier notifier) {
            assertThat(plain).isSameAs(field).isSameAs(plainField).isSameAs(autowired).isSameAs(fromConstructor)
                    .isSameAs(fromBeforeEach);

            notifier.send("ann@example.com", "Hi");

            assertThat(plain.awaitMessage().subject()).isEqualTo("Hi");
        }
    }

    @Fixture
    @SpringBootTest(classes = MailApp.class, properties = "spring.mail.host=mail.invalid")
    @CaptureMail
    static class ServerOfItsOwnIT {
        @Test
        void aClassWithoutSpringCaptureMailKeepsItsPerTestServer(Mailbox mailbox,
                @Autowired JavaMailSenderImpl contextSender) {
            assertThat(contextSender.getHost()).as("the context is left alone").isEqualTo("mail.invalid");
            JavaMailSenderImpl own = new JavaMailSenderImpl();
            own.setHost(mailbox.host());
            own.setPort(mailbox.port());
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom("me@example.com");
            message.setTo("you@example.com");
            message.setSubject("Own server");
            message.setText("Hello");

            own.send(message);

            assertThat(mailbox.awaitMessage().subject()).isEqualTo("Own server");
        }

        @Nested
        class InANestedClass {
            @Test
            void stillGetsTheClassServer(Mailbox mailbox) {
                assertThat(mailbox.messages()).isEmpty();
            }
        }
    }

    /** A user's own test annotation that composes Spring Boot's and Letterbox's. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @SpringBootTest(classes = MailApp.class)
    @SpringCaptureMail
    @interface MailIntegrationTest {
    }

    @Fixture
    @MailIntegrationTest
    static class ComposedAnnotationIT {
        @Test
        void getsTheContextServerThroughTheComposedAnnotation(@Autowired Notifier notifier, Mailbox mailbox) {
            notifier.send("ann@example.com", "Composed");

            assertThat(mailbox.awaitMessage().subject()).isEqualTo("Composed");
        }
    }

    @AfterEach
    void closeContexts() {
        SpringTestKit.closeCachedContexts(EveryWayIT.class, ServerOfItsOwnIT.class, ComposedAnnotationIT.class);
    }

    @Test
    void aComposedAnnotationCarriesIt() {
        EngineExecutionResults results = SpringTestKit.run(ComposedAnnotationIT.class);

        assertThat(SpringTestKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(1));
    }

    @Test
    void mailboxIsInjectedIntoAutowiredAndPlainFieldsParametersAndConstructors() {
        EngineExecutionResults results = SpringTestKit.run(EveryWayIT.class);

        assertThat(SpringTestKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(1));
    }

    @Test
    void aSpringTestClassCanStillUseAServerOfItsOwn() {
        EngineExecutionResults results = SpringTestKit.run(ServerOfItsOwnIT.class);

        assertThat(SpringTestKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(2));
    }
}
