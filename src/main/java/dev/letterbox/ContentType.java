package dev.letterbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A MIME content type such as {@code text/plain; charset=UTF-8}: the lower-cased media type and its parameters
 * (names lower-cased, values decoded from RFC 2231 where they were encoded).
 *
 * @param mimeType the media type without parameters, lower case, such as {@code application/pdf}
 * @param parameters the parameters by lower-cased name, in the order they appeared
 */
public record ContentType(String mimeType, Map<String, String> parameters) {

    /**
     * Creates a content type, lower-casing the media type and parameter names and copying the parameters.
     *
     * @param mimeType the media type, such as {@code text/plain}
     * @param parameters the parameters by name
     * @throws NullPointerException if an argument is null
     */
    public ContentType {
        mimeType = Objects.requireNonNull(mimeType, "mimeType").trim().toLowerCase(Locale.ROOT);
        Map<String, String> copy = new LinkedHashMap<>();
        Objects.requireNonNull(parameters, "parameters")
                .forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
        parameters = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses a Content-Type header value leniently; text that cannot be parsed yields its part before the first
     * {@code ;} as the media type and no parameters.
     *
     * @param value a header value such as {@code text/html; charset="utf-8"}
     * @return the content type
     * @throws NullPointerException if value is null
     */
    public static ContentType parse(String value) {
        Objects.requireNonNull(value, "value");
        try {
            jakarta.mail.internet.ContentType ct = new jakarta.mail.internet.ContentType(value);
            Map<String, String> params = new LinkedHashMap<>();
            jakarta.mail.internet.ParameterList list = ct.getParameterList();
            if (list != null) {
                for (java.util.Enumeration<String> names = list.getNames(); names.hasMoreElements(); ) {
                    String name = names.nextElement();
                    params.put(name, list.get(name));
                }
            }
            return new ContentType(ct.getBaseType(), params);
        } catch (jakarta.mail.internet.ParseException | RuntimeException e) {
            int semi = value.indexOf(';');
            return new ContentType(semi < 0 ? value : value.substring(0, semi), Map.of());
        }
    }

    /**
     * Returns one parameter.
     *
     * @param name the parameter name, in any case
     * @return the value, or null if absent
     */
    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    /** @return the {@code charset} parameter, or null if absent */
    public String charset() {
        return parameter("charset");
    }

    /**
     * Tells whether this type has the given media type, ignoring case and parameters.
     *
     * @param type a media type such as {@code text/plain}, or a wildcard such as {@code image/*}
     * @return true if it matches
     */
    public boolean is(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("/*")) {
            return mimeType.startsWith(t.substring(0, t.length() - 1));
        }
        return mimeType.equals(t);
    }

    /** @return the type in header form, such as {@code text/plain; charset=UTF-8} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(mimeType);
        parameters.forEach((k, v) -> sb.append("; ").append(k).append('=').append(v));
        return sb.toString();
    }
}
