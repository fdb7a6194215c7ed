package dev.letterbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.CaptureMail.Lifecycle;
import dev.letterbox.LetterboxExtension;
import dev.letterbox.Mailbox;
import jakarta.mail.Session;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Misuse is reported through JUnit with a message that names the problem and the fix. */
class MisuseTest {

    @Fixture
    static class NoExtensionFixture {
        @Test
        void wantsAMailbox(Mailbox mailbox) {
            assertThat(mailbox).isNotNull();
        }
    }

    @Test
    void mailboxParameterWithoutTheExtensionIsReportedByJUnitNamingTheType() {
        EngineExecutionResults results = TestKit.run(NoExtensionFixture.class);

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(TestKit.failureMessages(results)).singleElement().asString()
                .startsWith("ParameterResolutionException: No ParameterResolver registered for parameter"
                        + " [dev.letterbox.Mailbox");
    }

    @Fixture
    @CaptureMail
    static class AnnotationAndFieldFixture {
        @RegisterExtension
        static LetterboxExtension mail = LetterboxExtension.builder().build();

        @Test
        void wantsAMailbox(Mailbox mailbox) {
            assertThat(mailbox).isNotNull();
        }
    }

    @Test
    void annotationPlusRegisteredFieldIsRefusedNamingBoth() {
        EngineExecutionResults results = TestKit.run(AnnotationAndFieldFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(0));
        assertThat(TestKit.failureMessages(results)).singleElement().asString()
                .isEqualTo("ExtensionConfigurationException: Two Letterbox servers are configured for "
                        + AnnotationAndFieldFixture.class.getName() + ": @CaptureMail on class"
                        + " AnnotationAndFieldFixture and @RegisterExtension field AnnotationAndFieldFixture.mail. A"
                        + " class can have only one. Keep one: remove @CaptureMail and set its options on"
                        + " LetterboxExtension.builder(), or remove the field.");
    }

    @Fixture
    static class TwoFieldsFixture {
        @RegisterExtension
        static LetterboxExtension first = LetterboxExtension.builder().build();
        @RegisterExtension
        static LetterboxExtension second = LetterboxExtension.builder().perClass().build();

        @Test
        void wantsAMailbox(Mailbox mailbox) {
            assertThat(mailbox).isNotNull();
        }
    }

    @Test
    void twoRegisteredFieldsAreRefusedNamingBoth() {
        EngineExecutionResults results = TestKit.run(TwoFieldsFixture.class);

        assertThat(TestKit.failureMessages(results)).singleElement().asString()
                .contains("@RegisterExtension field TwoFieldsFixture.first and @RegisterExtension field"
                        + " TwoFieldsFixture.second")
                .endsWith("Keep one field, and use it everywhere the others are used.");
    }

    @Fixture
    static class PerClassOnMethodFixture {
        @Test
        @CaptureMail(lifecycle = Lifecycle.PER_CLASS)
        void wantsAMailbox(Mailbox mailbox) {
            assertThat(mailbox).isNotNull();
        }
    }

    @Test
    void perClassLifecycleOnAMethodIsRefusedWithTheFix() {
        EngineExecutionResults results = TestKit.run(PerClassOnMethodFixture.class);

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(TestKit.failureMessages(results)).singleElement().asString()
                .isEqualTo("ExtensionConfigurationException: @CaptureMail(lifecycle = PER_CLASS) on method"
                        + " PerClassOnMethodFixture.wantsAMailbox() cannot share a server with the class: an"
                        + " annotation on a method configures that one test. Put it on the class to share one server,"
                        + " or remove lifecycle = PER_CLASS.");
    }

    @Fixture
    @CaptureMail
    static class MailboxInBeforeAllFixture {
        @BeforeAll
        static void setUp(Mailbox mailbox) {
            assertThat(mailbox).isNotNull();
        }

        @Test
        void test() {
            assertThat(true).isTrue();
        }
    }

    @Test
    void mailboxInBeforeAllWithAPerTestServerIsRefusedWithTheFix() {
        EngineExecutionResults results = TestKit.run(MailboxInBeforeAllFixture.class);

        assertThat(TestKit.failureMessages(results)).singleElement().asString()
                .isEqualTo("ParameterResolutionException: Cannot inject Mailbox into @BeforeAll method"
                        + " MailboxInBeforeAllFixture.setUp(), which runs once for the class: @CaptureMail on class"
                        + " MailboxInBeforeAllFixture starts a new server for each test. Share one server with the"
                        + " class (@CaptureMail(lifecycle = PER_CLASS) or LetterboxExtension.builder().perClass()), or"
                        + " take the Mailbox in a @BeforeEach method or the test method instead.");
    }

    @Fixture
    @CaptureMail
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class ConstructorWithInstancePerClassFixture {
        ConstructorWithInstancePerClassFixture(Mailbox mailbox) {
            assertThat(mailbox).isNotNull();
        }

        @Test
        void test() {
            assertThat(true).isTrue();
        }
    }

    @Test
    void constructorParameterUnderTestInstancePerClassWithAPerTestServerIsRefused() {
        EngineExecutionResults results = TestKit.run(ConstructorWithInstancePerClassFixture.class);

        assertThat(TestKit.failureMessages(results)).singleElement().asString()
                .startsWith("ParameterResolutionException: Cannot inject Mailbox into the constructor of"
                        + " ConstructorWithInstancePerClassFixture, which @TestInstance(PER_CLASS) calls once for the"
                        + " class");
    }

    @Fixture
    @CaptureMail
    static class StaticFieldWithPerTestFixture {
        static Mailbox mailbox;

        @Test
        void test() {
            assertThat(mailbox).isNotNull();
        }
    }

    @Test
    void staticMailboxFieldWithAPerTestServerIsRefused() {
        EngineExecutionResults results = TestKit.run(StaticFieldWithPerTestFixture.class);

        assertThat(TestKit.failureMessages(results)).singleElement().asString()
                .startsWith("ExtensionConfigurationException: Cannot inject the static field"
                        + " StaticFieldWithPerTestFixture.mailbox: a static Mailbox field is shared by the whole"
                        + " class")
                .endsWith("Make the field an instance field, or share one server with the class:"
                        + " @CaptureMail(lifecycle = PER_CLASS) or LetterboxExtension.builder().perClass().");
    }

    @Fixture
    static class PerClassInInstanceFieldFixture {
        @RegisterExtension
        LetterboxExtension mail = LetterboxExtension.builder().perClass().build();

        @Test
        void test(Mailbox mailbox) {
            assertThat(mailbox).isNotNull();
        }
    }

    @Test
    void perClassExtensionInAnInstanceFieldIsRefusedWithTheFix() {
        EngineExecutionResults results = TestKit.run(PerClassInInstanceFieldFixture.class);

        assertThat(TestKit.failureMessages(results)).singleElement().asString()
                .isEqualTo("ExtensionConfigurationException: LetterboxExtension.builder().perClass() in the instance"
                        + " field PerClassInInstanceFieldFixture.mail cannot share a server with the class: JUnit"
                        + " creates the field anew for each test. Make the field static, or annotate the class with"
                        + " @TestInstance(TestInstance.Lifecycle.PER_CLASS).");
    }

    private static final Map<String, String> PARALLEL_CONCURRENT = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent");

    @Fixture
    @CaptureMail(lifecycle = Lifecycle.PER_CLASS)
    static class PerClassFixture {
        @Test
        void sendsToAnn(Mailbox mailbox, Session session) {
            Mails.send(session, "ann@example.com", "to Ann");
            assertThat(mailbox.awaitMessage().subject()).isEqualTo("to Ann");
        }

        @Test
        void sendsToBob(Mailbox mailbox, Session session) {
            Mails.send(session, "bob@example.com", "to Bob");
            assertThat(mailbox.awaitMessage().subject()).isEqualTo("to Bob");
        }

        @Nested
        class SharingTheServer {
            @Test
            void sendsToCarol(Mailbox mailbox, Session session) {
                Mails.send(session, "carol@example.com", "to Carol");
                assertThat(mailbox.awaitMessage().subject()).isEqualTo("to Carol");
            }
        }
    }

    @Test
    void perClassServerWithConcurrentTestsIsRefusedBeforeAnyMailIsClearedIncludingNestedTests() {
        EngineExecutionResults results = TestKit.run(PerClassFixture.class, PARALLEL_CONCURRENT);

        results.testEvents().assertStatistics(s -> s.started(3).failed(3));
        assertThat(TestKit.failureMessages(results)).hasSize(3).containsOnly("ExtensionConfigurationException:"
                + " @CaptureMail on class PerClassFixture shares one server with every test of PerClassFixture and"
                + " clears its mailbox before each test, but these tests run concurrently (JUnit parallel execution),"
                + " so one test would delete the mail another is checking. Add @Execution(ExecutionMode.SAME_THREAD)"
                + " to the class PerClassFixture, or use the per-test lifecycle (a server for each test, safe in"
                + " parallel).");
    }

    /** The same tests, with the fix the error message names. */
    @Fixture
    @Execution(ExecutionMode.SAME_THREAD)
    static class PerClassSameThreadFixture extends PerClassFixture {
    }

    @Test
    void perClassServerRunsUnderAConcurrentDefaultWhenTheClassRunsInTheSameThread() {
        EngineExecutionResults results = TestKit.run(PerClassSameThreadFixture.class, PARALLEL_CONCURRENT);

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0));
    }

    @Test
    void perClassServerRunsUnderAConcurrentDefaultWhenParallelExecutionIsDisabled() {
        EngineExecutionResults results = TestKit.run(PerClassFixture.class,
                Map.of("junit.jupiter.execution.parallel.mode.default", "concurrent"));

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0));
    }
}
