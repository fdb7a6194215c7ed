package dev.letterbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.LetterboxExtension;
import dev.letterbox.Mailbox;
import dev.letterbox.ServerOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class OptionsTest {

    @Fixture
    @CaptureMail(maxMessageSize = 1234, idleTimeout = "30s", awaitTimeout = "1500ms", lenientLineEndings = true)
    static class AnnotatedFixture {
        @Test
        void report(Mailbox mailbox, TestReporter reporter) {
            reporter.publishEntry("options", mailbox.options().toString());
        }
    }

    @Fixture
    static class BuiltFixture {
        @RegisterExtension
        static LetterboxExtension mail = LetterboxExtension.builder().maxMessageSize(1234)
                .idleTimeout(Duration.ofSeconds(30)).awaitTimeout(Duration.ofMillis(1500)).lenientLineEndings(true)
                .build();

        @Test
        void report(Mailbox mailbox, TestReporter reporter) {
            reporter.publishEntry("options", mailbox.options().toString());
        }
    }

    @Test
    void annotationAndBuilderProduceTheSameServerOptions() {
        ServerOptions expected = ServerOptions.builder().maxMessageSize(1234).idleTimeout(Duration.ofSeconds(30))
                .awaitTimeout(Duration.ofMillis(1500)).lenientLineEndings(true).build();

        assertThat(TestKit.reported(TestKit.run(AnnotatedFixture.class), "options"))
                .containsExactly(expected.toString());
        assertThat(TestKit.reported(TestKit.run(BuiltFixture.class), "options"))
                .containsExactly(expected.toString());
    }

    @Fixture
    @CaptureMail
    static class DefaultAwaitFixture {
        @Test
        void report(Mailbox mailbox, TestReporter reporter) {
            reporter.publishEntry("await", mailbox.options().awaitTimeout().toString());
        }
    }

    @Fixture
    @CaptureMail(awaitTimeout = "2s")
    static class ExplicitAwaitFixture {
        @Test
        void report(Mailbox mailbox, TestReporter reporter) {
            reporter.publishEntry("await", mailbox.options().awaitTimeout().toString());
        }
    }

    @Fixture
    static class ExplicitBuilderAwaitFixture {
        @RegisterExtension
        static LetterboxExtension mail = LetterboxExtension.builder().awaitTimeout(Duration.ofSeconds(3)).build();

        @Test
        void report(Mailbox mailbox, TestReporter reporter) {
            reporter.publishEntry("await", mailbox.options().awaitTimeout().toString());
        }
    }

    @Test
    void awaitTimeoutIsTenSecondsByDefault() {
        assertThat(TestKit.reported(TestKit.run(DefaultAwaitFixture.class), "await")).containsExactly("PT10S");
    }

    @Test
    void configurationParameterSetsTheAwaitTimeoutWhenNotSetExplicitly() {
        Map<String, String> parameters = Map.of("letterbox.await.timeout", "250ms");

        assertThat(TestKit.reported(TestKit.run(DefaultAwaitFixture.class, parameters), "await"))
                .containsExactly("PT0.25S");
    }

    @Test
    void explicitAwaitTimeoutWinsOverTheConfigurationParameter() {
        Map<String, String> parameters = Map.of("letterbox.await.timeout", "250ms");

        assertThat(TestKit.reported(TestKit.run(ExplicitAwaitFixture.class, parameters), "await"))
                .containsExactly("PT2S");
        assertThat(TestKit.reported(TestKit.run(ExplicitBuilderAwaitFixture.class, parameters), "await"))
                .containsExactly("PT3S");
    }

    @Test
    void invalidConfigurationParameterFailsWithTheAcceptedForms() {
        EngineExecutionResults results = TestKit.run(DefaultAwaitFixture.class,
                Map.of("letterbox.await.timeout", "ten seconds"));

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(TestKit.failureMessages(results)).singleElement().asString()
                .contains("Invalid JUnit configuration parameter: letterbox.await.timeout \"ten seconds\" is not a"
                        + " duration")
                .contains("\"500ms\", \"10s\"");
    }

    @Fixture
    @CaptureMail(idleTimeout = "5 minutes")
    static class InvalidAnnotationFixture {
        @Test
        void report(Mailbox mailbox) {
            assertThat(mailbox).isNotNull();
        }
    }

    @Test
    void invalidAnnotationDurationNamesTheAttributeAndTheClass() {
        EngineExecutionResults results = TestKit.run(InvalidAnnotationFixture.class);

        assertThat(TestKit.failureMessages(results)).singleElement().asString()
                .startsWith("ExtensionConfigurationException: Invalid @CaptureMail on class "
                        + InvalidAnnotationFixture.class.getName() + ": idleTimeout \"5 minutes\" is not a duration");
    }
}
