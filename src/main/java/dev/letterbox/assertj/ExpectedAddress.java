package dev.letterbox.assertj;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One address as a test writes it: {@code ann@example.com}, or with a display name, {@code Ann <ann@example.com>}
 * or {@code "Doe, Ann" <ann@example.com>}. The address is compared ignoring case; a display name, when given, must
 * match the header's exactly.
 *
 * @param address the address, such as {@code ann@example.com}
 * @param displayName the display name, or null when none was given
 * @param written the text as the test wrote it, for failure messages
 */
record ExpectedAddress(String address, String displayName, String written) {

    /**
     * Reads one expected address.
     *
     * @param text the address as written
     * @return the address
     * @throws IllegalArgumentException if the text holds no address or several (a comma outside quotes, several
     *     {@code <...>})
     * @throws NullPointerException if text is null
     */
    static ExpectedAddress parse(String text) {
        Objects.requireNonNull(text, "address");
        String t = text.strip();
        int open = t.lastIndexOf('<');
        boolean quoted = false;
        int angles = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ',' || c == ';')) {
                throw ambiguous(text);
            } else if (!quoted && c == '<') {
                angles++;
            }
        }
        if (angles == 0) {
            if (t.isEmpty() || t.indexOf('>') >= 0 || t.chars().anyMatch(Character::isWhitespace)) {
                throw ambiguous(text);
            }
            return new ExpectedAddress(t, null, text);
        }
        if (angles > 1 || !t.endsWith(">") || open == t.length() - 2) {
            throw ambiguous(text);
        }
        String address = t.substring(open + 1, t.length() - 1).strip();
        String name = t.substring(0, open).strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return new ExpectedAddress(address, name.isEmpty() ? null : name, text);
    }

    /**
     * Reads expected addresses.
     *
     * @param texts the addresses as written
     * @return the addresses, in the same order
     */
    static List<ExpectedAddress> parseAll(String... texts) {
        Objects.requireNonNull(texts, "addresses");
        List<ExpectedAddress> list = new ArrayList<>();
        for (String t : texts) {
            list.add(parse(t));
        }
        return list;
    }

    /** @return the address in lower case, the form comparisons use */
    String key() {
        return address.toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException ambiguous(String text) {
        return new IllegalArgumentException("Expected one address per argument, such as \"ann@example.com\" or"
                + " \"Ann <ann@example.com>\", but got \"" + text + "\"; pass several addresses as several arguments");
    }
}
