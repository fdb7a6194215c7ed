package dev.letterbox.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.internal.snapshot.UnifiedDiff.Edit;
import dev.letterbox.internal.snapshot.UnifiedDiff.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.of("a\nb\n", "a\nb\n", "old", "new")).isEmpty();
        assertThat(UnifiedDiff.of("", "", "old", "new")).isEmpty();
    }

    @Test
    void textsThatDifferOnlyInTheirFinalLineEndHaveADiffThatSaysSo() {
        assertThat(UnifiedDiff.of("a\nb", "a\nb\n", "old", "new")).isEqualTo("""
                --- old
                +++ new
                (no line differs: old ends without a line end, new with one)
                """);
        assertThat(UnifiedDiff.of("a\nb\n", "a\nb", "old", "new"))
                .endsWith("(no line differs: old ends with a line end, new without one)\n");
    }

    @Test
    void linesThatLookAlikeGetANoteSayingWhereTheyDiffer() {
        String diff = UnifiedDiff.of("a\nHello \nb\nx\u00A0y\n", "a\nHello\nb\nx y\n", "old", "new");

        assertThat(diff).endsWith(" b\n-x\u00A0y\n+x y\n"
                + "(line 2 of old and line 2 of new look alike but differ at column 6: U+0020 SPACE in old, the end of"
                + " the line in new)\n"
                + "(line 4 of old and line 4 of new look alike but differ at column 2: U+00A0 NO-BREAK SPACE in old,"
                + " U+0020 SPACE in new)\n");
    }

    @Test
    void distantChangesMakeSeparateHunksWithThreeLinesOfContext() {
        String old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\np\n";
        String changed = "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\np\nq\n";

        // as diff -u prints it
        assertThat(UnifiedDiff.of(old, changed, "old", "new")).isEqualTo("""
                --- old
                +++ new
                @@ -1,6 +1,6 @@
                 a
                 b
                -c
                +C
                 d
                 e
                 f
                @@ -14,3 +14,4 @@
                 n
                 o
                 p
                +q
                """);
    }

    @Test
    void changesAtMostSixLinesApartShareOneHunk() {
        assertThat(UnifiedDiff.of("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nB\nc\nd\ne\nf\ng\nH\n", "old", "new"))
                .isEqualTo("""
                        --- old
                        +++ new
                        @@ -1,8 +1,8 @@
                         a
                        -b
                        +B
                         c
                         d
                         e
                         f
                         g
                        -h
                        +H
                        """);
    }

    @Test
    void anEmptySideIsNumberedByTheLineBeforeIt() {
        assertThat(UnifiedDiff.of("", "x\n", "old", "new")).isEqualTo("--- old\n+++ new\n@@ -0,0 +1 @@\n+x\n");
        assertThat(UnifiedDiff.of("a\nb\nc\n", "a\nc\n", "old", "new"))
                .isEqualTo("--- old\n+++ new\n@@ -1,3 +1,2 @@\n a\n-b\n c\n");
    }

    @Test
    void editScriptIsAShortestOneAndRebuildsBothTexts() {
        Random random = new Random(20);
        for (int round = 0; round < 2_000; round++) {
            List<String> a = randomLines(random);
            List<String> b = randomLines(random);

            List<Edit> edits = UnifiedDiff.edits(a, b);

            List<String> oldSide = new ArrayList<>();
            List<String> newSide = new ArrayList<>();
            int changes = 0;
            for (Edit e : edits) {
                if (e.op() != Op.INSERT) {
                    oldSide.add(a.get(e.oldLine()));
                }
                if (e.op() != Op.DELETE) {
                    newSide.add(b.get(e.newLine()));
                }
                if (e.op() == Op.EQUAL) {
                    assertThat(a.get(e.oldLine())).isEqualTo(b.get(e.newLine()));
                } else {
                    changes++;
                }
            }
            assertThat(oldSide).as("old side of %s -> %s", a, b).isEqualTo(a);
            assertThat(newSide).as("new side of %s -> %s", a, b).isEqualTo(b);
            assertThat(changes).as("edits of %s -> %s", a, b).isEqualTo(a.size() + b.size() - 2 * lcs(a, b));
        }
    }

    @Test
    void textsThatDifferEverywhereStillGetACorrectDiff() {
        // 100,000 lines on each side, none in common: a quadratic table would need 10 billion cells, and the search
        // for a shortest diff 10 billion steps; past its budget the diff turns coarse (here it is also the shortest)
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            a.append("old ").append(i).append('\n');
            b.append("new ").append(i).append('\n');
        }

        String diff = UnifiedDiff.of(a.toString(), b.toString(), "old", "new");

        assertThat(diff).startsWith("--- old\n+++ new\n@@ -1,100000 +1,100000 @@\n-old 0\n");
        assertThat(diff.lines().filter(l -> l.startsWith("-old")).count()).isEqualTo(100_000);
        assertThat(diff.lines().filter(l -> l.startsWith("+new")).count()).isEqualTo(100_000);
    }

    @Test
    void aLargeSnapshotWithScatteredChangesStillGetsAShortestDiff() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            a.append("line ").append(i).append('\n');
            b.append(i % 200 == 0 ? "changed " : "line ").append(i).append('\n');
        }

        String diff = UnifiedDiff.of(a.toString(), b.toString(), "old", "new");

        assertThat(diff.lines().filter(l -> l.startsWith("-line")).count()).isEqualTo(100);
        assertThat(diff.lines().filter(l -> l.startsWith("+changed")).count()).isEqualTo(100);
        assertThat(diff.lines().filter(l -> l.startsWith("@@")).count()).isEqualTo(100);
    }

    @Test
    void aCoarseDiffPastTheBudgetKeepsTheCommonStartAndEnd() {
        StringBuilder a = new StringBuilder("same start\n");
        StringBuilder b = new StringBuilder("same start\n");
        for (int i = 0; i < 50_000; i++) {
            a.append(i % 3 == 0 ? "x\n" : "a" + i + "\n");
            b.append(i % 3 == 0 ? "x\n" : "b" + i + "\n");
        }
        a.append("same end\n");
        b.append("same end\n");

        List<Edit> edits = UnifiedDiff.edits(UnifiedDiff.lines(a.toString()), UnifiedDiff.lines(b.toString()));

        assertThat(edits.get(0)).isEqualTo(new Edit(Op.EQUAL, 0, 0));
        assertThat(edits.get(edits.size() - 1)).isEqualTo(new Edit(Op.EQUAL, 50_001, 50_001));
        assertThat(edits.stream().filter(e -> e.op() != Op.INSERT).count()).isEqualTo(50_002);
        assertThat(edits.stream().filter(e -> e.op() != Op.DELETE).count()).isEqualTo(50_002);
    }

    private static List<String> randomLines(Random random) {
        int n = random.nextInt(12);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(String.valueOf((char) ('a' + random.nextInt(4))));
        }
        return lines;
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }
}
