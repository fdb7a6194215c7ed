package dev.letterbox.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/** Runs {@link Fixture} classes with the Jupiter engine, the way a user's build would, and reads what happened. */
final class TestKit {
    static final String FIXTURES_PARAMETER = "letterbox.test.fixtures";

    private TestKit() {
    }

    static EngineExecutionResults run(Class<?> fixture) {
        return run(fixture, Map.of());
    }

    static EngineExecutionResults run(Class<?> fixture, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(FIXTURES_PARAMETER, "true")
                .configurationParameters(parameters)
                .selectors(selectClass(fixture))
                .execute();
    }

    /** The values fixtures published with {@code TestReporter.publishEntry(key, value)}, in publishing order. */
    static List<String> reported(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get(key))
                .filter(v -> v != null)
                .collect(Collectors.toList());
    }

    /** The messages of every failure (tests and containers), for assertions on what the user sees. */
    static List<String> failureMessages(EngineExecutionResults results) {
        return failures(results.allEvents()).stream().collect(Collectors.toList());
    }

    private static List<String> failures(Events events) {
        return events.stream()
                .filter(e -> e.getType() == EventType.FINISHED)
                .map(TestKit::throwable)
                .flatMap(Optional::stream)
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                .collect(Collectors.toList());
    }

    private static Optional<Throwable> throwable(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable);
    }
}
