package dev.letterbox.internal.conformance;

import dev.letterbox.Envelope;
import dev.letterbox.Violation;
import dev.letterbox.internal.store.RawContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Every check of a captured message: the {@link WireChecks} pass, then the address syntax. */
public final class Conformance {
    private Conformance() {
    }

    /**
     * Checks a captured message.
     *
     * @param content the octets as received
     * @param envelope the envelope, for the declared SMTP extensions
     * @return the violations, wire-level ones first, in the order found
     * @throws UncheckedIOException if the content cannot be read
     */
    public static List<Violation> check(RawContent content, Envelope envelope) {
        WireChecks.Scan scan;
        try (InputStream in = content.open()) {
            scan = WireChecks.scan(in, envelope.mailParameters());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Violation> all = new ArrayList<>(scan.violations());
        all.addAll(AddressSyntax.check(scan.headers(), envelope.mailParameters().containsKey("SMTPUTF8")));
        return List.copyOf(all);
    }
}
