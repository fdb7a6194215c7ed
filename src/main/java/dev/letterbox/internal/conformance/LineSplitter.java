package dev.letterbox.internal.conformance;

import dev.letterbox.ViolationCode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits the octets of a message into lines in one pass, without backtracking: a line ends at LF (CRLF or bare LF); a
 * CR not followed by LF is content. Keeps at most {@link #KEPT} octets of each line (every legal line fits), and
 * reports for the whole line its length and whether it has 8-bit octets, so a very long line costs no memory.
 */
final class LineSplitter {
    /** The octets kept of one line: 998 octets are allowed (RFC 5322 section 2.1.1), a few more show the excess. */
    static final int KEPT = 1000;

    /** Receives the lines. */
    interface Receiver {
        /**
         * One line.
         *
         * @param text the first octets of the line, without its line ending
         * @param kept how many octets of text are valid (at most {@link #KEPT})
         * @param length the whole length of the line without its line ending
         * @param number the 1-based line number
         * @param eightBit whether any octet of the line is above 127
         */
        void line(byte[] text, int kept, long length, long number, boolean eightBit);
    }

    private final Findings findings;
    private final byte[] text = new byte[KEPT];
    private int kept;
    private long length;
    private boolean eightBit;
    private long number = 1;

    LineSplitter(Findings findings) {
        this.findings = findings;
    }

    /** Reads the stream to its end and hands every line to the receiver; a last line without LF is one too. */
    void split(InputStream in, Receiver receiver) throws IOException {
        byte[] buf = new byte[64 * 1024];
        boolean pendingCr = false;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (pendingCr) {
                    pendingCr = false;
                    if (b == '\n') {
                        endLine(receiver);
                        continue;
                    }
                    bareCr();
                }
                if (b == '\r') {
                    pendingCr = true;
                } else if (b == '\n') {
                    findings.addCounted(ViolationCode.BARE_LF, "line " + number,
                            "bare <LF> ends the line instead of <CR><LF>", "lines");
                    endLine(receiver);
                } else {
                    append(b);
                }
            }
        }
        if (pendingCr) {
            bareCr();
        }
        if (length > 0) {
            endLine(receiver);
        }
    }

    private void bareCr() {
        findings.addCounted(ViolationCode.BARE_CR, "line " + number,
                "bare <CR> not followed by <LF>", "occurrences");
        append((byte) '\r');
    }

    private void append(byte b) {
        if (kept < KEPT) {
            text[kept++] = b;
        }
        length++;
        if (b < 0) {
            eightBit = true;
        }
    }

    private void endLine(Receiver receiver) {
        receiver.line(text, kept, length, number, eightBit);
        number++;
        kept = 0;
        length = 0;
        eightBit = false;
    }
}
