package dev.letterbox.assertj;

import static dev.letterbox.assertj.ShouldHaveValue.shouldHave;
import static dev.letterbox.assertj.ShouldHaveValue.shouldHaveAmong;
import static dev.letterbox.assertj.ShouldSatisfy.shouldSatisfy;

import dev.letterbox.Attachment;
import dev.letterbox.DkimResult;
import dev.letterbox.DkimSignature;
import dev.letterbox.Envelope;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.Violation;
import dev.letterbox.ViolationCode;
import dev.letterbox.internal.diagnostics.MessageDescription;
import dev.letterbox.internal.diagnostics.ReportLocation;
import dev.letterbox.internal.dkim.DkimVerifier;
import dev.letterbox.internal.snapshot.MessageNormaliser;
import dev.letterbox.internal.snapshot.SnapshotContext;
import dev.letterbox.internal.snapshot.SnapshotFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.StringAssert;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Assertions on one {@link ReceivedMessage}. Every failure shows the message: its envelope, From, To, Cc, Subject and
 * MIME structure (under soft assertions once per message, with its first failure), and, in a JUnit test, the
 * directory its failure report goes to. A mismatch of one value (subject, body, header, addresses) is raised as
 * opentest4j's {@code AssertionFailedError} with the expected and actual values when opentest4j is on the class path
 * (it comes with JUnit), so IDEs show them side by side. Get one with {@code LetterboxAssertions.assertThat(message)}
 * or from a {@link MailboxAssert}.
 *
 * <p><b>Addresses.</b> An address can be written as {@code ann@example.com} or with a display name,
 * {@code Ann <ann@example.com>}; addresses are compared ignoring case, a display name given must match exactly.
 * {@code hasTo}, {@code hasCc}, {@code hasBcc}, {@code hasReplyTo} and {@code hasRecipients} check that the addresses
 * are <em>exactly</em> the given ones, in any order; the {@code ...Containing} variants check that the given ones are
 * among them.
 *
 * <p><b>Text.</b> {@code hasTextBody} and {@code AttachmentAssert.hasTextContent} follow one rule: line ends are
 * compared as {@code \n}, and line ends at the very end are ignored. A long text that differs is not printed twice:
 * the failure says where the texts first differ (line, column and an excerpt of each).
 */
public class ReceivedMessageAssert extends AbstractAssert<ReceivedMessageAssert, ReceivedMessage> {
    /** The soft assertions this assert reports to, null for hard ones; set by {@link Navigation#reached}. */
    SoftAssertionsProvider soft;
    /** How the part this assert stands for is named if navigation did not find it, else null. */
    String missing;

    /**
     * Creates the assertion; prefer {@link LetterboxAssertions#assertThat(ReceivedMessage)}.
     *
     * @param actual the message under test, may be null (every check then fails)
     */
    public ReceivedMessageAssert(ReceivedMessage actual) {
        super(actual, ReceivedMessageAssert.class);
    }

    /**
     * Checks that there is a message to check; a message that {@code singleMessage()}, {@code message(i)} or
     * {@code messageTo(...)} did not find fails here with a message that names it.
     *
     * @return this assertion
     * @throws AssertionError if the message is null
     */
    @Override
    public ReceivedMessageAssert isNotNull() {
        if (actual == null && missing != null) {
            throw AssertionFailures.failure(info, ShouldHaveValue.shouldExist("message", missing));
        }
        return super.isNotNull();
    }

    /**
     * Checks the address of the From header, ignoring case (the envelope sender is checked with
     * {@code envelope().hasMailFrom(...)}). With a display name ({@code Shop <shop@example.com>}) that must match too.
     *
     * @param address the expected address, such as {@code shop@example.com} or {@code Shop <shop@example.com>}
     * @return this assertion
     * @throws AssertionError if it differs
     * @throws IllegalArgumentException if {@code address} is not one address
     */
    public ReceivedMessageAssert isFrom(String address) {
        isNotNull();
        ExpectedAddress expected = ExpectedAddress.parse(address);
        String from = actual.from();
        List<String> wrongName = from == null ? List.of()
                : AddressCheck.wrongDisplayNames(List.of(expected), AddressCheck.displayNamesIn(actual, "From"));
        if (from == null || !from.equalsIgnoreCase(expected.address()) || !wrongName.isEmpty()) {
            String found = from == null ? null : wrongName.isEmpty() ? from : actual.header("From");
            failEqual(shouldHave(captured(), "From address", address, found), address, found);
        }
        return this;
    }

    /**
     * Checks that the envelope recipients (RCPT TO: To, Cc and Bcc together) are exactly these, in any order, ignoring
     * case. The envelope has no display names: one given ({@code Ann <ann@example.com>}) is ignored.
     *
     * @param addresses the expected recipients
     * @return this assertion
     * @throws AssertionError if a recipient is missing or an unexpected one is present
     * @throws IllegalArgumentException if an argument is not one address
     */
    public ReceivedMessageAssert hasRecipients(String... addresses) {
        isNotNull();
        return exactly("envelope recipients", actual.envelope().recipients(), null, addresses);
    }

    /**
     * Checks that the envelope recipients (RCPT TO) include these, ignoring case; others may be there too.
     *
     * @param addresses the recipients that must be among them
     * @return this assertion
     * @throws AssertionError if one of them is missing
     * @throws IllegalArgumentException if an argument is not one address
     */
    public ReceivedMessageAssert hasRecipientsContaining(String... addresses) {
        isNotNull();
        return containing("envelope recipients", actual.envelope().recipients(), null, addresses);
    }

    /**
     * Checks the addresses of the To headers: exactly these, in any order, ignoring case; a display name given must
     * match.
     *
     * @param addresses the expected addresses, such as {@code ann@example.com} or {@code Ann <ann@example.com>}
     * @return this assertion
     * @throws AssertionError if they differ
     * @throws IllegalArgumentException if an argument is not one address
     */
    public ReceivedMessageAssert hasTo(String... addresses) {
        isNotNull();
        return exactly("To addresses", actual.to(), "To", addresses);
    }

    /**
     * Checks that the To headers include these addresses, ignoring case; others may be there too.
     *
     * @param addresses the addresses that must be among them
     * @return this assertion
     * @throws AssertionError if one of them is missing or has another display name
     * @throws IllegalArgumentException if an argument is not one address
     */
    public ReceivedMessageAssert hasToContaining(String... addresses) {
        isNotNull();
        return containing("To addresses", actual.to(), "To", addresses);
    }

    /**
     * Checks the addresses of the Cc headers: exactly these, in any order, ignoring case; a display name given must
     * match.
     *
     * @param addresses the expected addresses
     * @return this assertion
     * @throws AssertionError if they differ
     * @throws IllegalArgumentException if an argument is not one address
     */
    public ReceivedMessageAssert hasCc(String... addresses) {
        isNotNull();
        return exactly("Cc addresses", actual.cc(), "Cc", addresses);
    }

    /**
     * Checks that the Cc headers include these addresses, ignoring case; others may be there too.
     *
     * @param addresses the addresses that must be among them
     * @return this assertion
     * @throws AssertionError if one of them is missing or has another display name
     * @throws IllegalArgumentException if an argument is not one address
     */
    public ReceivedMessageAssert hasCcContaining(String... addresses) {
        isNotNull();
        return containing("Cc addresses", actual.cc(), "Cc", addresses);
    }

    /**
     * Checks the blind-copy recipients (envelope recipients not named in To or Cc, see
     * {@link ReceivedMessage#bcc()}): exactly these, in any order, ignoring case.
     *
     * @param addresses the expected addresses
     * @return this assertion
     * @throws AssertionError if they differ
     * @throws IllegalArgumentException if an argument is not one address
     */
    public ReceivedMessageAssert hasBcc(String... addresses) {
        isNotNull();
        return exactly("Bcc recipients (envelope recipients not in To or Cc)", actual.bcc(), null, addresses);
    }

    /**
     * Checks the addresses of the Reply-To header: exactly these, in any order, ignoring case; a display name given
     * must match.
     *
     * @param addresses the expected addresses
     * @return this assertion
     * @throws AssertionError if they differ, or the message has no Reply-To
     * @throws IllegalArgumentException if an argument is not one address
     */
    public ReceivedMessageAssert hasReplyTo(String... addresses) {
        isNotNull();
        return exactly("Reply-To addresses", actual.replyTo(), "Reply-To", addresses);
    }

    /**
     * Checks the decoded subject, exactly.
     *
     * @param subject the expected subject
     * @return this assertion
     * @throws AssertionError if it differs
     */
    public ReceivedMessageAssert hasSubject(String subject) {
        isNotNull();
        if (!Objects.equals(actual.subject(), subject)) {
            failText("subject", subject, actual.subject());
        }
        return this;
    }

    /**
     * Checks that the decoded subject contains some text.
     *
     * @param text the text to find
     * @return this assertion
     * @throws AssertionError if the subject does not contain it or is absent
     */
    public ReceivedMessageAssert hasSubjectContaining(String text) {
        isNotNull();
        String subject = actual.subject();
        if (subject == null || !subject.contains(Objects.requireNonNull(text, "text"))) {
            fail(shouldHave(captured(), "subject containing", text, subject));
        }
        return this;
    }

    /**
     * Checks that the message has a header.
     *
     * @param name the header name, any case
     * @return this assertion
     * @throws AssertionError if the header is absent
     */
    public ReceivedMessageAssert hasHeader(String name) {
        isNotNull();
        if (actual.headers(name).isEmpty()) {
            fail(shouldHave(captured(), "header", name, "no such header"));
        }
        return this;
    }

    /**
     * Checks that one of the values of a header, decoded and unfolded, equals the given value.
     *
     * @param name the header name, any case
     * @param value the expected decoded value
     * @return this assertion
     * @throws AssertionError if the header is absent or has no such value
     */
    public ReceivedMessageAssert hasHeader(String name, String value) {
        isNotNull();
        List<String> values = actual.headers(name);
        if (!values.contains(value)) {
            Object found = values.isEmpty() ? "no such header" : values.size() == 1 ? values.get(0) : values;
            failEqual(shouldHave(captured(), "header " + name, value, found), value,
                    values.isEmpty() ? null : String.join("\n", values));
        }
        return this;
    }

    /**
     * Checks the text body (see {@link ReceivedMessage#textBody()}), exactly, with line ends compared as {@code \n}
     * and line ends at the very end ignored (the rule of {@code AttachmentAssert.hasTextContent} too). A long body
     * that differs fails with where it first differs: line, column and an excerpt of each.
     *
     * @param text the expected text
     * @return this assertion
     * @throws AssertionError if it differs or there is no text body
     */
    public ReceivedMessageAssert hasTextBody(String text) {
        isNotNull();
        Objects.requireNonNull(text, "text");
        String body = actual.textBody();
        if (body == null || !comparableText(body).equals(comparableText(text))) {
            failText("text body", comparableText(text), body == null ? null : comparableText(body));
        }
        return this;
    }

    /**
     * Checks that the text body contains some text, with line ends compared as {@code \n}.
     *
     * @param text the text to find
     * @return this assertion
     * @throws AssertionError if the body does not contain it or there is no text body
     */
    public ReceivedMessageAssert hasTextBodyContaining(String text) {
        isNotNull();
        String body = actual.textBody();
        if (body == null || !normalize(body).contains(normalize(text))) {
            fail(shouldHave(captured(), "text body containing", text, body));
        }
        return this;
    }

    /**
     * Checks that the HTML body contains some text (markup included), with line ends compared as {@code \n}.
     *
     * @param text the text to find
     * @return this assertion
     * @throws AssertionError if the body does not contain it or there is no HTML body
     */
    public ReceivedMessageAssert hasHtmlBodyContaining(String text) {
        isNotNull();
        String body = actual.htmlBody();
        if (body == null || !normalize(body).contains(normalize(text))) {
            fail(shouldHave(captured(), "HTML body containing", text, body));
        }
        return this;
    }

    /**
     * Checks that the message has an attachment with this decoded file name.
     *
     * @param fileName the file name
     * @return this assertion
     * @throws AssertionError if there is none; the message lists the attachments there are
     */
    public ReceivedMessageAssert hasAttachment(String fileName) {
        isNotNull();
        findAttachment(fileName);
        return this;
    }

    /**
     * Checks that the message has an attachment with this file name, and that it satisfies more checks.
     *
     * @param fileName the file name
     * @param requirements checks on the attachment, such as {@code a -> a.hasContentType("application/pdf")}
     * @return this assertion
     * @throws AssertionError if there is no such attachment or it fails a check
     */
    public ReceivedMessageAssert hasAttachment(String fileName, Consumer<AttachmentAssert> requirements) {
        return satisfies(() -> findAttachment(fileName), requirements);
    }

    /**
     * Checks how many attachments the message has (inline parts not counted).
     *
     * @param count the expected count
     * @return this assertion
     * @throws AssertionError if it differs; the message lists the attachments there are
     */
    public ReceivedMessageAssert hasAttachmentCount(int count) {
        isNotNull();
        List<Attachment> attachments = actual.attachments();
        if (attachments.size() != count) {
            fail(shouldHaveAmong(captured(), "attachment count", count, "it has " + attachments.size(),
                    list(attachments)));
        }
        return this;
    }

    /**
     * Checks that the message has an inline part with this Content-ID (what an HTML body names as {@code cid:...}).
     *
     * @param contentId the Content-ID, with or without angle brackets
     * @return this assertion
     * @throws AssertionError if there is none; the message lists the inline parts there are
     */
    public ReceivedMessageAssert hasInlinePart(String contentId) {
        isNotNull();
        findInlinePart(contentId);
        return this;
    }

    /**
     * Checks that the message has an inline part with this Content-ID, and that it satisfies more checks.
     *
     * @param contentId the Content-ID, with or without angle brackets
     * @param requirements checks on the part, such as {@code logo -> logo.hasContentType("image/png")}
     * @return this assertion
     * @throws AssertionError if there is no such part (the message lists the inline parts there are) or it fails a
     *     check
     */
    public ReceivedMessageAssert hasInlinePart(String contentId, Consumer<AttachmentAssert> requirements) {
        return satisfies(() -> findInlinePart(contentId), requirements);
    }

    /**
     * Checks that the message has a part of this media type (see {@link ReceivedMessage#parts()}), such as the
     * {@code text/calendar} of an invitation, and that the first one satisfies more checks.
     *
     * @param mediaType a type such as {@code text/calendar}, or a wildcard such as {@code image/*}
     * @param requirements checks on the part, such as {@code ics -> ics.hasTextContaining("METHOD:REQUEST")}
     * @return this assertion
     * @throws AssertionError if there is no such part (the message lists the parts there are) or it fails a check
     */
    public ReceivedMessageAssert hasPart(String mediaType, Consumer<AttachmentAssert> requirements) {
        return satisfies(() -> findPart(mediaType), requirements);
    }

    /**
     * Checks that some link of the message (see {@link ReceivedMessage#links()}) contains a match of a regular
     * expression.
     *
     * @param regex the regular expression, such as {@code "https://shop\\.example/confirm\\?token=\\w+"}
     * @return this assertion
     * @throws AssertionError if no link matches; the message lists the links there are
     */
    public ReceivedMessageAssert hasLinkMatching(String regex) {
        isNotNull();
        Pattern pattern = Pattern.compile(regex);
        List<String> links = actual.links();
        if (links.stream().noneMatch(l -> pattern.matcher(l).find())) {
            fail(shouldHaveAmong(captured(), "link matching", regex, "its links are",
                    links.isEmpty() ? "  (no links)" : "  " + String.join("\n  ", links)));
        }
        return this;
    }

    /**
     * Checks that the message, as received, is smaller than a limit.
     *
     * @param octets the limit in octets
     * @return this assertion
     * @throws AssertionError if the message has that many octets or more
     */
    public ReceivedMessageAssert hasSizeLessThan(long octets) {
        isNotNull();
        if (actual.size() >= octets) {
            fail(shouldHave(captured(), "size in octets less than", octets, actual.size()));
        }
        return this;
    }

    /**
     * Navigates to the envelope.
     *
     * @return an assertion on the envelope
     */
    public EnvelopeAssert envelope() {
        isNotNull();
        return Navigation.child(soft, EnvelopeAssert.class, Envelope.class, "envelope", actual::envelope,
                EnvelopeAssert::new);
    }

    /**
     * Navigates to the text body, for AssertJ's string assertions.
     *
     * @return an assertion on the text body (null if there is none)
     */
    public AbstractStringAssert<?> textBody() {
        isNotNull();
        return Navigation.child(soft, StringAssert.class, String.class, "text body", actual::textBody,
                Assertions::assertThat);
    }

    /**
     * Navigates to the HTML body, for AssertJ's string assertions.
     *
     * @return an assertion on the HTML body (null if there is none)
     */
    public AbstractStringAssert<?> htmlBody() {
        isNotNull();
        return Navigation.child(soft, StringAssert.class, String.class, "HTML body", actual::htmlBody,
                Assertions::assertThat);
    }

    /**
     * Navigates to the attachment with this file name.
     *
     * @param fileName the decoded file name
     * @return an assertion on the attachment
     * @throws AssertionError if there is none; the message lists the attachments there are
     */
    public AttachmentAssert attachment(String fileName) {
        isNotNull();
        return navigate("\"" + fileName + "\"", () -> findAttachment(fileName));
    }

    /**
     * Navigates to the inline part with this Content-ID.
     *
     * @param contentId the Content-ID, with or without angle brackets
     * @return an assertion on the part
     * @throws AssertionError if there is none; the message lists the inline parts there are
     */
    public AttachmentAssert inlinePart(String contentId) {
        isNotNull();
        return navigate("cid:" + contentId, () -> findInlinePart(contentId));
    }

    /**
     * Navigates to the first part of this media type (see {@link ReceivedMessage#parts()}).
     *
     * @param mediaType a type such as {@code text/calendar}, or a wildcard such as {@code image/*}
     * @return an assertion on the part
     * @throws AssertionError if there is none; the message lists the parts there are
     */
    public AttachmentAssert part(String mediaType) {
        isNotNull();
        return navigate(mediaType + " part", () -> findPart(mediaType));
    }

    private ReceivedMessageAssert satisfies(Supplier<Attachment> find, Consumer<AttachmentAssert> requirements) {
        isNotNull();
        Objects.requireNonNull(requirements, "requirements");
        AttachmentAssert a = new AttachmentAssert(find.get());
        a.reportLine = reportLine();
        requirements.accept(a);
        return this;
    }

    private AttachmentAssert navigate(String what, Supplier<Attachment> find) {
        AttachmentAssert a = Navigation.child(soft, AttachmentAssert.class, Attachment.class,
                what + " of message " + MessageDescription.oneLine(actual), find, AttachmentAssert::new);
        a.reportLine = reportLine();
        return a;
    }

    private Attachment findAttachment(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        return find(actual.attachments(), a -> fileName.equals(a.fileName()), "attachment", fileName,
                "its attachments are");
    }

    private Attachment findInlinePart(String contentId) {
        Objects.requireNonNull(contentId, "contentId");
        String id = contentId.startsWith("<") && contentId.endsWith(">")
                ? contentId.substring(1, contentId.length() - 1) : contentId;
        return find(actual.inlineParts(), p -> id.equals(p.contentId()), "inline part with Content-ID", id,
                "its inline parts are");
    }

    private Attachment findPart(String mediaType) {
        Objects.requireNonNull(mediaType, "mediaType");
        return find(actual.parts(), p -> p.contentType().is(mediaType), "part of type", mediaType, "its parts are");
    }

    private Attachment find(List<Attachment> among, Predicate<Attachment> wanted, String what,
            String key, String amongLabel) {
        for (Attachment a : among) {
            if (wanted.test(a)) {
                return a;
            }
        }
        fail(shouldHaveAmong(captured(), what, key, amongLabel, list(among)));
        return null;
    }

    // --- deliverability (issue 19): conformance and DKIM assertions ---

    /**
     * Checks that the message breaks none of the rules of {@link ReceivedMessage#violations()}.
     *
     * @return this assertion
     * @throws AssertionError if it has violations; the message lists each with its place and source
     */
    public ReceivedMessageAssert hasNoViolations() {
        return hasNoViolationsExcept();
    }

    /**
     * Checks that the message breaks none of the rules of {@link ReceivedMessage#violations()} except the given ones,
     * for a test that knowingly accepts a finding.
     *
     * @param allowed the codes to ignore
     * @return this assertion
     * @throws AssertionError if it has any other violation; the message lists each with its place and source
     */
    public ReceivedMessageAssert hasNoViolationsExcept(ViolationCode... allowed) {
        isNotNull();
        Set<ViolationCode> ignored = allowed.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(allowed));
        List<Violation> found = actual.violations().stream().filter(v -> !ignored.contains(v.code())).toList();
        if (!found.isEmpty()) {
            String requirement = ignored.isEmpty() ? "to have no violations"
                    : "to have no violations other than " + ignored;
            fail(shouldSatisfy(captured(), requirement, "but had " + ViolationListing.count(found) + ":\n"
                    + ViolationListing.of(found)));
        }
        return this;
    }

    /**
     * Checks that the message has a violation with this code, for tests of mail that is meant to be broken.
     *
     * @param code the expected code
     * @return this assertion
     * @throws AssertionError if it has none; the message lists the violations there are
     */
    public ReceivedMessageAssert hasViolation(ViolationCode code) {
        isNotNull();
        Objects.requireNonNull(code, "code");
        List<Violation> found = actual.violations();
        if (found.stream().noneMatch(v -> v.code() == code)) {
            fail(shouldHaveAmong(captured(), "violation", code, "its violations are", ViolationListing.of(found)));
        }
        return this;
    }

    /**
     * Checks that the message has a DKIM signature by this domain that verifies with this public key (RFC 6376;
     * rsa-sha256 or ed25519-sha256), whatever its selector; no DNS lookup.
     *
     * @param domain the signing domain ({@code d=}), ignoring case
     * @param key the signer's public key (see {@link DkimSignature#keyFromDnsRecord(String)})
     * @return this assertion
     * @throws AssertionError if no signature by the domain verifies; the message says which check failed and shows
     *     the signed and the computed hash
     */
    public ReceivedMessageAssert hasValidDkimSignature(String domain, PublicKey key) {
        Objects.requireNonNull(key, "key");
        return dkim(domain, key, "a valid DKIM signature by " + domain);
    }

    /**
     * Checks what can be checked of a DKIM signature by this domain without the signer's key: it is well formed, uses
     * a supported algorithm, has not expired, and its body hash matches the body as received. Whether the signature
     * over the header fields is the domain's needs the key: use {@link #hasValidDkimSignature(String, PublicKey)}.
     *
     * @param domain the signing domain ({@code d=}), ignoring case
     * @return this assertion
     * @throws AssertionError if there is no such signature; the message says which check failed with both hashes
     */
    public ReceivedMessageAssert hasValidDkimSignature(String domain) {
        return dkim(domain, DkimVerifier.WITHOUT_KEY, "a DKIM signature by " + domain
                + " with a matching body hash (signature not verified: no key given)");
    }

    private ReceivedMessageAssert dkim(String domain, PublicKey key, String requirement) {
        isNotNull();
        Objects.requireNonNull(domain, "domain");
        DkimResult result;
        try (InputStream in = actual.rawStream()) {
            result = DkimVerifier.verifyBest(in, s -> s.domain().equalsIgnoreCase(domain) ? key : null,
                    "d=" + domain, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!result.passed()) {
            StringBuilder outcome = new StringBuilder("but ").append(result.failure()).append(": ")
                    .append(result.detail());
            if (result.signedHash() != null || result.computedHash() != null) {
                outcome.append("\n  signed:   ").append(result.signedHash() == null ? "(not recoverable)"
                        : result.signedHash()).append("\n  computed: ").append(result.computedHash());
            }
            if (result.signature() != null) {
                outcome.append("\n  signature: ").append(result.signature());
            }
            fail(shouldSatisfy(captured(), "to have " + requirement, outcome.toString()));
        }
        return this;
    }

    // --- end of deliverability ---

    private ReceivedMessageAssert exactly(String what, List<String> found, String header, String... addresses) {
        AddressCheck.requireExactly(info, this::captured, what, found,
                header == null ? null : AddressCheck.displayNamesIn(actual, header), addresses);
        return this;
    }

    private ReceivedMessageAssert containing(String what, List<String> found, String header, String... addresses) {
        AddressCheck.requireContaining(info, this::captured, what, found,
                header == null ? null : AddressCheck.displayNamesIn(actual, header), addresses);
        return this;
    }

    private void fail(ErrorMessageFactory factory) {
        throw AssertionFailures.failure(info, factory);
    }

    private void failEqual(ErrorMessageFactory factory, Object expected, Object found) {
        throw AssertionFailures.mismatch(info, factory, expected, found);
    }

    private void failText(String property, String expected, String found) {
        throw AssertionFailures.textMismatch(info, captured(), property, expected, found);
    }

    static String list(List<Attachment> parts) {
        if (parts.isEmpty()) {
            return "  (none)";
        }
        StringBuilder sb = new StringBuilder();
        for (Attachment a : parts) {
            sb.append(sb.length() == 0 ? "  " : "\n  ").append(a);
        }
        return sb.toString();
    }

    /**
     * Checks that the message, normalised, matches its snapshot file: with the default {@link SnapshotOptions}, in a
     * test run by the JUnit extension, {@code src/test/resources/letterbox-snapshots/<test-class>/<test-method>.eml.txt}
     * ({@code <test-method>-2.eml.txt} for the second call without a name in one test, and so on). The normalised
     * form is text: the envelope, the header fields unfolded and decoded with volatile ones masked (Date, Message-ID,
     * MIME boundaries, generated Content-IDs), the text parts decoded, attachments by name, type, size and SHA-256.
     * When there is no snapshot yet, or the configuration parameter (or system property)
     * {@code letterbox.snapshots.update} is {@code true} and the snapshot differs, the file is written and the check
     * fails saying so; commit the file, and the next run passes.
     *
     * @return this assertion
     * @throws AssertionError if the message differs from its snapshot (the failure shows a unified diff, and its
     *     expected and actual values are the two normalised forms), or if the snapshot was written
     * @throws IllegalStateException outside a test run by the extension ({@code @CaptureMail},
     *     {@code LetterboxExtension}, {@code @SpringCaptureMail}): use
     *     {@link #matchesSnapshot(String, SnapshotOptions)} with {@link SnapshotOptions#directory(java.nio.file.Path)}
     * @throws java.io.UncheckedIOException if the snapshot file cannot be read or written
     */
    public ReceivedMessageAssert matchesSnapshot() {
        return snapshot(null, SnapshotOptions.defaults());
    }

    /**
     * Checks that the message, normalised with these options, matches its snapshot file; see
     * {@link #matchesSnapshot()}.
     *
     * @param options which header fields are masked, and optionally where the files go
     * @return this assertion
     * @throws AssertionError if the message differs from its snapshot, or if the snapshot was written
     * @throws IllegalStateException outside a test run by the extension, without a directory in the options
     * @throws java.io.UncheckedIOException if the snapshot file cannot be read or written
     */
    public ReceivedMessageAssert matchesSnapshot(SnapshotOptions options) {
        return snapshot(null, options);
    }

    /**
     * Checks that the message, normalised, matches the snapshot of this name:
     * {@code <test-method>-<name>.eml.txt} beside the test's other snapshots; see {@link #matchesSnapshot()}.
     *
     * @param name the snapshot's name: letters, digits, {@code .}, {@code _} and {@code -}, such as {@code welcome}
     * @return this assertion
     * @throws AssertionError if the message differs from its snapshot, or if the snapshot was written
     * @throws IllegalArgumentException if the name cannot be part of a file name
     * @throws IllegalStateException outside a test run by the extension
     * @throws java.io.UncheckedIOException if the snapshot file cannot be read or written
     */
    public ReceivedMessageAssert matchesSnapshot(String name) {
        return snapshot(Objects.requireNonNull(name, "name"), SnapshotOptions.defaults());
    }

    /**
     * Checks that the message, normalised with these options, matches the snapshot of this name; see
     * {@link #matchesSnapshot()}. With {@link SnapshotOptions#directory(java.nio.file.Path)} this works without the
     * JUnit extension too (a server of one's own): the file is then {@code <directory>/<name>.eml.txt}, and the system
     * property {@code letterbox.snapshots.update} rewrites it.
     *
     * @param name the snapshot's name: letters, digits, {@code .}, {@code _} and {@code -}
     * @param options which header fields are masked, and optionally where the files go
     * @return this assertion
     * @throws AssertionError if the message differs from its snapshot, or if the snapshot was written
     * @throws IllegalArgumentException if the name cannot be part of a file name
     * @throws IllegalStateException outside a test run by the extension, without a directory in the options
     * @throws java.io.UncheckedIOException if the snapshot file cannot be read or written
     */
    public ReceivedMessageAssert matchesSnapshot(String name, SnapshotOptions options) {
        return snapshot(Objects.requireNonNull(name, "name"), options);
    }

    private ReceivedMessageAssert snapshot(String name, SnapshotOptions options) {
        Objects.requireNonNull(options, "options");
        if (name != null) {
            SnapshotContext.checkedName(name);
        }
        isNotNull();
        Optional<SnapshotContext> context = ReportLocation.of(actual).flatMap(ReportLocation::snapshots);
        Path file;
        boolean update;
        if (context.isPresent()) {
            file = context.get().file(options.directory().orElse(null), name);
            update = context.get().update();
        } else if (options.directory().isPresent() && name != null) {
            file = options.directory().get().resolve(name + SnapshotContext.SUFFIX);
            update = Boolean.parseBoolean(System.getProperty(SnapshotContext.UPDATE_PARAMETER, "false").strip());
        } else {
            throw new IllegalStateException("matchesSnapshot() finds its file from the test that runs it, but this"
                    + " message was not received in a test run by the Letterbox extension (@CaptureMail,"
                    + " LetterboxExtension or @SpringCaptureMail); outside one, name the snapshot and its directory:"
                    + " matchesSnapshot(\"welcome\", SnapshotOptions.defaults().directory(Path.of(\"snapshots\")))");
        }
        String normalised = MessageNormaliser.normalise(actual.envelope(), actual.mimeMessage(),
                options.maskedLowerCase());
        SnapshotFile.Outcome outcome = SnapshotFile.check(file, normalised, update);
        Captured captured = new Captured("message", MessageDescription.oneLine(actual), "", reportLine());
        if (outcome instanceof SnapshotFile.Differs differs) {
            failEqual(ShouldMatchSnapshot.shouldMatch(captured, file, differs.diff()), differs.expected(), normalised);
        } else if (outcome instanceof SnapshotFile.Written written) {
            fail(written.created() ? ShouldMatchSnapshot.created(captured, file)
                    : ShouldMatchSnapshot.updated(captured, file, written.diff()));
        }
        return this;
    }

    /**
     * Checks that the message came over TLS (after STARTTLS, or on an implicit-TLS connection).
     *
     * @return this assertion
     * @throws AssertionError if the client sent it in plaintext
     */
    public ReceivedMessageAssert usedTls() {
        isNotNull();
        if (!actual.envelope().usedTls()) {
            fail(shouldHave(captured(), "TLS in force", "TLS (STARTTLS or implicit)", "plaintext"));
        }
        return this;
    }

    /**
     * Checks that the client authenticated with AUTH as this user before sending the message.
     *
     * @param user the expected user name, compared exactly
     * @return this assertion
     * @throws AssertionError if the client did not authenticate, or as another user
     */
    public ReceivedMessageAssert wasAuthenticatedAs(String user) {
        isNotNull();
        java.util.Objects.requireNonNull(user, "user");
        String found = actual.envelope().authenticatedUser();
        if (!user.equals(found)) {
            failEqual(shouldHave(captured(), "authenticated user (AUTH)", user,
                    found == null ? "not authenticated" : found), user, found);
        }
        return this;
    }

    static String normalize(String s) {
        return s == null ? null : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The one text rule: line ends as {@code \n}, line ends at the very end dropped. */
    static String comparableText(String s) {
        String n = normalize(s);
        int end = n.length();
        while (end > 0 && n.charAt(end - 1) == '\n') {
            end--;
        }
        return n.substring(0, end);
    }

    Captured captured() {
        String full = MessageDescription.full(actual, "  ");
        boolean shownBefore = soft != null && soft.assertionErrorsCollected().stream()
                .anyMatch(e -> String.valueOf(e.getMessage()).contains(full));
        String context = shownBefore ? "  (shown with the first failure of this message above)" : full;
        return new Captured("message", MessageDescription.oneLine(actual), context, reportLine());
    }

    private String reportLine() {
        return ReportLocation.of(actual).flatMap(ReportLocation::line).orElse("");
    }

    static String indent(String text) {
        return ("\n" + text).replace("\n", "\n  ");
    }
}
