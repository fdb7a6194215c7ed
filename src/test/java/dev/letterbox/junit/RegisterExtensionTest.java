package dev.letterbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.LetterboxExtension;
import dev.letterbox.Mailbox;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class RegisterExtensionTest {

    /**
     * Reads {@code port()} of the test class's static LetterboxExtension field when the test instance is post-processed,
     * as Spring's SpringExtension does when it loads the context and evaluates {@code @DynamicPropertySource}. Being
     * declared with {@code @ExtendWith} on the class, it runs before the extension in the field.
     */
    static final class ReadsPortLikeSpring implements TestInstancePostProcessor {
        @Override
        public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
            for (var f : ReflectionSupport.findFields(context.getRequiredTestClass(),
                    f -> f.getType() == LetterboxExtension.class, HierarchyTraversalMode.TOP_DOWN)) {
                LetterboxExtension mail = (LetterboxExtension) ReflectionSupport.tryToReadFieldValue(f, null).get();
                context.publishReportEntry("dynamicPropertySource", mail.host() + ":" + mail.port());
            }
        }
    }

    @Fixture
    @ExtendWith(ReadsPortLikeSpring.class)
    static class StaticPerClassFixture {
        @RegisterExtension
        static LetterboxExtension mail = LetterboxExtension.builder().perClass().maxMessageSize(5000).build();

        static int portInBeforeAll;

        @BeforeAll
        static void readPort() {
            portInBeforeAll = mail.port();
        }

        @Test
        void staticAccessorsAnswerForTheClassServer(Mailbox mailbox, Session session, TestReporter reporter) {
            assertThat(mail.mailbox()).isSameAs(mailbox);
            assertThat(portInBeforeAll).isEqualTo(mailbox.port());
            assertThat(mailbox.options().maxMessageSize()).isEqualTo(5000);
            Mails.send(session, "ann@example.com", "hi");
            assertThat(mail.mailbox().awaitMessage().subject()).isEqualTo("hi");
            reporter.publishEntry("test", mail.host() + ":" + mail.port());
        }

        @Nested
        class Inner {
            @Test
            void nestedClassUsesTheEnclosingFieldsServer(Mailbox mailbox, TestReporter reporter) {
                assertThat(mailbox.messages()).isEmpty();
                reporter.publishEntry("test", mail.host() + ":" + mail.port());
            }
        }
    }

    @Test
    void staticPerClassExtensionAnswersPortFromBeforeAllAndTestInstancePostProcessing() {
        EngineExecutionResults results = TestKit.run(StaticPerClassFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        List<String> seen = TestKit.reported(results, "test");
        assertThat(seen).hasSize(2).containsOnly(seen.get(0));
        assertThat(TestKit.reported(results, "dynamicPropertySource")).hasSize(2).containsOnly(seen.get(0));
    }

    @Fixture
    @ExtendWith(ReadsPortLikeSpring.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class StaticPerClassInstancePerClassFixture {
        @RegisterExtension
        static LetterboxExtension mail = LetterboxExtension.builder().perClass().build();

        @Test
        void serverWasRunningWhenTheInstanceWasPostProcessed(TestReporter reporter) {
            reporter.publishEntry("test", mail.host() + ":" + mail.port());
        }
    }

    @Test
    void staticPerClassExtensionIsRunningBeforeATestInstancePerClassIsConstructed() {
        EngineExecutionResults results = TestKit.run(StaticPerClassInstancePerClassFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(TestKit.reported(results, "dynamicPropertySource")).isEqualTo(TestKit.reported(results, "test"));
    }

    @Fixture
    static class StaticPerTestFixture {
        @RegisterExtension
        static LetterboxExtension mail = LetterboxExtension.builder().build();

        @BeforeAll
        static void tooEarly(TestReporter reporter) {
            try {
                mail.port();
            } catch (IllegalStateException e) {
                reporter.publishEntry("beforeAll", e.getMessage());
            }
        }

        @Test
        void first(Mailbox mailbox, Session session, TestReporter reporter) {
            assertThat(mail.mailbox()).isSameAs(mailbox).satisfies(m -> assertThat(m.messages()).isEmpty());
            Mails.send(session, "ann@example.com", "first");
            reporter.publishEntry("port", String.valueOf(mail.port()));
        }

        @Test
        void second(Mailbox mailbox, Session session, TestReporter reporter) {
            assertThat(mail.mailbox()).isSameAs(mailbox).satisfies(m -> assertThat(m.messages()).isEmpty());
            Mails.send(session, "ann@example.com", "second");
            reporter.publishEntry("port", String.valueOf(mail.port()));
        }
    }

    @Test
    void staticPerTestExtensionAnswersDuringEachTestAndExplainsWhenCalledInBeforeAll() {
        EngineExecutionResults results = TestKit.run(StaticPerTestFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(TestKit.reported(results, "port")).hasSize(2);
        assertThat(TestKit.reported(results, "beforeAll")).singleElement().asString()
                .startsWith("LetterboxExtension.port() was called while no server of this extension is running.")
                .contains("until after @AfterEach");
    }

    @Fixture
    static class InstanceFieldFixture {
        @RegisterExtension
        LetterboxExtension mail = LetterboxExtension.builder().awaitTimeout(Duration.ofSeconds(3)).build();

        @Test
        void instanceFieldExtensionServesTheTest(Mailbox mailbox) {
            assertThat(mail.mailbox()).isSameAs(mailbox);
            assertThat(mailbox.options().awaitTimeout()).isEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void instanceFieldExtensionGivesEachTestAServer() {
        TestKit.run(InstanceFieldFixture.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void accessorsOfAnExtensionThatNeverRanExplainWhenTheServerRuns() {
        LetterboxExtension mail = LetterboxExtension.builder().perClass().build();

        assertThatThrownBy(mail::port).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LetterboxExtension.port() was called while no server of this extension is"
                        + " running")
                .hasMessageContaining("check that the field is annotated with @RegisterExtension");
        assertThatThrownBy(mail::mailbox).hasMessageContaining("LetterboxExtension.mailbox() was called");
    }

    @Test
    void builderRejectsInvalidValuesAtOnce() {
        assertThatThrownBy(() -> LetterboxExtension.builder().maxMessageSize(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMessageSize");
        assertThatThrownBy(() -> LetterboxExtension.builder().awaitTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("awaitTimeout must be at least 1 ms");
    }
}
