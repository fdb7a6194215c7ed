package dev.letterbox.assertj;

import static dev.letterbox.assertj.ShouldHaveValue.shouldHave;
import static dev.letterbox.assertj.ShouldSatisfy.shouldSatisfy;

import dev.letterbox.Attachment;
import dev.letterbox.ContentType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one {@link Attachment} or inline part. Get one with
 * {@code assertThat(message).attachment("terms.pdf")}, {@code hasAttachment("terms.pdf", a -> ...)} or
 * {@code LetterboxAssertions.assertThat(attachment)}.
 */
public class AttachmentAssert extends AbstractAssert<AttachmentAssert, Attachment> {
    /** How the attachment is named if navigation did not find it, else null; set by {@link Navigation#reached}. */
    String missing;
    /** The line naming the test's failure report, when reached from a message in a JUnit test; else empty. */
    String reportLine = "";

    /**
     * Creates the assertion; prefer {@link LetterboxAssertions#assertThat(Attachment)}.
     *
     * @param actual the attachment under test, may be null (every check then fails)
     */
    public AttachmentAssert(Attachment actual) {
        super(actual, AttachmentAssert.class);
    }

    /**
     * Checks that there is an attachment to check; one that {@code attachment(name)} did not find fails here with a
     * message that names it.
     *
     * @return this assertion
     * @throws AssertionError if the attachment is null
     */
    @Override
    public AttachmentAssert isNotNull() {
        if (actual == null && missing != null) {
            throw AssertionFailures.failure(info, ShouldHaveValue.shouldExist("attachment", missing));
        }
        return super.isNotNull();
    }

    /**
     * Checks the content type. Without parameters (such as {@code "application/pdf"} or {@code "image/*"}) only the
     * media type is compared, ignoring case; with parameters (such as {@code "text/plain; charset=UTF-8"}) each given
     * parameter must also be present with that value (ignoring case).
     *
     * @param contentType the expected content type
     * @return this assertion
     * @throws AssertionError if it differs
     */
    public AttachmentAssert hasContentType(String contentType) {
        isNotNull();
        ContentType expected = ContentType.parse(Objects.requireNonNull(contentType, "contentType"));
        ContentType found = actual.contentType();
        boolean matches = found.is(expected.mimeType());
        for (var p : expected.parameters().entrySet()) {
            String v = found.parameter(p.getKey());
            matches &= v != null && v.equalsIgnoreCase(p.getValue());
        }
        if (!matches) {
            throw AssertionFailures.mismatch(info, shouldHave(captured(), "content type", contentType,
                    found.toString()), contentType, found.toString());
        }
        return this;
    }

    /**
     * Checks the decoded file name, exactly.
     *
     * @param fileName the expected file name
     * @return this assertion
     * @throws AssertionError if it differs or the part has none
     */
    public AttachmentAssert hasFileName(String fileName) {
        isNotNull();
        if (!Objects.equals(actual.fileName(), fileName)) {
            throw AssertionFailures.mismatch(info, shouldHave(captured(), "file name", fileName, actual.fileName()),
                    fileName, actual.fileName());
        }
        return this;
    }

    /**
     * Checks the decoded size (see {@link Attachment#size()}).
     *
     * @param octets the expected size in octets
     * @return this assertion
     * @throws AssertionError if it differs
     */
    public AttachmentAssert hasSize(long octets) {
        isNotNull();
        long size = actual.size();
        if (size != octets) {
            throw AssertionFailures.mismatch(info, shouldHave(captured(), "size in octets", octets, size), octets,
                    size);
        }
        return this;
    }

    /**
     * Checks the decoded content, octet for octet.
     *
     * @param expected the expected content
     * @return this assertion
     * @throws AssertionError if it differs; the message gives the first differing offset
     */
    public AttachmentAssert hasContent(byte[] expected) {
        isNotNull();
        Objects.requireNonNull(expected, "expected");
        return compare(new java.io.ByteArrayInputStream(expected), expected.length + " octets given");
    }

    /**
     * Checks that the decoded content equals a file's, octet for octet; both are streamed, so files of any size work.
     *
     * @param file the file with the expected content
     * @return this assertion
     * @throws AssertionError if it differs; the message gives the first differing offset
     * @throws UncheckedIOException if the file cannot be read
     */
    public AttachmentAssert hasContent(Path file) {
        isNotNull();
        try {
            return compare(Files.newInputStream(file), "the file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the expected content from " + file, e);
        }
    }

    /**
     * Checks that the decoded content equals a classpath resource's, octet for octet.
     *
     * @param resourceName the resource name as for {@link ClassLoader#getResource(String)}, such as
     *                     {@code "mail/terms.pdf"}, looked up with the thread's context class loader
     * @return this assertion
     * @throws AssertionError if it differs; the message gives the first differing offset
     * @throws IllegalArgumentException if there is no such resource
     */
    public AttachmentAssert hasContentOfResource(String resourceName) {
        isNotNull();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = AttachmentAssert.class.getClassLoader();
        }
        InputStream in = loader.getResourceAsStream(resourceName);
        if (in == null) {
            throw new IllegalArgumentException("no classpath resource '" + resourceName
                    + "'; give a path relative to the classpath root, such as 'mail/terms.pdf'");
        }
        return compare(in, "the resource " + resourceName);
    }

    /**
     * Checks the content decoded as text with the part's charset (see {@link Attachment#text()}), by the rule of
     * {@code hasTextBody}: line ends compared as {@code \n}, line ends at the very end ignored. Use
     * {@link #hasContent(byte[])} to compare octet for octet (Jakarta Mail sends text-like attachments as 7bit with
     * LF turned into CRLF, so their octets differ from the file's). A long text that differs fails with where it first
     * differs.
     *
     * @param text the expected text
     * @return this assertion
     * @throws AssertionError if it differs
     */
    public AttachmentAssert hasTextContent(String text) {
        isNotNull();
        Objects.requireNonNull(text, "text");
        String found = ReceivedMessageAssert.comparableText(actual.text());
        String expected = ReceivedMessageAssert.comparableText(text);
        if (!found.equals(expected)) {
            throw AssertionFailures.textMismatch(info, captured(), "text content", expected, found);
        }
        return this;
    }

    /**
     * Checks that the content decoded as text with the part's charset (see {@link Attachment#text()}) contains some
     * text, with line ends compared as {@code \n}.
     *
     * @param text the text to find, such as {@code "METHOD:REQUEST"} in a {@code text/calendar} part
     * @return this assertion
     * @throws AssertionError if the content does not contain it
     */
    public AttachmentAssert hasTextContentContaining(String text) {
        isNotNull();
        Objects.requireNonNull(text, "text");
        String found = actual.text();
        if (!ReceivedMessageAssert.normalize(found).contains(ReceivedMessageAssert.normalize(text))) {
            throw AssertionFailures.failure(info, shouldHave(captured(), "text content containing", text, found));
        }
        return this;
    }

    /**
     * Checks that this is an inline part (see {@link Attachment#isInline()}).
     *
     * @return this assertion
     * @throws AssertionError if it is an attachment
     */
    public AttachmentAssert isInline() {
        isNotNull();
        if (!actual.isInline()) {
            throw AssertionFailures.failure(info, shouldHave(captured(), "disposition", "inline",
                    actual.disposition() == null ? "attachment (no Content-Disposition)" : actual.disposition()));
        }
        return this;
    }

    private AttachmentAssert compare(InputStream expectedStream, String what) {
        try (InputStream exp = new BufferedInputStream(expectedStream);
             InputStream act = new BufferedInputStream(actual.openStream())) {
            long offset = 0;
            while (true) {
                int e = exp.read();
                int a = act.read();
                if (e != a) {
                    String outcome = e < 0 ? "but the attachment is longer: it goes on after octet " + offset
                            : a < 0 ? "but the attachment ends after " + offset + " octets"
                            : String.format("but they differ at offset %d: expected 0x%02x, found 0x%02x", offset, e, a);
                    throw AssertionFailures.failure(info, shouldSatisfy(captured(), "to have the same content as "
                            + what, outcome));
                }
                if (e < 0) {
                    return this;
                }
                offset++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compare the content of " + actual + " with " + what, e);
        }
    }

    private Captured captured() {
        return new Captured("attachment", actual.toString(), "", reportLine);
    }
}
