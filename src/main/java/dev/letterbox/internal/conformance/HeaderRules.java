package dev.letterbox.internal.conformance;

import dev.letterbox.ViolationCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The checks on the message's own header section, once it is read: required, single and well-formed fields. */
final class HeaderRules {
    /** The fields RFC 5322 section 3.6 allows at most once. */
    private static final Set<String> SINGLE = Set.of("date", "from", "sender", "reply-to", "to", "cc", "bcc",
            "message-id", "in-reply-to", "references", "subject");
    /** The fields whose text may carry encoded-words (RFC 2047 section 5: unstructured text and phrases). */
    private static final Set<String> ENCODED_WORD_FIELDS = Set.of("subject", "comments", "keywords", "from",
            "sender", "reply-to", "to", "cc", "bcc");
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~.";

    private HeaderRules() {
    }

    static void check(List<HeaderField> fields, Findings findings) {
        Map<String, StringBuilder> lines = new LinkedHashMap<>();
        Map<String, String> spelled = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (HeaderField f : fields) {
            String name = f.name().toLowerCase(Locale.ROOT);
            counts.merge(name, 1, Integer::sum);
            spelled.putIfAbsent(name, f.name());
            StringBuilder l = lines.computeIfAbsent(name, k -> new StringBuilder());
            l.append(l.length() == 0 ? "" : ", ").append(f.line());
            if (ENCODED_WORD_FIELDS.contains(name)) {
                String problem = EncodedWords.firstProblem(f.value());
                if (problem != null) {
                    findings.add(ViolationCode.MALFORMED_ENCODED_WORD, "header " + f.name() + ", line " + f.line(),
                            problem);
                }
            }
        }
        required(counts, "from", "From", ViolationCode.MISSING_FROM, findings);
        required(counts, "date", "Date", ViolationCode.MISSING_DATE, findings);
        required(counts, "message-id", "Message-ID", ViolationCode.MISSING_MESSAGE_ID, findings);
        counts.forEach((name, n) -> {
            if (n > 1 && SINGLE.contains(name)) {
                findings.add(ViolationCode.DUPLICATE_SINGLE_HEADER, "header " + spelled.get(name) + ", lines "
                        + lines.get(name), n + " " + spelled.get(name) + " fields; at most one is allowed");
            }
        });
        for (HeaderField f : fields) {
            if (f.name().equalsIgnoreCase("message-id") && !validMessageId(f.value())) {
                findings.add(ViolationCode.INVALID_MESSAGE_ID, "header " + f.name() + ", line " + f.line(),
                        "'" + f.value().trim() + "' is not <left@right> (dot-atom text on both sides, the right one"
                                + " may be a [literal])");
                break;
            }
        }
        boolean mime = counts.containsKey("content-type") || counts.containsKey("content-transfer-encoding");
        if (mime && !counts.containsKey("mime-version")) {
            findings.add(ViolationCode.MISSING_MIME_VERSION, "header section",
                    "Content-Type or Content-Transfer-Encoding without MIME-Version: 1.0");
        }
    }

    private static void required(Map<String, Integer> counts, String name, String spelled, ViolationCode code,
                                 Findings findings) {
        if (!counts.containsKey(name)) {
            findings.add(code, "header section", "no " + spelled + " header field");
        }
    }

    /** {@code msg-id = [CFWS] "<" id-left "@" id-right ">" [CFWS]} without the obsolete forms. */
    static boolean validMessageId(String value) {
        String v = value.trim();
        if (v.length() < 5 || v.charAt(0) != '<' || v.charAt(v.length() - 1) != '>') {
            return false;
        }
        String id = v.substring(1, v.length() - 1);
        int at = id.indexOf('@');
        if (at <= 0 || at == id.length() - 1 || id.indexOf('@', at + 1) >= 0) {
            return false;
        }
        String right = id.substring(at + 1);
        boolean literal = right.startsWith("[") && right.endsWith("]") && right.length() > 2
                && right.indexOf('[', 1) < 0 && right.indexOf(']') == right.length() - 1 && ascii(right);
        return dotAtomText(id.substring(0, at)) && (literal || dotAtomText(right));
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) <= ' ' || s.charAt(i) >= 127) {
                return false;
            }
        }
        return true;
    }

    private static boolean dotAtomText(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || ATEXT_SPECIALS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
