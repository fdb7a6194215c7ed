package dev.letterbox.bench;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table printed with aligned columns, also usable as Markdown. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    void row(String... cells) {
        rows.add(cells);
    }

    String render() {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], i < r.length ? r[i].length() : 0);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            sb.append('|');
            for (int i = 0; i < cols; i++) {
                String c = i < r.length ? r[i] : "";
                sb.append(' ').append(c).append(" ".repeat(width[i] - c.length())).append(" |");
            }
            sb.append('\n');
            if (n == 0) {
                sb.append('|');
                for (int i = 0; i < cols; i++) {
                    sb.append("-".repeat(width[i] + 2)).append('|');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
