package dev.letterbox.internal.conformance;

/**
 * One header field as received: its name, its value unfolded (the CRLFs of folding removed, nothing else; octets as
 * ISO-8859-1 chars, so nothing is lost), and the line it starts on.
 *
 * @param name the field name as written
 * @param value the unfolded value after the colon
 * @param line the 1-based line number of the field's first line
 */
public record HeaderField(String name, String value, long line) {
}
