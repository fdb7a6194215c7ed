package dev.letterbox.internal.dkim;

import dev.letterbox.DkimSignature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One DKIM-Signature field read into its tags: the public description, the field text (to hash it with {@code b=}
 * emptied), the signature octets, and what makes it unusable, if anything.
 */
final class SignatureField {
    final HeaderSection.Field field;
    final DkimSignature signature;
    final String problem;
    final byte[] b;

    private SignatureField(HeaderSection.Field field, DkimSignature signature, String problem, byte[] b) {
        this.field = field;
        this.signature = signature;
        this.problem = problem;
        this.b = b;
    }

    static SignatureField parse(HeaderSection.Field field) {
        String value = field.text().substring(field.text().indexOf(':') + 1);
        Map<String, String> tags;
        try {
            tags = TagList.parse(value);
        } catch (IllegalArgumentException e) {
            return new SignatureField(field, new DkimSignature("", "", "", "", "", List.of(), null, null, null, ""),
                    e.getMessage(), null);
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("v", "a", "b", "bh", "d", "h", "s")) {
            if (!tags.containsKey(required)) {
                missing.add(required + "=");
            }
        }
        String problem = missing.isEmpty() ? null : "the required tags " + missing + " are missing";
        String[] c = tags.getOrDefault("c", "simple/simple").split("/", -1);
        String headerCanon = c[0].trim().toLowerCase(Locale.ROOT);
        String bodyCanon = c.length > 1 ? c[1].trim().toLowerCase(Locale.ROOT) : "simple";
        List<String> headers = new ArrayList<>();
        for (String h : TagList.withoutWhiteSpace(tags.getOrDefault("h", "")).split(":")) {
            if (!h.isEmpty()) {
                headers.add(h);
            }
        }
        Long l = null;
        Instant t = null;
        Instant x = null;
        byte[] b = null;
        try {
            l = tags.containsKey("l") ? Long.parseLong(tags.get("l")) : null;
            t = tags.containsKey("t") ? Instant.ofEpochSecond(Long.parseLong(tags.get("t"))) : null;
            x = tags.containsKey("x") ? Instant.ofEpochSecond(Long.parseLong(tags.get("x"))) : null;
            b = java.util.Base64.getDecoder().decode(TagList.withoutWhiteSpace(tags.getOrDefault("b", "")));
            java.util.Base64.getDecoder().decode(TagList.withoutWhiteSpace(tags.getOrDefault("bh", "")));
        } catch (IllegalArgumentException e) {
            problem = problem != null ? problem : "a tag has an invalid value: " + e.getMessage();
        }
        if (problem == null && !"1".equals(tags.get("v"))) {
            problem = "v=" + tags.get("v") + " where v=1 is required";
        }
        if (problem == null && headers.stream().noneMatch(h -> h.equalsIgnoreCase("from"))) {
            problem = "h= does not include From, which must be signed (RFC 6376 section 5.4)";
        }
        if (problem == null && t != null && x != null && x.isBefore(t)) {
            problem = "the expiration x= is before the timestamp t=";
        }
        DkimSignature signature = new DkimSignature(tags.getOrDefault("d", ""), tags.getOrDefault("s", ""),
                tags.getOrDefault("a", "").toLowerCase(Locale.ROOT), headerCanon, bodyCanon, headers, l, t, x,
                TagList.withoutWhiteSpace(tags.getOrDefault("bh", "")));
        return new SignatureField(field, signature, problem, b);
    }

    /** @return the field text with the value of its b= tag removed, as it is hashed (RFC 6376 section 3.7) */
    String withEmptyB() {
        String text = field.text();
        int colon = text.indexOf(':');
        int i = colon + 1;
        while (i < text.length()) {
            int semi = text.indexOf(';', i);
            int end = semi < 0 ? text.length() : semi;
            int eq = text.indexOf('=', i);
            if (eq >= 0 && eq < end && text.substring(i, eq).trim().equals("b")) {
                return text.substring(0, eq + 1) + text.substring(end);
            }
            i = end + 1;
        }
        return text;
    }
}
