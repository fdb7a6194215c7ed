package dev.letterbox.internal.conformance;

import dev.letterbox.Violation;
import dev.letterbox.ViolationCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects violations during one scan. Codes that can repeat on every line (bare line endings, long lines, 8-bit
 * octets) are reported once, at their first place, with a count; so the result stays small for any input.
 */
final class Findings {
    private final List<Object> entries = new ArrayList<>();
    private final Map<ViolationCode, Counted> counted = new EnumMap<>(ViolationCode.class);

    private static final class Counted {
        final ViolationCode code;
        final String place;
        final String what;
        final String unit;
        long count = 1;

        Counted(ViolationCode code, String place, String what, String unit) {
            this.code = code;
            this.place = place;
            this.what = what;
            this.unit = unit;
        }

        Violation toViolation() {
            return new Violation(code, place, count == 1 ? what : what + " (" + count + " " + unit + " in all)");
        }
    }

    /** Adds one violation. */
    void add(ViolationCode code, String place, String message) {
        entries.add(new Violation(code, place, message));
    }

    /**
     * Adds a violation that is reported once: the first call gives its place and text, later calls only count.
     *
     * @param unit what is counted, plural, such as "lines"
     */
    void addCounted(ViolationCode code, String place, String message, String unit) {
        Counted c = counted.get(code);
        if (c != null) {
            c.count++;
            return;
        }
        c = new Counted(code, place, message, unit);
        counted.put(code, c);
        entries.add(c);
    }

    /** @return true if the code was found (counted codes only) */
    boolean has(ViolationCode code) {
        return counted.containsKey(code);
    }

    List<Violation> toList() {
        List<Violation> out = new ArrayList<>(entries.size());
        for (Object e : entries) {
            out.add(e instanceof Counted c ? c.toViolation() : (Violation) e);
        }
        return List.copyOf(out);
    }
}
