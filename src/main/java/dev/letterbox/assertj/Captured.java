package dev.letterbox.assertj;

/**
 * What a failure message shows of the value under test: its kind ("message"), a one-line summary, and the fuller
 * context of what was captured (may be empty).
 */
record Captured(String kind, String summary, String context) {
}
