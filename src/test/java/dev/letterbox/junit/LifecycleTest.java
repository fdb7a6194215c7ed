package dev.letterbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.CaptureMail.Lifecycle;
import dev.letterbox.Mailbox;
import jakarta.mail.Session;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class LifecycleTest {

    @Fixture
    @CaptureMail
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerTestFixture {
        @Test
        @Order(1)
        void first(Mailbox mailbox, Session session) {
            assertThat(mailbox.messages()).isEmpty();
            Mails.send(session, "ann@example.com", "first");
            assertThat(mailbox.awaitMessages(1)).hasSize(1);
        }

        @Test
        @Order(2)
        void second(Mailbox mailbox, Session session) {
            assertThat(mailbox.messages()).isEmpty();
            Mails.send(session, "bob@example.com", "second");
            assertThat(mailbox.awaitMessage().subject()).isEqualTo("second");
        }
    }

    @Test
    void perTestLifecycleGivesEveryTestAFreshServer() {
        EngineExecutionResults results = TestKit.run(PerTestFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Fixture
    @CaptureMail
    static class ReportsItsPortFixture {
        private final Mailbox fromConstructor;

        ReportsItsPortFixture(Mailbox mailbox) {
            this.fromConstructor = mailbox;
        }

        @Test
        void reportsPort(Mailbox mailbox, TestReporter reporter) {
            assertThat(fromConstructor).isSameAs(mailbox);
            reporter.publishEntry("port", String.valueOf(mailbox.port()));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"true", "false"})
    void junitClosesEveryServerAfterItsTestWhateverTheAutoCloseParameterSays(String autoClose) {
        // JUnit 5.10 to 5.12 close only CloseableResource values, 5.13+ AutoCloseable ones unless this parameter is
        // false (then CloseableResource ones): on every line and either way, no server thread outlives its test
        EngineExecutionResults results = TestKit.run(ReportsItsPortFixture.class,
                java.util.Map.of("junit.jupiter.extensions.store.close.autocloseable.enabled", autoClose));

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        String port = TestKit.reported(results, "port").get(0);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                t -> t.isAlive() && t.getName().startsWith("letterbox-smtp-" + port + "-"));
    }

    @Fixture
    @CaptureMail(lifecycle = Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassFixture {
        @Test
        @Order(1)
        void sendsOne(Mailbox mailbox, Session session, TestReporter reporter) {
            Mails.send(session, "ann@example.com", "one");
            assertThat(mailbox.awaitMessage().subject()).isEqualTo("one");
            reporter.publishEntry("port", String.valueOf(mailbox.port()));
        }

        @Test
        @Order(2)
        void startsWithAnEmptyMailbox(Mailbox mailbox, Session session, TestReporter reporter) {
            assertThat(mailbox.messages()).isEmpty();
            Mails.send(session, "bob@example.com", "two");
            assertThat(mailbox.awaitMessage().subject()).isEqualTo("two");
            reporter.publishEntry("port", String.valueOf(mailbox.port()));
        }

        @Nested
        class Inner {
            @Test
            void seesTheEnclosingServerCleared(Mailbox mailbox, TestReporter reporter) {
                assertThat(mailbox.messages()).isEmpty();
                reporter.publishEntry("port", String.valueOf(mailbox.port()));
            }
        }

        @Nested
        @CaptureMail
        class InnerWithItsOwn {
            @Test
            void getsItsOwnServer(Mailbox mailbox, TestReporter reporter) {
                reporter.publishEntry("own", String.valueOf(mailbox.port()));
            }
        }
    }

    @Test
    void perClassLifecycleSharesOneServerClearedBeforeEachTestWithNestedClasses() {
        EngineExecutionResults results = TestKit.run(PerClassFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
        assertThat(TestKit.reported(results, "port")).hasSize(3).containsOnly(TestKit.reported(results, "port").get(0));
        assertThat(TestKit.reported(results, "own")).hasSize(1).doesNotContainAnyElementsOf(
                TestKit.reported(results, "port"));
    }

    @Fixture
    @CaptureMail(lifecycle = Lifecycle.PER_CLASS)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstanceFixture {
        private final Mailbox fromConstructor;

        PerClassInstanceFixture(Mailbox mailbox) {
            this.fromConstructor = mailbox;
        }

        @Test
        void constructorAndParameterSeeTheSameServer(Mailbox mailbox) {
            assertThat(mailbox).isSameAs(fromConstructor);
        }

        @Test
        void andAgain(Mailbox mailbox) {
            assertThat(mailbox).isSameAs(fromConstructor);
        }
    }

    @Test
    void perClassServerWorksWithTestInstancePerClass() {
        TestKit.run(PerClassInstanceFixture.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Fixture
    @CaptureMail(lifecycle = Lifecycle.PER_CLASS)
    static class MethodOverrideFixture {
        @Test
        void usesTheClassServer(Mailbox mailbox, TestReporter reporter) {
            reporter.publishEntry("class", String.valueOf(mailbox.port()));
        }

        @Test
        @CaptureMail(maxMessageSize = 1000)
        void usesItsOwnServer(Mailbox mailbox, TestReporter reporter) {
            assertThat(mailbox.options().maxMessageSize()).isEqualTo(1000);
            reporter.publishEntry("method", String.valueOf(mailbox.port()));
        }
    }

    @Test
    void methodAnnotationGivesThatTestItsOwnServer() {
        EngineExecutionResults results = TestKit.run(MethodOverrideFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(TestKit.reported(results, "method")).doesNotContainAnyElementsOf(
                TestKit.reported(results, "class"));
    }

    @Retention(RetentionPolicy.RUNTIME)
    @CaptureMail(lifecycle = Lifecycle.PER_CLASS, awaitTimeout = "1500ms")
    @interface SharedMailServer {
    }

    @Fixture
    @SharedMailServer
    abstract static class AnnotatedBase {
    }

    @Fixture
    static class InheritedMetaAnnotationFixture extends AnnotatedBase {
        @Test
        void findsTheMetaAnnotationOnTheSuperclass(Mailbox mailbox) {
            assertThat(mailbox.options().awaitTimeout()).hasMillis(1500);
        }
    }

    @Test
    void annotationIsFoundAsMetaAnnotationAndOnSuperclass() {
        TestKit.run(InheritedMetaAnnotationFixture.class).testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Fixture
    @CaptureMail
    static class TestFactoryFixture {
        @TestFactory
        Stream<DynamicTest> dynamicTestsShareTheFactorysServer(Mailbox mailbox, Session session) {
            return Stream.of(
                    DynamicTest.dynamicTest("sends", () -> Mails.send(session, "ann@example.com", "dynamic")),
                    DynamicTest.dynamicTest("sees it", () -> assertThat(mailbox.awaitMessage().subject())
                            .isEqualTo("dynamic")));
        }
    }

    @Test
    void dynamicTestsOfATestFactoryShareOneServer() {
        TestKit.run(TestFactoryFixture.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    }
}
