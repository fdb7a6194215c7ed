package dev.letterbox.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectIteration;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs one contender's class of {@link UserTests} through the JUnit Platform launcher and times it. */
final class JUnitScenario {
    /**
     * Table row name to test class, in table order.
     */
    static Map<String, Class<?>> classes() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("floor", UserTests.Floor.class);
        m.put("letterbox", UserTests.Letterbox.class);
        m.put("greenmail", UserTests.GreenMail.class);
        m.put("wiser", UserTests.WiserTests.class);
        return m;
    }

    private final Launcher launcher = LauncherFactory.create();

    private static java.lang.reflect.Method testMethod(Class<?> testClass) {
        return org.junit.platform.commons.support.ReflectionSupport.findMethods(testClass,
                m -> m.getName().equals(UserTests.METHOD),
                org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException(testClass + " has no method " + UserTests.METHOD));
    }

    /**
     * Runs the first {@code tests} tests of a class (all 200 when tests is 200) and returns the wall time.
     *
     * @throws IllegalStateException if any test failed or did not run
     */
    long run(Class<?> testClass, int tests) {
        DiscoverySelector selector = tests >= UserTests.TESTS ? selectClass(testClass)
                : selectIteration(selectMethod(testClass, testMethod(testClass)), IntStream.range(0, tests).toArray());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selector)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long t0 = System.nanoTime();
        launcher.execute(request, listener);
        long elapsed = System.nanoTime() - t0;
        TestExecutionSummary s = listener.getSummary();
        if (s.getTotalFailureCount() > 0 || s.getTestsSucceededCount() != tests) {
            StringBuilder why = new StringBuilder(testClass.getSimpleName() + ": " + s.getTestsSucceededCount()
                    + " of " + tests + " tests passed");
            s.getFailures().stream().limit(3).forEach(f -> why.append("\n  ").append(f.getTestIdentifier()
                    .getDisplayName()).append(": ").append(f.getException()));
            throw new IllegalStateException(why.toString());
        }
        return elapsed;
    }
}
