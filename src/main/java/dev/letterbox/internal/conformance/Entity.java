package dev.letterbox.internal.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One MIME entity while the scan is inside it: the message itself or a body part. Holds what its header section said
 * (kept fields, media type, transfer encoding) and, for a multipart, its boundary and how far the parts got.
 */
final class Entity {
    private static final int MAX_FIELD = 64 * 1024;

    final String path;
    final boolean keepAllFields;
    final List<HeaderField> fields = new ArrayList<>();
    boolean inHeaders = true;
    MediaType type = MediaType.DEFAULT;
    String encoding;
    byte[] boundary;
    boolean boundaryUsed;
    boolean closed;
    int parts;
    BodyCheck body;
    private String fieldName;
    private StringBuilder fieldValue;
    private long fieldLine;

    Entity(String path, boolean keepAllFields) {
        this.path = path;
        this.keepAllFields = keepAllFields;
    }

    /** @return how a violation names this entity: "message" or "part 1.2" */
    String place() {
        return path.isEmpty() ? "message" : "part " + path;
    }

    String childPath(int index) {
        return path.isEmpty() ? Integer.toString(index) : path + "." + index;
    }

    boolean hasField() {
        return fieldName != null;
    }

    void startField(String name, byte[] text, int from, int kept, long line) {
        endField();
        String lower = name.toLowerCase(Locale.ROOT);
        if (keepAllFields || lower.equals("content-type") || lower.equals("content-transfer-encoding")) {
            fieldName = name;
            fieldValue = new StringBuilder();
            fieldLine = line;
            appendToField(text, from, kept);
        } else {
            fieldName = "";
        }
    }

    void continueField(byte[] text, int kept) {
        if (fieldValue != null) {
            appendToField(text, 0, kept);
        }
    }

    private void appendToField(byte[] text, int from, int kept) {
        int n = Math.min(kept - from, MAX_FIELD - fieldValue.length());
        if (n > 0) {
            fieldValue.append(new String(text, from, n, StandardCharsets.ISO_8859_1));
        }
    }

    void endField() {
        if (fieldValue != null) {
            fields.add(new HeaderField(fieldName, fieldValue.toString(), fieldLine));
        }
        fieldName = null;
        fieldValue = null;
    }

    /** @return the first kept field of that name, or null */
    String field(String name) {
        for (HeaderField f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return f.value();
            }
        }
        return null;
    }
}
