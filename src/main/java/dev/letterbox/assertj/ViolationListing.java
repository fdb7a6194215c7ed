package dev.letterbox.assertj;

import dev.letterbox.Violation;
import java.util.List;

/** How a failure message lists violations: one per line, with severity, code, place, explanation and source. */
final class ViolationListing {
    private ViolationListing() {
    }

    static String of(List<Violation> violations) {
        if (violations.isEmpty()) {
            return "  (none)";
        }
        StringBuilder sb = new StringBuilder();
        for (Violation v : violations) {
            sb.append(sb.length() == 0 ? "  " : "\n  ").append(v);
        }
        return sb.toString();
    }

    static String count(List<Violation> violations) {
        return violations.size() + (violations.size() == 1 ? " violation" : " violations");
    }
}
