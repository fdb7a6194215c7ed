package dev.letterbox.internal.dkim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header fields of a message exactly as received (folding kept), read up to the empty line that ends them; the
 * stream is left at the first octet of the body. Only CRLF ends a line, as in RFC 6376.
 */
final class HeaderSection {
    /** One field: its name and the whole field text ({@code Name: value} with folding) without the final CRLF. */
    record Field(String name, String text) {
    }

    private HeaderSection() {
    }

    static List<Field> read(InputStream in) throws IOException {
        List<Field> fields = new ArrayList<>();
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);
        StringBuilder current = null;
        int prev = -1;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n' && prev == '\r') {
                byte[] octets = line.toByteArray();
                int length = octets.length - 1; // without the CR
                line.reset();
                prev = -1;
                if (length == 0) {
                    break;
                }
                String text = new String(octets, 0, length, StandardCharsets.ISO_8859_1);
                if ((text.charAt(0) == ' ' || text.charAt(0) == '\t') && current != null) {
                    current.append("\r\n").append(text);
                } else {
                    add(fields, current);
                    current = new StringBuilder(text);
                }
                continue;
            }
            line.write(b);
            prev = b;
        }
        add(fields, current);
        return fields;
    }

    private static void add(List<Field> fields, StringBuilder field) {
        if (field == null) {
            return;
        }
        String text = field.toString();
        int colon = text.indexOf(':');
        if (colon > 0) {
            fields.add(new Field(text.substring(0, colon).trim(), text));
        }
    }
}
