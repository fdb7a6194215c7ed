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
    static final String FLOOR_WITH_EXTENSION = "floor + @CaptureMail(PER_CLASS)";
    static final String LETTERBOX_TIMED = "letterbox, no extension (timed steps)";

    /**
     * Table row name to test class, in table order: the contenders, then the two Letterbox variants that split its
     * time (the extension alone around the floor; the server without the extension).
     *
     * @param parallel whether the classes run with JUnit's parallel execution: the per-class variant cannot (its
     *     mailbox is cleared before each test), so it is left out
     */
    static Map<String, Class<?>> classes(boolean parallel) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("floor", UserTests.Floor.class);
        m.put("letterbox", UserTests.Letterbox.class);
        m.put("greenmail", UserTests.GreenMail.class);
        m.put("wiser", UserTests.WiserTests.class);
        if (!parallel) {
            m.put(FLOOR_WITH_EXTENSION, UserTests.FloorWithExtension.class);
        }
        m.put(LETTERBOX_TIMED, UserTests.LetterboxTimed.class);
        return m;
    }

    /** Threads of the parallel mode: the tests wait on sockets more than they compute, so more than the cores. */
    static final int PARALLELISM = 4;

    private final Launcher launcher = LauncherFactory.create();
    private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /**
     * One launcher run: its wall time, and the CPU time the whole process spent meanwhile (every thread: the tests,
     * the client, the servers, JUnit, GC and JIT), which load from other processes moves far less than wall time.
     */
    record Run(long elapsedNanos, long cpuNanos) {
    }

    private static java.lang.reflect.Method testMethod(Class<?> testClass) {
        return org.junit.platform.commons.support.ReflectionSupport.findMethods(testClass,
                m -> m.getName().equals(UserTests.METHOD),
                org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException(testClass + " has no method " + UserTests.METHOD));
    }

    /**
     * Runs the first {@code tests} tests of a class, one after the other or in parallel, (all 200 when tests is 200) and
     * returns its wall time and the process's CPU time.
     *
     * @throws IllegalStateException if any test failed or did not run
     */
    Run run(Class<?> testClass, int tests, boolean parallel) {
        DiscoverySelector selector = tests >= UserTests.TESTS ? selectClass(testClass)
                : selectIteration(selectMethod(testClass, testMethod(testClass)), IntStream.range(0, tests).toArray());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selector)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", String.valueOf(parallel))
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism",
                        String.valueOf(PARALLELISM))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        launcher.execute(request, listener);
        long elapsed = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        TestExecutionSummary s = listener.getSummary();
        if (s.getTotalFailureCount() > 0 || s.getTestsSucceededCount() != tests) {
            StringBuilder why = new StringBuilder(testClass.getSimpleName() + ": " + s.getTestsSucceededCount()
                    + " of " + tests + " tests passed");
            s.getFailures().stream().limit(3).forEach(f -> why.append("\n  ").append(f.getTestIdentifier()
                    .getDisplayName()).append(": ").append(f.getException()));
            throw new IllegalStateException(why.toString());
        }
        return new Run(elapsed, cpu);
    }
}
