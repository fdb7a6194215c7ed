package dev.letterbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.CaptureMail.Lifecycle;
import dev.letterbox.Mailbox;
import jakarta.mail.Session;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

class InjectionTest {

    @Fixture
    @CaptureMail
    static class PerTestInjectionFixture {
        private final Mailbox fromConstructor;
        private Mailbox field;
        private Mailbox fromBeforeEach;

        PerTestInjectionFixture(Mailbox mailbox) {
            this.fromConstructor = mailbox;
        }

        @BeforeEach
        void setUp(Mailbox mailbox) {
            this.fromBeforeEach = mailbox;
        }

        @Test
        void constructorFieldLifecycleAndTestParametersShareTheTestsMailbox(Mailbox mailbox) {
            assertThat(field).isSameAs(mailbox);
            assertThat(fromConstructor).isSameAs(mailbox);
            assertThat(fromBeforeEach).isSameAs(mailbox);
        }

        @Test
        void injectedSessionDeliversToTheMailbox(Session session, Mailbox mailbox) {
            Mails.send(session, "ann@example.com", "via session");

            assertThat(mailbox.awaitMessage().subject()).isEqualTo("via session");
            assertThat(session.getProperty("mail.smtp.port")).isEqualTo(String.valueOf(mailbox.port()));
            assertThat(session.getProperty("mail.smtp.timeout")).isEqualTo("10000");
        }

        @AfterEach
        void tearDown(Mailbox mailbox) {
            assertThat(mailbox).isSameAs(field);
        }

        @Nested
        class Inner {
            private Mailbox innerField;

            @Test
            void nestedAndEnclosingInstanceFieldsHoldTheCurrentMailbox(Mailbox mailbox) {
                assertThat(innerField).isSameAs(mailbox);
                assertThat(field).isSameAs(mailbox);
            }
        }
    }

    @Test
    void perTestMailboxIsInjectedIntoConstructorFieldsLifecycleMethodsAndTests() {
        TestKit.run(PerTestInjectionFixture.class).testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
    }

    @Fixture
    @CaptureMail
    static class ParallelConstructorInjectionFixture {
        private final Mailbox fromConstructor;

        ParallelConstructorInjectionFixture(Mailbox mailbox) {
            this.fromConstructor = mailbox;
        }

        @org.junit.jupiter.api.RepeatedTest(24)
        @org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
        void eachTestConstructsWithItsOwnServer(Mailbox mailbox, org.junit.jupiter.api.RepetitionInfo repetition) {
            assertThat(fromConstructor).isSameAs(mailbox);
            String subject = "repetition " + repetition.getCurrentRepetition();
            Mails.send(mailbox.session(), "ann@example.com", subject);

            assertThat(mailbox.awaitMessages(1)).singleElement()
                    .satisfies(m -> assertThat(m.subject()).isEqualTo(subject));
        }
    }

    @Test
    void constructorInjectionUnderParallelExecutionGivesEachTestTheServerOfItsOwnContext() {
        // On every JUnit line the constructor may be resolved with the class's context (always on 5.10 and 5.11):
        // the server started for it must still be the test's own, closed with the test.
        TestKit.run(ParallelConstructorInjectionFixture.class, java.util.Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"))
                .testEvents().assertStatistics(s -> s.succeeded(24).failed(0));
    }

    @Fixture
    @CaptureMail
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
    static class ConstructorFailingOnceFixture {
        static final java.util.concurrent.atomic.AtomicInteger CONSTRUCTIONS =
                new java.util.concurrent.atomic.AtomicInteger();

        ConstructorFailingOnceFixture(Mailbox mailbox) {
            if (CONSTRUCTIONS.getAndIncrement() == 0) {
                Mails.send(mailbox.session(), "ann@example.com", "sent by a constructor that then failed");
                mailbox.awaitMessage();
                throw new IllegalStateException("the first construction fails");
            }
        }

        @Test
        @org.junit.jupiter.api.Order(1)
        void first() {
        }

        @Test
        @org.junit.jupiter.api.Order(2)
        void secondStartsWithAnEmptyMailbox(Mailbox mailbox) {
            assertThat(mailbox.messages()).isEmpty();
        }
    }

    @Test
    void aTestGetsAFreshServerAfterAnEarlierTestsConstructorFailed() {
        ConstructorFailingOnceFixture.CONSTRUCTIONS.set(0);

        TestKit.run(ConstructorFailingOnceFixture.class).testEvents()
                .assertStatistics(s -> s.failed(1).succeeded(1));
    }

    @Fixture
    @CaptureMail(lifecycle = Lifecycle.PER_CLASS)
    static class PerClassInjectionFixture {
        static Mailbox staticField;
        static Mailbox fromBeforeAll;
        Mailbox instanceField;

        @BeforeAll
        static void setUp(Mailbox mailbox) {
            assertThat(staticField).isSameAs(mailbox);
            fromBeforeAll = mailbox;
        }

        @Test
        void staticAndInstanceFieldsAndBeforeAllShareTheClassMailbox(Mailbox mailbox) {
            assertThat(staticField).isSameAs(mailbox);
            assertThat(fromBeforeAll).isSameAs(mailbox);
            assertThat(instanceField).isSameAs(mailbox);
        }
    }

    @Test
    void perClassMailboxIsInjectedIntoStaticFieldsAndBeforeAll() {
        TestKit.run(PerClassInjectionFixture.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Fixture
    @CaptureMail
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerTestWithInstancePerClassFixture {
        Mailbox field;

        @Test
        void first(Mailbox mailbox) {
            assertThat(field).isSameAs(mailbox);
        }

        @Test
        void second(Mailbox mailbox) {
            assertThat(field).isSameAs(mailbox);
        }
    }

    @Test
    void perTestServerRefreshesFieldsOfAnInstanceSharedByTheClass() {
        TestKit.run(PerTestWithInstancePerClassFixture.class).testEvents()
                .assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Fixture
    @CaptureMail
    static class PropertiesFixture {
        @Test
        void smtpPropertiesPointAtTheServerAndAreAFreshCopyEachCall(Mailbox mailbox) {
            Properties first = mailbox.smtpProperties();
            first.setProperty("mail.smtp.host", "changed.example");

            Properties second = mailbox.smtpProperties();

            assertThat(second).containsEntry("mail.smtp.host", mailbox.host())
                    .containsEntry("mail.smtp.port", String.valueOf(mailbox.port()))
                    .containsEntry("mail.smtp.connectiontimeout", "5000")
                    .containsEntry("mail.smtp.timeout", "10000")
                    .containsEntry("mail.smtp.writetimeout", "10000");
            assertThat(second).isNotSameAs(first);
        }
    }

    @Test
    void smtpPropertiesAreAFreshCopyPointingAtTheServer() {
        TestKit.run(PropertiesFixture.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }
}
