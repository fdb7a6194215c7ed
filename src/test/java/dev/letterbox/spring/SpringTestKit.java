package dev.letterbox.spring;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventType;
import org.springframework.test.context.TestContextManager;

/**
 * Runs {@code @Fixture} Spring test classes with the Jupiter engine, in one run (so in the order given, sharing the
 * JVM's context cache as one build would), reads what they published, and closes the contexts they cached.
 */
final class SpringTestKit {
    private SpringTestKit() {
    }

    static EngineExecutionResults run(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    static EngineExecutionResults run(Map<String, String> parameters, Class<?>... fixtures) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("letterbox.test.fixtures", "true")
                .configurationParameter("junit.jupiter.testclass.order.default",
                        "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                .configurationParameters(parameters)
                .selectors(Arrays.stream(fixtures).map(c -> selectClass(c)).toArray(
                        org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    /** The values fixtures published with {@code TestReporter.publishEntry(key, value)}, in publishing order. */
    static List<String> reported(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get(key))
                .filter(v -> v != null)
                .toList();
    }

    /** The messages of every failure (tests and containers), as the user sees them. */
    static List<String> failureMessages(EngineExecutionResults results) {
        return results.allEvents().stream()
                .filter(e -> e.getType() == EventType.FINISHED)
                .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable))
                .flatMap(Optional::stream)
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                .toList();
    }

    /** Removes the fixtures' contexts from Spring's context cache and closes them (and so their servers). */
    static void closeCachedContexts(Class<?>... fixtures) {
        for (Class<?> fixture : fixtures) {
            new TestContextManager(fixture).getTestContext().markApplicationContextDirty(null);
        }
    }
}
