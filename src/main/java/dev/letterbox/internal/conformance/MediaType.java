package dev.letterbox.internal.conformance;

import java.util.Locale;

/**
 * The parts of a Content-Type value the checks need (type, boundary, charset), read without jakarta.mail in one pass
 * over the value: {@code type/subtype *(; name=value)}, values as tokens or quoted strings.
 *
 * @param type the lower-cased media type, such as {@code multipart/mixed}
 * @param boundary the boundary parameter, or null
 * @param charset the charset parameter, or null
 */
record MediaType(String type, String boundary, String charset) {
    static final MediaType DEFAULT = new MediaType("text/plain", null, null);

    static MediaType parse(String value) {
        int semi = value.indexOf(';');
        String type = (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        String boundary = null;
        String charset = null;
        int i = semi < 0 ? value.length() : semi + 1;
        while (i < value.length()) {
            int eq = value.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < value.length() && (value.charAt(j) == ' ' || value.charAt(j) == '\t')) {
                j++;
            }
            StringBuilder v = new StringBuilder();
            boolean quoted = j < value.length() && value.charAt(j) == '"';
            if (quoted) {
                j++;
                while (j < value.length() && value.charAt(j) != '"') {
                    char c = value.charAt(j++);
                    if (c == '\\' && j < value.length()) {
                        c = value.charAt(j++);
                    }
                    v.append(c);
                }
                j++;
                while (j < value.length() && value.charAt(j) != ';') {
                    j++;
                }
            } else {
                while (j < value.length() && value.charAt(j) != ';') {
                    v.append(value.charAt(j++));
                }
            }
            String text = quoted ? v.toString() : v.toString().trim();
            if (name.equals("boundary")) {
                boundary = text;
            } else if (name.equals("charset")) {
                charset = text.trim();
            }
            i = j + 1;
        }
        return new MediaType(type.isEmpty() ? "text/plain" : type, boundary, charset);
    }

    boolean isMultipart() {
        return type.startsWith("multipart/");
    }

    boolean isText() {
        return type.startsWith("text/");
    }
}
