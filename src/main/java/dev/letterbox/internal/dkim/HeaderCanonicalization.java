package dev.letterbox.internal.dkim;

import java.util.Locale;

/** The two header canonicalization algorithms of RFC 6376 section 3.4.1 and 3.4.2, for one field. */
final class HeaderCanonicalization {
    private HeaderCanonicalization() {
    }

    /** @return the field canonicalized with CRLF appended ({@code simple}: unchanged) */
    static String canonicalize(String field, boolean relaxed) {
        if (!relaxed) {
            return field + "\r\n";
        }
        int colon = field.indexOf(':');
        String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = field.substring(colon + 1);
        StringBuilder sb = new StringBuilder(field.length() + 2).append(name).append(':');
        boolean space = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                continue; // unfold
            }
            if (c == ' ' || c == '\t') {
                space = true;
                continue;
            }
            if (space && started) {
                sb.append(' ');
            }
            space = false;
            started = true;
            sb.append(c);
        }
        return sb.append("\r\n").toString();
    }
}
