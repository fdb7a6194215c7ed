package dev.letterbox.internal.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A line diff of two texts as a unified diff ({@code diff -u}): {@code @@ -a,b +c,d @@} hunks with three lines of
 * context. The edit script is a shortest one, found with Myers' O(ND) algorithm in its linear-space form (the middle
 * snake found from both ends, then each half diffed on its own), so memory stays proportional to the texts even when
 * they differ everywhere. Its time is O((N+M)D), which for two large texts that differ in most lines would be
 * quadratic; past a budget of steps the rest of the texts is diffed coarsely (what remains of the two ranges deleted
 * and inserted whole), still a correct diff, only not a shortest one.
 */
public final class UnifiedDiff {
    /** Lines of context around each change, as {@code diff -u}. */
    static final int CONTEXT = 3;
    /** The steps of the search for a shortest diff, a fraction of a second, before it turns coarse. */
    private static final long BUDGET = 20_000_000L;

    /** One line of the edit script: kept, removed from the old text or added by the new one. */
    enum Op { EQUAL, DELETE, INSERT }

    /** An edit of one line: {@code oldLine} and {@code newLine} are indexes (0-based) into the two line lists. */
    record Edit(Op op, int oldLine, int newLine) {
    }

    private final int[] a;
    private final int[] b;
    private final List<Edit> edits = new ArrayList<>();
    private long steps;

    private UnifiedDiff(int[] a, int[] b) {
        this.a = a;
        this.b = b;
    }

    /**
     * Renders the unified diff of two texts, empty only when the texts are equal. Two texts whose lines are equal
     * differ only in the line end at the very end; their diff says so in a line of its own, after the labels.
     *
     * @param oldText the old text (the snapshot), line ends {@code \n}
     * @param newText the new text (the received message), line ends {@code \n}
     * @param oldLabel the name of the old text, for the {@code ---} line
     * @param newLabel the name of the new text, for the {@code +++} line
     * @return the diff, lines ending in {@code \n}; empty if the texts are equal
     */
    public static String of(String oldText, String newText, String oldLabel, String newLabel) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<String> oldLines = lines(oldText);
        List<String> newLines = lines(newText);
        List<Edit> script = edits(oldLines, newLines);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldLabel).append('\n').append("+++ ").append(newLabel).append('\n');
        if (script.stream().allMatch(e -> e.op() == Op.EQUAL)) {
            // equal lines: lines() drops one line end at the very end, so that is all that differs
            boolean oldEnds = oldText.endsWith("\n");
            return out.append("(no line differs: ").append(oldLabel).append(oldEnds ? " ends with" : " ends without")
                    .append(" a line end, ").append(newLabel).append(oldEnds ? " without one)" : " with one)")
                    .append('\n').toString();
        }
        int i = 0;
        while (i < script.size()) {
            if (script.get(i).op() == Op.EQUAL) {
                i++;
                continue;
            }
            // a hunk: from CONTEXT lines before this change to CONTEXT lines after the last change that is at most
            // 2 * CONTEXT equal lines away from the next one
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < script.size()) {
                if (script.get(end).op() != Op.EQUAL) {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(script.size(), lastChange + CONTEXT + 1);
            appendHunk(out, script.subList(start, end), oldLines, newLines);
            i = end;
        }
        appendLookAlikes(out, script, oldLines, newLines, oldLabel, newLabel);
        return out.toString();
    }

    /**
     * Adds a note for each changed line that looks like the line it became (white space at its end, a no-break
     * space for a space, a zero-width character): the diff shows both, but a reader cannot see what differs.
     */
    private static void appendLookAlikes(StringBuilder out, List<Edit> script, List<String> oldLines,
            List<String> newLines, String oldLabel, String newLabel) {
        int i = 0;
        while (i < script.size()) {
            if (script.get(i).op() == Op.EQUAL) {
                i++;
                continue;
            }
            List<Edit> deleted = new ArrayList<>();
            List<Edit> inserted = new ArrayList<>();
            for (; i < script.size() && script.get(i).op() != Op.EQUAL; i++) {
                (script.get(i).op() == Op.DELETE ? deleted : inserted).add(script.get(i));
            }
            for (int k = 0; k < Math.min(deleted.size(), inserted.size()); k++) {
                int oldLine = deleted.get(k).oldLine();
                int newLine = inserted.get(k).newLine();
                String a = oldLines.get(oldLine);
                String b = newLines.get(newLine);
                if (looks(a).equals(looks(b))) {
                    int column = 0;
                    while (column < a.length() && column < b.length() && a.charAt(column) == b.charAt(column)) {
                        column++;
                    }
                    out.append("(line ").append(oldLine + 1).append(" of ").append(oldLabel).append(" and line ")
                            .append(newLine + 1).append(" of ").append(newLabel)
                            .append(" look alike but differ at column ").append(column + 1).append(": ")
                            .append(character(a, column)).append(" in ").append(oldLabel).append(", ")
                            .append(character(b, column)).append(" in ").append(newLabel).append(")\n");
                }
            }
        }
    }

    /** What a line looks like: white space as one kind of space, none at the end, invisible characters gone. */
    private static String looks(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        line.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.FORMAT) {
                return;
            }
            sb.appendCodePoint(Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp);
        });
        return sb.toString().stripTrailing();
    }

    private static String character(String line, int index) {
        if (index >= line.length()) {
            return "the end of the line";
        }
        int cp = line.codePointAt(index);
        String name = Character.getName(cp);
        return String.format("U+%04X", cp) + (name == null ? "" : " " + name);
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk, List<String> oldLines, List<String> newLines) {
        int oldCount = 0;
        int newCount = 0;
        int oldStart = -1;
        int newStart = -1;
        for (Edit e : hunk) {
            if (e.op() != Op.INSERT) {
                oldCount++;
                oldStart = oldStart < 0 ? e.oldLine() : oldStart;
            }
            if (e.op() != Op.DELETE) {
                newCount++;
                newStart = newStart < 0 ? e.newLine() : newStart;
            }
        }
        // an empty side is numbered by the line before it, as diff -u does
        Edit first = hunk.get(0);
        int oldFrom = oldCount == 0 ? first.oldLine() : oldStart + 1;
        int newFrom = newCount == 0 ? first.newLine() : newStart + 1;
        out.append("@@ -").append(range(oldFrom, oldCount)).append(" +").append(range(newFrom, newCount))
                .append(" @@\n");
        for (Edit e : hunk) {
            switch (e.op()) {
                case EQUAL -> out.append(' ').append(oldLines.get(e.oldLine()));
                case DELETE -> out.append('-').append(oldLines.get(e.oldLine()));
                case INSERT -> out.append('+').append(newLines.get(e.newLine()));
            }
            out.append('\n');
        }
    }

    private static String range(int from, int count) {
        return count == 1 ? Integer.toString(from) : from + "," + count;
    }

    /**
     * Splits a text into lines; a line end at the very end ends the last line, it does not start an empty one.
     *
     * @param text the text
     * @return the lines, without their line ends
     */
    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String[] split = text.split("\n", -1);
        int n = text.endsWith("\n") ? split.length - 1 : split.length;
        return Arrays.asList(split).subList(0, n);
    }

    /**
     * A shortest edit script that turns the old lines into the new ones.
     *
     * @param oldLines the old lines
     * @param newLines the new lines
     * @return every line of both, in order, as kept, deleted or inserted
     */
    static List<Edit> edits(List<String> oldLines, List<String> newLines) {
        Map<String, Integer> ids = new HashMap<>();
        int[] a = new int[oldLines.size()];
        int[] b = new int[newLines.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ids.computeIfAbsent(oldLines.get(i), k -> ids.size());
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = ids.computeIfAbsent(newLines.get(i), k -> ids.size());
        }
        UnifiedDiff diff = new UnifiedDiff(a, b);
        diff.diff(0, a.length, 0, b.length);
        return diff.edits;
    }

    /** Appends the edits of a[aFrom, aTo) against b[bFrom, bTo). */
    private void diff(int aFrom, int aTo, int bFrom, int bTo) {
        // common prefix and suffix are kept as they are
        int prefix = 0;
        while (aFrom + prefix < aTo && bFrom + prefix < bTo && a[aFrom + prefix] == b[bFrom + prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (aTo - suffix > aFrom + prefix && bTo - suffix > bFrom + prefix
                && a[aTo - suffix - 1] == b[bTo - suffix - 1]) {
            suffix++;
        }
        for (int i = 0; i < prefix; i++) {
            edits.add(new Edit(Op.EQUAL, aFrom + i, bFrom + i));
        }
        int x0 = aFrom + prefix;
        int x1 = aTo - suffix;
        int y0 = bFrom + prefix;
        int y1 = bTo - suffix;
        if (x0 == x1) {
            for (int j = y0; j < y1; j++) {
                edits.add(new Edit(Op.INSERT, x0, j));
            }
        } else if (y0 == y1) {
            for (int i = x0; i < x1; i++) {
                edits.add(new Edit(Op.DELETE, i, y0));
            }
        } else {
            long split = middleSnake(x0, x1, y0, y1);
            if (split < 0) {
                for (int i = x0; i < x1; i++) {
                    edits.add(new Edit(Op.DELETE, i, y0));
                }
                for (int j = y0; j < y1; j++) {
                    edits.add(new Edit(Op.INSERT, x1, j));
                }
            } else {
                int sx = (int) (split >>> 32);
                int sy = (int) split;
                diff(x0, sx, y0, sy);
                diff(sx, x1, sy, y1);
            }
        }
        for (int i = suffix; i > 0; i--) {
            edits.add(new Edit(Op.EQUAL, aTo - i, bTo - i));
        }
    }

    /**
     * Finds where a shortest edit path of a[x0, x1) against b[y0, y1) crosses its middle, searching forward and
     * backward at once (Myers 1986, section 4b). Both ranges are non-empty.
     *
     * @return the point as {@code x << 32 | y} (absolute indexes), or -1 if none was found within the budget
     */
    private long middleSnake(int x0, int x1, int y0, int y1) {
        int n = x1 - x0;
        int m = y1 - y0;
        int maxD = (n + m + 1) / 2;
        int offset = maxD;
        int length = 2 * maxD + 2;
        int[] forward = new int[length];
        int[] backward = new int[length];
        Arrays.fill(forward, -1);
        Arrays.fill(backward, -1);
        forward[offset + 1] = 0;
        backward[offset + 1] = 0;
        int delta = n - m;
        boolean odd = (delta & 1) != 0;
        int k1start = 0;
        int k1end = 0;
        int k2start = 0;
        int k2end = 0;
        for (int d = 0; d < maxD; d++) {
            steps += 2L * d + 2;
            if (steps > BUDGET) {
                return -1;
            }
            for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                int i1 = offset + k1;
                int x = k1 == -d || (k1 != d && forward[i1 - 1] < forward[i1 + 1]) ? forward[i1 + 1]
                        : forward[i1 - 1] + 1;
                int y = x - k1;
                while (x < n && y < m && a[x0 + x] == b[y0 + y]) {
                    x++;
                    y++;
                }
                forward[i1] = x;
                if (x > n) {
                    k1end += 2;
                } else if (y > m) {
                    k1start += 2;
                } else if (odd) {
                    int i2 = offset + delta - k1;
                    if (i2 >= 0 && i2 < length && backward[i2] != -1 && x >= n - backward[i2]) {
                        return point(x0 + x, y0 + y);
                    }
                }
            }
            for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                int i2 = offset + k2;
                int x = k2 == -d || (k2 != d && backward[i2 - 1] < backward[i2 + 1]) ? backward[i2 + 1]
                        : backward[i2 - 1] + 1;
                int y = x - k2;
                while (x < n && y < m && a[x0 + n - x - 1] == b[y0 + m - y - 1]) {
                    x++;
                    y++;
                }
                backward[i2] = x;
                if (x > n) {
                    k2end += 2;
                } else if (y > m) {
                    k2start += 2;
                } else if (!odd) {
                    int i1 = offset + delta - k2;
                    if (i1 >= 0 && i1 < length && forward[i1] != -1) {
                        int fx = forward[i1];
                        int fy = offset + fx - i1;
                        if (fx >= n - x) {
                            return point(x0 + fx, y0 + fy);
                        }
                    }
                }
            }
        }
        return -1;
    }

    private static long point(int x, int y) {
        return ((long) x << 32) | (y & 0xffffffffL);
    }
}
