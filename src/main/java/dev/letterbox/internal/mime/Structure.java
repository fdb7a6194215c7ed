package dev.letterbox.internal.mime;

/** Renders a {@link MimeNode} tree as an indented outline, one part per line. */
final class Structure {

    private Structure() {
    }

    static String render(MimeNode root) {
        StringBuilder sb = new StringBuilder();
        render(root, 0, sb);
        return sb.toString().stripTrailing();
    }

    private static void render(MimeNode n, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(n.contentType().mimeType());
        if (n.contentType().charset() != null) {
            sb.append("; charset=").append(n.contentType().charset());
        }
        if (n.encoding() != null) {
            sb.append(", ").append(n.encoding());
        }
        if (n.disposition() != null) {
            sb.append(", ").append(n.disposition());
        }
        if (n.fileName() != null) {
            sb.append(", \"").append(n.fileName()).append('"');
        }
        if (n.contentId() != null) {
            sb.append(", cid:").append(n.contentId());
        }
        if (n.role() != MimeNode.Role.CONTAINER && n.rawSize() >= 0) {
            sb.append(", ").append(n.rawSize()).append(" octets as sent");
        }
        if (n.problem() != null) {
            sb.append(" [").append(n.problem()).append(']');
        }
        sb.append('\n');
        for (MimeNode c : n.children()) {
            render(c, depth + 1, sb);
        }
        if (n.attachedRoot() != null) {
            render(n.attachedRoot(), depth + 1, sb);
        }
    }
}
