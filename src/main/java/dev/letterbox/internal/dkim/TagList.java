package dev.letterbox.internal.dkim;

import java.util.LinkedHashMap;
import java.util.Map;

/** A DKIM tag=value list (RFC 6376 section 3.2): tags separated by ";", white space around them ignored. */
final class TagList {
    private TagList() {
    }

    /**
     * Parses a tag list.
     *
     * @return the values by tag name, in order, each trimmed
     * @throws IllegalArgumentException if a tag is malformed or repeated
     */
    static Map<String, String> parse(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        int i = 0;
        while (i < value.length()) {
            int semi = value.indexOf(';', i);
            int end = semi < 0 ? value.length() : semi;
            String spec = value.substring(i, end);
            i = end + 1;
            if (spec.isBlank()) {
                continue;
            }
            int eq = spec.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("the tag '" + spec.trim() + "' has no '='");
            }
            String name = spec.substring(0, eq).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a tag without a name: '" + spec.trim() + "'");
            }
            if (tags.put(name, spec.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("the tag " + name + "= occurs twice");
            }
        }
        return tags;
    }

    /** @return the value with all folding white space removed (for base64 tags such as b= and bh=) */
    static String withoutWhiteSpace(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
