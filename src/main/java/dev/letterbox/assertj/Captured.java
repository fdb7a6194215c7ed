package dev.letterbox.assertj;

/**
 * What a failure message shows of the value under test: its kind ("message"), a one-line summary, the fuller context
 * of what was captured (may be empty), and the line that names the test's failure report directory (may be empty).
 */
record Captured(String kind, String summary, String context, String reportLine) {

    /** @return what ends the failure message: the context block and the report line, each when there is one */
    String tail() {
        StringBuilder sb = new StringBuilder();
        if (!context.isEmpty()) {
            sb.append("\n\nCaptured ").append(kind).append(":\n").append(context);
        }
        if (!reportLine.isEmpty()) {
            sb.append(sb.length() == 0 ? "\n\n" : "\n").append(reportLine);
        }
        return sb.toString();
    }
}
