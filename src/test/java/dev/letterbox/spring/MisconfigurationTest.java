package dev.letterbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.LetterboxExtension;
import dev.letterbox.Mailbox;
import dev.letterbox.ReportMode;
import dev.letterbox.junit.Fixture;
import dev.letterbox.spring.app.MailApp;
import dev.letterbox.spring.app.Notifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Forgotten or wrong configuration fails with a message that names the fix, not a bare Connection refused. */
class MisconfigurationTest {

    @Fixture
    @SpringBootTest(classes = MailApp.class, properties = "spring.mail.host=mail.invalid")
    static class AutowiredMailboxWithoutAnnotationIT {
        @Autowired
        Mailbox mailbox;

        @Test
        void sends() {
        }
    }

    @Fixture
    @SpringBootTest(classes = MailApp.class, properties = "spring.mail.host=mail.invalid")
    static class PlainMailboxFieldWithoutAnnotationIT {
        Mailbox mailbox;

        @Test
        void sends() {
        }
    }

    @Fixture
    @SpringBootTest(classes = MailApp.class, properties = "spring.mail.host=mail.invalid")
    static class MailboxParameterWithoutAnnotationIT {
        @Test
        void sends(Mailbox mailbox) {
        }
    }

    /** The README's former recipe, in the usual shared base class: the failure. */
    @SpringBootTest(classes = MailApp.class)
    abstract static class HandWiredBase {
        @RegisterExtension
        static LetterboxExtension mail = LetterboxExtension.builder().perClass().build();

        @DynamicPropertySource
        static void mailProperties(DynamicPropertyRegistry registry) {
            registry.add("spring.mail.host", mail::host);
            registry.add("spring.mail.port", mail::port);
        }

        @Autowired
        Notifier notifier;

        @Test
        void sends() {
            notifier.send("ann@example.com", "Hi");
            assertThat(mail.mailbox().awaitMessage().subject()).isEqualTo("Hi");
        }
    }

    @Fixture
    @Order(1)
    static class FirstHandWiredIT extends HandWiredBase {
    }

    @Fixture
    @Order(2)
    static class SecondHandWiredIT extends HandWiredBase {
    }

    @Fixture
    @SpringBootTest(classes = MailApp.class, properties = "spring.application.name=per-test")
    static class PerTestExtensionIT {
        @RegisterExtension
        static LetterboxExtension mail = LetterboxExtension.builder().build();

        @DynamicPropertySource
        static void mailProperties(DynamicPropertyRegistry registry) {
            registry.add("spring.mail.host", mail::host);
            registry.add("spring.mail.port", mail::port);
        }

        @Autowired
        Notifier notifier;

        @Test
        void first() {
            notifier.send("ann@example.com", "Hi");
        }

        @Test
        void second() {
            notifier.send("ann@example.com", "Hi");
        }
    }

    @Fixture
    @SpringCaptureMail
    static class WithoutSpringIT {
        @Test
        void sends() {
        }
    }

    @Fixture
    @SpringBootTest(classes = MailApp.class)
    @SpringCaptureMail
    @CaptureMail
    static class TwoKindsOfServerIT {
        @Test
        void sends() {
        }
    }

    @Fixture
    @SpringBootTest(classes = MailApp.class)
    @SpringCaptureMail(options = @CaptureMail(lifecycle = CaptureMail.Lifecycle.PER_CLASS))
    static class LifecycleOptionIT {
        @Test
        void sends() {
        }
    }

    @Fixture
    @SpringBootTest(classes = MailApp.class)
    @SpringCaptureMail(options = @CaptureMail(report = ReportMode.ALWAYS))
    static class ReportOptionIT {
        @Test
        void sends() {
        }
    }

    @AfterEach
    void closeContexts() {
        SpringTestKit.closeCachedContexts(AutowiredMailboxWithoutAnnotationIT.class, FirstHandWiredIT.class,
                PerTestExtensionIT.class);
    }

    @Test
    void anAutowiredMailboxWithoutTheAnnotationNamesIt() {
        EngineExecutionResults results = SpringTestKit.run(AutowiredMailboxWithoutAnnotationIT.class);

        assertThat(SpringTestKit.failureMessages(results)).containsExactly("IllegalStateException: In"
                + " AutowiredMailboxWithoutAnnotationIT, the field AutowiredMailboxWithoutAnnotationIT.mailbox is an"
                + " injected Mailbox, but the Spring application context has no Letterbox server. Annotate"
                + " AutowiredMailboxWithoutAnnotationIT (or its base class) with @SpringCaptureMail: it starts one"
                + " server for the application context, points spring.mail.host and spring.mail.port at it and"
                + " registers its Mailbox as a bean.");
    }

    @Test
    void aPlainMailboxFieldWithoutAnyLetterboxConfigurationNamesTheAnnotation() {
        EngineExecutionResults results = SpringTestKit.run(PlainMailboxFieldWithoutAnnotationIT.class);

        assertThat(SpringTestKit.failureMessages(results)).singleElement().asString().startsWith(
                "IllegalStateException: In PlainMailboxFieldWithoutAnnotationIT, the field"
                + " PlainMailboxFieldWithoutAnnotationIT.mailbox is a Mailbox that nothing fills, but the Spring"
                + " application context has no Letterbox server. Annotate PlainMailboxFieldWithoutAnnotationIT (or its"
                + " base class) with @SpringCaptureMail");
    }

    @Test
    void aMailboxParameterWithoutAnyLetterboxConfigurationNamesTheAnnotation() {
        EngineExecutionResults results = SpringTestKit.run(MailboxParameterWithoutAnnotationIT.class);

        assertThat(SpringTestKit.failureMessages(results)).containsExactly("IllegalStateException: In"
                + " MailboxParameterWithoutAnnotationIT, the test method sends() takes a Mailbox parameter, but the"
                + " Spring application context has no Letterbox server. Annotate MailboxParameterWithoutAnnotationIT"
                + " (or its base class) with @SpringCaptureMail: it starts one server for the application context,"
                + " points spring.mail.host and spring.mail.port at it and registers its Mailbox as a bean.");
    }

    @Test
    void aCachedContextPointingAtAnotherClassesServerFailsWithTheFixInsteadOfConnectionRefused() {
        EngineExecutionResults results = SpringTestKit.run(FirstHandWiredIT.class, SecondHandWiredIT.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        assertThat(SpringTestKit.failureMessages(results)).singleElement().asString()
                .startsWith("IllegalStateException: The mail sender bean 'mailSender' of the Spring application"
                        + " context sends to 127.0.0.1:")
                .contains("but the Letterbox server of SecondHandWiredIT listens on port "
                        + "", "Spring caches the application context across test classes and tests",
                        "Fix: annotate SecondHandWiredIT (or its base class) with @SpringCaptureMail instead of the"
                        + " LetterboxExtension field and @DynamicPropertySource",
                        "@DirtiesContext(classMode = AFTER_CLASS)");
    }

    @Test
    void aPerTestExtensionBehindACachedContextFailsTheSecondTestWithTheFix() {
        EngineExecutionResults results = SpringTestKit.run(PerTestExtensionIT.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        assertThat(SpringTestKit.failureMessages(results)).singleElement().asString()
                .contains("but the Letterbox server of PerTestExtensionIT listens on port",
                        "an earlier test's per-test server");
    }

    @Test
    void theAnnotationWithoutASpringTestContextNamesWhatToAdd() {
        EngineExecutionResults results = SpringTestKit.run(WithoutSpringIT.class);

        assertThat(SpringTestKit.failureMessages(results)).containsExactly("ExtensionConfigurationException: "
                + WithoutSpringIT.class.getName() + " has @SpringCaptureMail but no Spring test context: add"
                + " @SpringBootTest (or @SpringJUnitConfig, or @ExtendWith(SpringExtension.class) with"
                + " @ContextConfiguration); for a test without Spring, use @CaptureMail instead.");
    }

    @Test
    void theContextServerAndAServerOfTheClassTogetherAreRefused() {
        EngineExecutionResults results = SpringTestKit.run(TwoKindsOfServerIT.class);

        assertThat(SpringTestKit.failureMessages(results)).containsExactly("IllegalStateException: "
                + TwoKindsOfServerIT.class.getName() + " has both @SpringCaptureMail, a server for the application"
                + " context, and @CaptureMail, servers per test or per class: a Mailbox could come from either."
                + " Keep @SpringCaptureMail (the context's server, the one the application sends to), or remove it"
                + " to use a server of the class's own.");
    }

    @Test
    void aLifecycleInTheOptionsIsRefused() {
        EngineExecutionResults results = SpringTestKit.run(LifecycleOptionIT.class);

        assertThat(SpringTestKit.failureMessages(results)).containsExactly("IllegalStateException: Invalid"
                + " @CaptureMail on " + LifecycleOptionIT.class.getName() + " (in @SpringCaptureMail(options ="
                + " ...)): lifecycle = PER_CLASS has no meaning here, the server lives as long as the application"
                + " context; remove it");
    }

    @Test
    void aReportModeInTheOptionsIsRefused() {
        EngineExecutionResults results = SpringTestKit.run(ReportOptionIT.class);

        assertThat(SpringTestKit.failureMessages(results)).containsExactly("IllegalStateException: Invalid"
                + " @CaptureMail on " + ReportOptionIT.class.getName() + " (in @SpringCaptureMail(options ="
                + " ...)): report = ALWAYS has no effect here, @SpringCaptureMail writes no report of captured mail"
                + " (its server outlives the test); remove it, or use @CaptureMail(report = ALWAYS) on a test class"
                + " without Spring");
    }
}
