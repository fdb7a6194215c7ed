package dev.letterbox.internal.conformance;

import dev.letterbox.ViolationCode;
import dev.letterbox.Violation;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The address-header check, done with jakarta.mail's strict RFC 822 parser (so not on the receive path): From, Sender,
 * Reply-To, To, Cc and Bcc must parse as address lists. Under SMTPUTF8 (RFC 6532) raw UTF-8 is allowed in them, so
 * each non-ASCII character is read as a letter.
 */
final class AddressSyntax {
    private static final Set<String> ADDRESS_FIELDS = Set.of("from", "sender", "reply-to", "to", "cc", "bcc");

    private AddressSyntax() {
    }

    static List<Violation> check(List<HeaderField> fields, boolean smtpUtf8) {
        List<Violation> out = new ArrayList<>();
        for (HeaderField f : fields) {
            if (!ADDRESS_FIELDS.contains(f.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String value = smtpUtf8 ? asciiShape(f.value()) : f.value();
            String problem = problem(value, f.name().equalsIgnoreCase("from"));
            if (problem != null) {
                out.add(new Violation(ViolationCode.INVALID_ADDRESS_SYNTAX, "header " + f.name() + ", line "
                        + f.line(), "'" + f.value().trim() + "' is not a valid address list: " + problem));
            }
        }
        return out;
    }

    private static String problem(String value, boolean from) {
        if (value.isBlank()) {
            return "it is empty";
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(value, true);
            for (InternetAddress a : addresses) {
                if (!a.isGroup()) {
                    a.validate();
                    if (a.getAddress() == null || a.getAddress().indexOf('@') < 1) {
                        return "'" + a.getAddress() + "' has no @domain";
                    }
                }
            }
            if (from && addresses.length == 0) {
                return "it names no mailbox";
            }
            return null;
        } catch (AddressException e) {
            return e.getMessage();
        }
    }

    private static String asciiShape(String value) {
        byte[] octets = value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String utf8 = new String(octets, java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(utf8.length());
        utf8.codePoints().forEach(c -> sb.append(c < 128 ? (char) c : 'x'));
        return sb.toString();
    }
}
