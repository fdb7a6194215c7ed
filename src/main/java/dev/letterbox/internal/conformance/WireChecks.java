package dev.letterbox.internal.conformance;

import dev.letterbox.Violation;
import dev.letterbox.ViolationCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that need only the octets and the envelope, in one pass and without jakarta.mail, so the receive path
 * (strict mode) can run them: line endings and lengths, 8-bit octets against the declared SMTP extensions, the header
 * section's required and single fields, encoded-words, and the MIME structure (boundaries, transfer encodings,
 * charsets). Nothing captured is changed.
 */
public final class WireChecks {
    private WireChecks() {
    }

    /**
     * The outcome of one scan.
     *
     * @param violations what was found, in the order found
     * @param headers the message's own header fields (for the checks that parse them further)
     * @param work the octets the scan examined after reading them (kept line octets and boundary comparisons), which
     *     tests use to pin that the checks stay linear in the message size
     */
    public record Scan(List<Violation> violations, List<HeaderField> headers, long work) {

        /**
         * What strict mode refuses a message for: the first violation that large providers reject.
         *
         * @param tolerated codes not to refuse for (such as the bare line endings the options allow)
         * @return the first {@link Violation.Severity#REJECT} violation not tolerated, or empty if there is none
         */
        public Optional<Violation> firstRejection(Set<ViolationCode> tolerated) {
            return violations.stream().filter(v -> v.severity() == Violation.Severity.REJECT)
                    .filter(v -> !tolerated.contains(v.code())).findFirst();
        }
    }

    /**
     * Scans a message.
     *
     * @param in the octets as received; read to the end, not closed
     * @param mailParameters the MAIL FROM parameters by upper-case keyword (BODY, SMTPUTF8 ...)
     * @return the findings and the header fields
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static Scan scan(InputStream in, Map<String, String> mailParameters) {
        Objects.requireNonNull(in, "in");
        String body = mailParameters.get("BODY");
        boolean eightBitMime = body != null
                && (body.equalsIgnoreCase("8BITMIME") || body.equalsIgnoreCase("BINARYMIME"));
        boolean smtpUtf8 = mailParameters.containsKey("SMTPUTF8");
        Findings findings = new Findings();
        MessageScan scan = new MessageScan(findings, eightBitMime, smtpUtf8);
        try {
            new LineSplitter(findings).split(in, scan);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the captured message to check it: " + e.getMessage(), e);
        }
        scan.end();
        return new Scan(findings.toList(), List.copyOf(scan.message().fields), scan.work());
    }
}
