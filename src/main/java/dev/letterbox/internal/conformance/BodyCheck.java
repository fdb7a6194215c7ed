package dev.letterbox.internal.conformance;

import dev.letterbox.ViolationCode;

/**
 * Checks the body of one leaf part against its Content-Transfer-Encoding while its lines stream by: 8-bit octets where
 * the encoding promises 7-bit, characters outside base64, broken quoted-printable escapes; and whether the decoded
 * content is 8-bit (base64 is decoded on the fly, keeping nothing but the bits of one quantum), for the charset check.
 */
final class BodyCheck {
    private final String encoding;
    private long rawEightBitLine;
    private long badLine;
    private String bad;
    private boolean decodedEightBit;
    private int bits;
    private int bitCount;

    /** @param encoding the declared transfer encoding, lower case, or null for none (7bit) */
    BodyCheck(String encoding) {
        this.encoding = encoding == null ? "7bit" : encoding;
    }

    void line(byte[] text, int kept, long number, boolean eightBit) {
        if (eightBit && rawEightBitLine == 0) {
            rawEightBitLine = number;
        }
        switch (encoding) {
            case "base64" -> base64(text, kept, number);
            case "quoted-printable" -> quotedPrintable(text, kept, number);
            default -> decodedEightBit |= eightBit;
        }
    }

    private void base64(byte[] text, int kept, long number) {
        for (int i = 0; i < kept; i++) {
            int v = sextet(text[i]);
            if (v >= 0) {
                bits = (bits << 6 | v) & 0xFFFF;
                bitCount += 6;
                if (bitCount >= 8) {
                    bitCount -= 8;
                    if (((bits >> bitCount) & 0x80) != 0) {
                        decodedEightBit = true;
                    }
                }
            } else if (text[i] == '=') {
                bitCount = 0;
            } else if (text[i] != ' ' && text[i] != '\t') {
                badAt(number, "a character outside the base64 alphabet");
            }
        }
    }

    private static int sextet(byte b) {
        if (b >= 'A' && b <= 'Z') {
            return b - 'A';
        }
        if (b >= 'a' && b <= 'z') {
            return b - 'a' + 26;
        }
        if (b >= '0' && b <= '9') {
            return b - '0' + 52;
        }
        return b == '+' ? 62 : b == '/' ? 63 : -1;
    }

    private void quotedPrintable(byte[] text, int kept, long number) {
        for (int i = 0; i < kept; i++) {
            if (text[i] != '=') {
                continue;
            }
            if (i + 2 < kept && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
                if (hex(text[i + 1]) >= 8) {
                    decodedEightBit = true;
                }
                i += 2;
            } else if (onlyWhitespaceAfter(text, i + 1, kept)) {
                return; // a soft line break
            } else {
                badAt(number, "an '=' that is neither an =XX escape of two hex digits nor a soft line break");
                return;
            }
        }
    }

    private static boolean onlyWhitespaceAfter(byte[] text, int from, int kept) {
        for (int i = from; i < kept; i++) {
            if (text[i] != ' ' && text[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
    }

    private void badAt(long number, String what) {
        if (bad == null) {
            bad = what;
            badLine = number;
        }
    }

    /** Reports what this body broke. */
    void finish(Findings findings, String place, MediaType type) {
        boolean sevenBitPromised = encoding.equals("7bit") || encoding.equals("base64")
                || encoding.equals("quoted-printable");
        if (sevenBitPromised && rawEightBitLine > 0) {
            findings.add(ViolationCode.CONTENT_TRANSFER_ENCODING_MISMATCH, place + ", line " + rawEightBitLine,
                    "8-bit octets in a body whose Content-Transfer-Encoding is " + encoding
                            + " (declare 8bit, or encode it as quoted-printable or base64)");
        }
        if (bad != null) {
            findings.add(ViolationCode.CONTENT_TRANSFER_ENCODING_MISMATCH, place + ", line " + badLine,
                    "the " + encoding + " body has " + bad);
        }
        String charset = type.charset();
        if (type.isText() && decodedEightBit && (charset == null || charset.equalsIgnoreCase("us-ascii"))) {
            findings.add(ViolationCode.MISSING_CHARSET_FOR_8BIT_TEXT, place,
                    type.type() + " with 8-bit content but " + (charset == null ? "no charset parameter"
                            : "charset=" + charset) + ", so readers take it as US-ASCII; add charset=UTF-8 (or the"
                            + " charset it is in)");
        }
    }
}
