package dev.letterbox.internal.junit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations written in {@code @CaptureMail} attributes and JUnit configuration parameters. */
public final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("\\s*(\\d{1,12})\\s*(ms|s|m|h)\\s*", Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    /**
     * Parses {@code "500ms"}, {@code "10s"}, {@code "2m"}, {@code "1h"} or an ISO-8601 duration like {@code "PT1.5S"}.
     *
     * @param text the text
     * @param what what the text configures, for the error message, such as {@code awaitTimeout}
     * @return the duration
     * @throws IllegalArgumentException if the text is none of these; the message shows the accepted forms
     */
    public static Duration parse(String text, String what) {
        Matcher m = SIMPLE.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "ms":
                    return Duration.ofMillis(n);
                case "s":
                    return Duration.ofSeconds(n);
                case "m":
                    return Duration.ofMinutes(n);
                default:
                    return Duration.ofHours(n);
            }
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
            try {
                return Duration.parse(trimmed);
            } catch (DateTimeParseException e) {
                // fall through to the explanation below
            }
        }
        throw new IllegalArgumentException(what + " \"" + text + "\" is not a duration: write a whole number with a"
                + " unit, such as \"500ms\", \"10s\", \"2m\" or \"1h\", or an ISO-8601 duration such as \"PT1.5S\"");
    }
}
