package dev.letterbox.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A generated corpus of malformed and hostile messages, each a few lines to about a megabyte: broken multiparts,
 * missing boundaries, deep nesting, many parts, broken transfer encodings, invalid charsets and RFC 2231/2047
 * encodings, huge header lines, NULs and control characters, and plain garbage. Every case ends its lines with CRLF
 * and has no bare CR or LF, so the server accepts it as sent.
 */
final class MalformedMail {
    private MalformedMail() {
    }

    /** One message of the corpus. */
    record Case(String name, byte[] octets) {
        @Override
        public String toString() {
            return name + " (" + octets.length + " octets)";
        }
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        // multiparts
        cases.add(text("multipart without a boundary parameter", header("multipart/mixed") + "\r\n--x\r\n\r\nbody\r\n--x--\r\n"));
        cases.add(text("multipart whose boundary never appears", header("multipart/mixed; boundary=\"nope\"")
                + "\r\n--other\r\nContent-Type: text/plain\r\n\r\nbody\r\n--other--\r\n"));
        cases.add(text("multipart without its closing boundary", header("multipart/mixed; boundary=\"b\"")
                + "\r\n--b\r\nContent-Type: text/plain\r\n\r\nstill readable\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>cut\r\n"));
        cases.add(text("multipart with an empty boundary", header("multipart/mixed; boundary=\"\"")
                + "\r\n--\r\nContent-Type: text/plain\r\n\r\nbody\r\n----\r\n"));
        cases.add(text("multipart with a boundary of 2000 characters", header("multipart/mixed; boundary=\"" + "b".repeat(2000) + "\"")
                + "\r\n--" + "b".repeat(2000) + "\r\n\r\nbody\r\n--" + "b".repeat(2000) + "--\r\n"));
        cases.add(text("multipart with only a preamble", header("multipart/alternative; boundary=b") + "\r\npreamble only\r\n"));
        cases.add(text("multipart with parts without headers or blank line", header("multipart/mixed; boundary=b")
                + "\r\n--b\r\n--b\r\nno blank line\r\n--b\r\n\r\n--b--\r\n"));
        cases.add(text("multipart with a part header of garbage", header("multipart/mixed; boundary=b")
                + "\r\n--b\r\n:::\r\n\u0001\u0002: x\r\nContent-Type\r\n\r\nbody\r\n--b--\r\n"));
        cases.add(nestedMultiparts(1000));
        cases.add(nestedMessages(1000));
        cases.add(manyParts(10_000));
        cases.add(text("multipart/related whose start is missing", header("multipart/related; boundary=b; start=\"<none>\"")
                + "\r\n--b\r\nContent-ID: <a>\r\nContent-Type: image/png\r\n\r\nx\r\n--b--\r\n"));
        // transfer encodings
        cases.add(text("truncated base64 body", header("text/plain; charset=utf-8")
                + "Content-Transfer-Encoding: base64\r\n\r\nSGVsbG8gQW5u\r\nSGV\r\n"));
        cases.add(text("base64 of invalid characters", "Subject: b64\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename=x.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "!!!!****====\r\n====\r\n"));
        cases.add(text("broken quoted-printable", "Subject: qp\r\nContent-Type: text/html; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n<a href=3D\"x=ZZ\">=\r\n=4=\r\n=" + "=".repeat(1000) + "\r\n"));
        cases.add(text("uuencode without begin", "Subject: uu\r\nContent-Type: application/octet-stream; name=a.bin\r\n"
                + "Content-Transfer-Encoding: x-uuencode\r\n\r\nM2F5E\r\nend\r\n"));
        cases.add(text("uuencode with a garbage length", "Subject: uu\r\nContent-Type: application/octet-stream; name=a.bin\r\n"
                + "Content-Transfer-Encoding: uuencode\r\n\r\nbegin 644 a.bin\r\n~~~~\r\nend\r\n"));
        cases.add(text("unknown and garbage transfer encodings", header("multipart/mixed; boundary=b")
                + "\r\n--b\r\nContent-Transfer-Encoding: x-nope\r\n\r\nbody\r\n--b\r\nContent-Transfer-Encoding: base64; x\u0000\r\n\r\nbody\r\n--b--\r\n"));
        cases.add(text("attached message in broken base64", header("multipart/mixed; boundary=b")
                + "\r\n--b\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\nU3ViamVjdDogaW5uZXI\r\n--b--\r\n"));
        // charsets
        for (String cs : List.of("", "utf-99", "a b", "x\u0000y", "\"utf-8", "utf-7", "'''", "=?utf-8?q?x?=")) {
            cases.add(text("charset \"" + cs.replace("\u0000", "\\0") + "\"",
                    "Subject: cs\r\nContent-Type: text/plain; charset=" + cs + "\r\n\r\nGr\u00fc\u00dfe https://a.example/\r\n"));
        }
        // RFC 2231 and RFC 2047
        cases.add(text("broken RFC 2231 file names", header("multipart/mixed; boundary=b")
                + part("attachment; filename*=utf-8''%ZZ%")
                + part("attachment; filename*0*=utf-8''a; filename*2=c")
                + part("attachment; filename*=no-such-charset''abc")
                + part("attachment; filename*=''")
                + part("attachment; filename*=utf-8'en")
                + part("attachment; filename*99999999999=x")
                + "--b--\r\n"));
        cases.add(text("broken RFC 2047 words", "Subject: =?utf-8?B?!!!?= =?bogus?Q?x?= =?utf-8?X?abc?= =?utf-8?Q?unterminated\r\n"
                + "From: =?utf-8?B?AAAA?= <a@example.com>\r\nTo: =?=?==?\r\n"
                + "Content-Type: text/plain; name=\"=?utf-8?B?####?=\"\r\n\r\nbody\r\n"));
        cases.add(text("two thousand encoded words", "Subject: " + "=?utf-8?Q?w?= ".repeat(2000) + "\r\n\r\nbody\r\n"));
        // headers
        cases.add(text("a header line of one megabyte", "Subject: " + "s".repeat(1 << 20) + "\r\nFrom: a@example.com\r\n\r\nbody\r\n"));
        cases.add(text("an address header of one megabyte", "To: " + "a@example.com, ".repeat(1 << 16) + "\r\n\r\nbody\r\n"));
        cases.add(text("a header folded ten thousand times", "Subject: " + "x\r\n ".repeat(10_000) + "end\r\n\r\nbody\r\n"));
        cases.add(text("NULs and control characters in headers", "Subject: a\u0000b\u0001c\r\nFrom: a\u0000@example.com\r\n"
                + "X-\u0000Name: v\r\nDate: \u0000\r\nContent-Type: text/\u0000plain\r\nMessage-ID: <\u0000>\r\n\r\nbody\u0000\r\n"));
        cases.add(text("garbage address headers", "From: <<<@>>>, \"unclosed\r\nTo: group: a@b.example\r\nCc: ;;;,,,@\r\n"
                + "Reply-To: (comment (nested\r\n\r\nbody\r\n"));
        cases.add(text("garbage content types", "Content-Type: ;;;\r\n\r\nbody\r\n"));
        cases.add(text("content type without subtype", "Content-Type: text/\r\nContent-Disposition: ;filename\r\n\r\nbody\r\n"));
        cases.add(text("garbage dates", "Date: ((((((((((\r\nDate: 99 Foo 2026 99:99:99 +9999\r\n\r\nbody\r\n"));
        cases.add(text("headers only, no blank line", "Subject: no body\r\nFrom: a@example.com\r\n"));
        cases.add(text("an empty message", ""));
        cases.add(text("a blank line only", "\r\n"));
        cases.add(text("a header without a colon", "this is not a header\r\n\r\nbody\r\n"));
        // bodies
        cases.add(text("HTML of many unclosed anchors", "Content-Type: text/html\r\n\r\n" + "<a href=\"x\" <a \r\n".repeat(20_000)));
        cases.add(text("text of many URL prefixes", "Content-Type: text/plain\r\n\r\n" + "http://(((((\r\n".repeat(20_000)));
        cases.add(binaryGarbage());
        return Collections.unmodifiableList(cases);
    }

    private static String header(String contentType) {
        return "From: a@example.com\r\nSubject: malformed\r\nMIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\n";
    }

    private static String part(String disposition) {
        return "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: " + disposition + "\r\n\r\nx\r\n";
    }

    private static Case nestedMultiparts(int depth) {
        StringBuilder sb = new StringBuilder(header("multipart/mixed; boundary=b0"));
        for (int i = 1; i < depth; i++) {
            sb.append("\r\n--b").append(i - 1).append("\r\nContent-Type: multipart/mixed; boundary=b").append(i).append("\r\n");
        }
        sb.append("\r\n--b").append(depth - 1).append("\r\nContent-Type: text/plain\r\n\r\ndeepest\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            sb.append("--b").append(i).append("--\r\n");
        }
        return text(depth + " nested multiparts", sb.toString());
    }

    private static Case nestedMessages(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append("Subject: level ").append(i).append("\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        sb.append("Subject: deepest\r\n\r\nbody\r\n");
        return text(depth + " nested attached messages", sb.toString());
    }

    private static Case manyParts(int parts) {
        StringBuilder sb = new StringBuilder(header("multipart/mixed; boundary=b"));
        for (int i = 0; i < parts; i++) {
            sb.append("\r\n--b\r\nContent-Type: text/plain; name=p").append(i).append(".txt\r\n\r\n").append(i);
        }
        sb.append("\r\n--b--\r\n");
        return text(parts + " parts", sb.toString());
    }

    /** Random octets in lines of random length, CRLF-terminated, with no CR or LF inside a line. */
    private static Case binaryGarbage() {
        Random random = new Random(18);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int line = 0; line < 2000; line++) {
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) {
                int b = random.nextInt(256);
                out.write(b == '\r' || b == '\n' ? ':' : b);
            }
            out.write('\r');
            out.write('\n');
        }
        return new Case("random octets", out.toByteArray());
    }

    private static Case text(String name, String text) {
        return new Case(name, text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
