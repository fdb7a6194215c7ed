package dev.letterbox.internal.conformance;

import dev.letterbox.Violation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@link WireChecksWithoutJakartaTest}: scans a multipart message with defects, as strict mode
 * would on the receive path, and prints the codes found. Exits 0 on success.
 */
public final class WireChecksWithoutJakartaMain {
    private WireChecksWithoutJakartaMain() {
    }

    /**
     * Runs the scan.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        String message = "From: a@example.com\r\nSubject: =?UTF-8?X?bad?=\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nR3LDvMOfZQ==\r\n--b\r\n\r\nbare\nline\r\n";
        List<Violation> found = WireChecks.scan(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)),
                Map.of()).violations();
        StringBuilder codes = new StringBuilder();
        found.forEach(v -> codes.append(v.code()).append(' '));
        System.out.println("FOUND " + codes.toString().trim());
    }
}
