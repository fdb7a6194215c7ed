package dev.letterbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.LetterboxExtension;
import dev.letterbox.Mailbox;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpExtension;
import dev.letterbox.TlsMode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class OptionsTest {

    @Fixture
    @CaptureMail(maxMessageSize = 1234, idleTimeout = "30s", awaitTimeout = "1500ms", lenientLineEndings = true,
            host = "localhost", serverName = "mx.test", maxCommandLineLength = 1000, maxRecipients = 200,
            spillThreshold = 4096, tls = TlsMode.OFFERED, users = "alice:secret", authRequired = true,
            plainAuthWithoutTls = false, withoutExtensions = {SmtpExtension.DSN, SmtpExtension.CHUNKING})
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
                .host("localhost").serverName("mx.test").maxCommandLineLength(1000).maxRecipients(200)
                .spillThreshold(4096).tls(TlsMode.OFFERED).users("alice:secret").authRequired(true)
                .plainAuthWithoutTls(false).withoutExtensions(SmtpExtension.CHUNKING, SmtpExtension.DSN).build();

        @Test
        void report(Mailbox mailbox, TestReporter reporter) {
            reporter.publishEntry("options", mailbox.options().toString());
        }
    }

    @Fixture
    @CaptureMail(maxRecipients = 150, serverName = "once.test")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS) // servers start per test
    static class ThreeTestsFixture {
        @Test
        void first(Mailbox mailbox, TestReporter reporter) {
            reporter.publishEntry("options", String.valueOf(System.identityHashCode(mailbox.options())));
        }

        @Test
        void second(Mailbox mailbox, TestReporter reporter) {
            reporter.publishEntry("options", String.valueOf(System.identityHashCode(mailbox.options())));
        }

        @RepeatedTest(2)
        void repeated(Mailbox mailbox, TestReporter reporter) {
            reporter.publishEntry("options", String.valueOf(System.identityHashCode(mailbox.options())));
        }
    }

    @Test
    void classAnnotationIsReadOnceForAllItsTestsWhichShareOneOptionsObject() {
        EngineExecutionResults results = TestKit.run(ThreeTestsFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
        assertThat(TestKit.reported(results, "options")).as("identity of each test's (own server's) options")
                .hasSize(4).containsOnly(TestKit.reported(results, "options").get(0));
    }

    @Test
    void annotationAndBuilderProduceTheSameServerOptions() {
        ServerOptions expected = ServerOptions.builder().maxMessageSize(1234).idleTimeout(Duration.ofSeconds(30))
                .awaitTimeout(Duration.ofMillis(1500)).lenientLineEndings(true).host("localhost")
                .serverName("mx.test").maxCommandLineLength(1000).maxRecipients(200).spillThreshold(4096)
                .tls(TlsMode.OFFERED).users("alice:secret").authRequired(true).plainAuthWithoutTls(false)
                .withoutExtensions(SmtpExtension.DSN, SmtpExtension.CHUNKING).build();

        assertThat(TestKit.reported(TestKit.run(AnnotatedFixture.class), "options"))
                .containsExactly(expected.toString());
        assertThat(TestKit.reported(TestKit.run(BuiltFixture.class), "options"))
                .containsExactly(expected.toString());
    }

    @Test
    void everyOptionButTheScriptHasAnAnnotationAttributeOfTheSameName() {
        Set<String> attributes = Arrays.stream(CaptureMail.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        List<String> options = Arrays.stream(ServerOptions.AbstractBuilder.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName)
                .filter(name -> !name.equals("rule")) // scripted faults are code, not declarations
                .filter(name -> !name.equals("sslContext")) // an SSLContext is code too
                .filter(name -> !name.equals("user")) // one user of users(...), which the annotation has
                .collect(Collectors.toList());

        assertThat(options).isNotEmpty().allSatisfy(name -> assertThat(attributes).contains(name));
    }

    @Test
    void optionsWithTheSameValuesAreEqualAndPrintEveryOption() {
        ServerOptions a = ServerOptions.builder().maxRecipients(150).build();
        ServerOptions b = ServerOptions.defaults().toBuilder().maxRecipients(150).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(ServerOptions.defaults());
        assertThat(a.toString()).startsWith("ServerOptions{host=127.0.0.1, port=0, serverName=letterbox.localhost,")
                .contains("maxRecipients=150", "maxMessageSize=unlimited", "rules=[]");
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
