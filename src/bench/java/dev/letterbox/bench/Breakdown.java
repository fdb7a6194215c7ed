package dev.letterbox.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of {@link UserTests.LetterboxTimed}, each test's time for each step. The test classes are run by the
 * launcher, which gives them no way to hand results back, so this one recorder is static; the bench resets it before
 * the runs it reads and reads it after.
 */
final class Breakdown {
    static final String START = "server start (SmtpServer.start)";
    static final String SENDS = "sends (2 x Transport.send, the client's own work included)";
    static final String DELIVERY = "delivery (awaitMessages(2) after the sends returned)";
    static final String PARSE = "parse (subject() of both messages: first parse, view, decoded header)";
    static final String ASSERT = "assertions (AssertJ on the subjects)";
    static final String CLOSE = "server close";
    static final List<String> STEPS = List.of(START, SENDS, DELIVERY, PARSE, ASSERT, CLOSE);

    private static final Map<String, Samples> SAMPLES = new LinkedHashMap<>();

    private Breakdown() {
    }

    static synchronized void add(String step, long nanos) {
        SAMPLES.computeIfAbsent(step, k -> new Samples()).add(nanos);
    }

    static synchronized void reset() {
        SAMPLES.clear();
    }

    /** @return the median of a step over every test since the last reset, NaN if none ran */
    static synchronized double median(String step) {
        Samples s = SAMPLES.get(step);
        return s == null ? Double.NaN : s.median();
    }
}
