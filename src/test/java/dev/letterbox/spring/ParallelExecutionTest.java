package dev.letterbox.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.Mailbox;
import dev.letterbox.junit.Fixture;
import dev.letterbox.spring.app.MailApp;
import dev.letterbox.spring.app.Notifier;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestContextManager;

/** Under JUnit's parallel execution, tests that share a context take turns on its mailbox. */
class ParallelExecutionTest {

    /** Counts the tests that use the context's mailbox at the same moment, and the most seen. */
    static final class Occupancy {
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        void enter() {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        void leave() {
            now.decrementAndGet();
        }

        int most() {
            return most.get();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OccupancyConfiguration {
        @Bean
        Occupancy occupancy() {
            return new Occupancy();
        }
    }

    @SpringBootTest(classes = {MailApp.class, OccupancyConfiguration.class})
    @SpringCaptureMail
    abstract static class ParallelBase {
        @Autowired
        Mailbox mailbox;
        @Autowired
        Notifier notifier;
        @Autowired
        Occupancy occupancy;

        @RepeatedTest(5)
        void seesOnlyItsOwnMail(TestInfo info) {
            occupancy.enter();
            try {
                String subject = info.getDisplayName() + " of " + getClass().getSimpleName();
                notifier.send("ann@example.com", subject);
                assertThat(mailbox.awaitMessage().subject()).isEqualTo(subject);
                assertThat(mailbox.messages()).hasSize(1);
            } finally {
                occupancy.leave();
            }
        }
    }

    @Fixture
    static class FirstParallelIT extends ParallelBase {
    }

    @Fixture
    static class SecondParallelIT extends ParallelBase {
    }

    @Fixture
    static class ReportingOccupancyIT extends ParallelBase {
        @Test
        void reports(org.junit.jupiter.api.TestReporter reporter) {
            reporter.publishEntry("most", String.valueOf(occupancy.most()));
        }
    }

    @AfterEach
    void closeContexts() {
        SpringTestKit.closeCachedContexts(FirstParallelIT.class);
    }

    @Test
    void testsSharingAContextRunOneAtATimeUnderParallelExecution() {
        // given
        Map<String, String> parallel = Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent");

        // when
        EngineExecutionResults results = SpringTestKit.run(parallel, FirstParallelIT.class, SecondParallelIT.class);
        EngineExecutionResults report = SpringTestKit.run(ReportingOccupancyIT.class);

        // then
        assertThat(SpringTestKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(10));
        assertThat(SpringTestKit.reported(report, "most")).containsExactly("1");
    }

    @Fixture
    @SpringBootTest(classes = {MailApp.class, OccupancyConfiguration.class})
    @SpringCaptureMail
    static class GuardedIT {
        @Test
        void sends() {
        }
    }

    @Test
    void aTestMeetingAnotherOnTheSameContextIsRefusedWithBothNames() throws Exception {
        // given: two test contexts on one cached application context, the first test running
        TestContextManager first = new TestContextManager(GuardedIT.class);
        TestContextManager second = new TestContextManager(GuardedIT.class);
        GuardedIT firstInstance = new GuardedIT();
        GuardedIT secondInstance = new GuardedIT();
        Method sends = GuardedIT.class.getDeclaredMethod("sends");
        first.prepareTestInstance(firstInstance);
        second.prepareTestInstance(secondInstance);
        first.beforeTestMethod(firstInstance, sends);

        try {
            // when, then
            assertThatThrownBy(() -> second.beforeTestMethod(secondInstance, sends))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(GuardedIT.class.getName() + ".sends() started while "
                            + GuardedIT.class.getName() + ".sends() is running, on the same Spring application"
                            + " context and so the same Letterbox mailbox (127.0.0.1:")
                    .hasMessageEndingWith("each would see the other's mail. Tests of classes with"
                            + " @SpringCaptureMail hold the JUnit resource lock"
                            + " \"dev.letterbox.spring.SpringCaptureMail\"; run these in the same thread"
                            + " (@Execution(ExecutionMode.SAME_THREAD)) or give them different options, and so"
                            + " different contexts.");
        } finally {
            first.afterTestMethod(firstInstance, sends, null);
        }
        second.beforeTestMethod(secondInstance, sends);
        second.afterTestMethod(secondInstance, sends, null);
        SpringTestKit.closeCachedContexts(GuardedIT.class);
    }
}
