package dev.letterbox.assertj;

import static dev.letterbox.assertj.ShouldHaveValue.shouldHave;
import static dev.letterbox.assertj.ShouldHaveValue.shouldHaveAmong;
import static dev.letterbox.assertj.ShouldSatisfy.shouldSatisfy;

import dev.letterbox.Attachment;
import dev.letterbox.Envelope;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.internal.diagnostics.MessageDescription;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.StringAssert;

/**
 * Assertions on one {@link ReceivedMessage}. Every failure shows the message: its envelope, From, To, Cc, Subject and
 * MIME structure. Get one with {@code LetterboxAssertions.assertThat(message)} or from a {@link MailboxAssert}.
 */
public class ReceivedMessageAssert extends AbstractAssert<ReceivedMessageAssert, ReceivedMessage>
        implements Navigation.SoftAware {
    private SoftAssertionsProvider soft;

    /**
     * Creates the assertion; prefer {@link LetterboxAssertions#assertThat(ReceivedMessage)}.
     *
     * @param actual the message under test, may be null (every check then fails)
     */
    public ReceivedMessageAssert(ReceivedMessage actual) {
        super(actual, ReceivedMessageAssert.class);
    }

    /**
     * Used by soft assertions so that navigation returns soft asserts too; not for direct use.
     *
     * @param soft the soft assertions collecting the failures
     */
    @Override
    public void softly(SoftAssertionsProvider soft) {
        this.soft = soft;
    }

    /**
     * Checks the address of the From header, ignoring case (the envelope sender is checked with
     * {@code envelope().hasMailFrom(...)}).
     *
     * @param address the expected address, such as {@code shop@example.com}
     * @return this assertion
     * @throws AssertionError if it differs
     */
    public ReceivedMessageAssert isFrom(String address) {
        isNotNull();
        String from = actual.from();
        if (from == null || !from.equalsIgnoreCase(Objects.requireNonNull(address, "address"))) {
            fail(shouldHave(captured(), "From address", address, from));
        }
        return this;
    }

    /**
     * Checks that the envelope recipients (RCPT TO: To, Cc and Bcc together) are exactly these, in any order, ignoring
     * case.
     *
     * @param addresses the expected recipients
     * @return this assertion
     * @throws AssertionError if a recipient is missing or an unexpected one is present
     */
    public ReceivedMessageAssert hasRecipients(String... addresses) {
        isNotNull();
        if (!EnvelopeAssert.sameAddresses(actual.envelope().recipients(), Arrays.asList(addresses))) {
            fail(shouldHave(captured(), "envelope recipients", List.of(addresses), actual.envelope().recipients()));
        }
        return this;
    }

    /**
     * Checks the addresses of the To headers: exactly these, in any order, ignoring case.
     *
     * @param addresses the expected addresses
     * @return this assertion
     * @throws AssertionError if they differ
     */
    public ReceivedMessageAssert hasTo(String... addresses) {
        return addresses("To addresses", actual == null ? null : actual.to(), addresses);
    }

    /**
     * Checks the addresses of the Cc headers: exactly these, in any order, ignoring case.
     *
     * @param addresses the expected addresses
     * @return this assertion
     * @throws AssertionError if they differ
     */
    public ReceivedMessageAssert hasCc(String... addresses) {
        return addresses("Cc addresses", actual == null ? null : actual.cc(), addresses);
    }

    /**
     * Checks the blind-copy recipients (envelope recipients not named in To or Cc, see
     * {@link ReceivedMessage#bcc()}): exactly these, in any order, ignoring case.
     *
     * @param addresses the expected addresses
     * @return this assertion
     * @throws AssertionError if they differ
     */
    public ReceivedMessageAssert hasBcc(String... addresses) {
        return addresses("Bcc recipients (envelope recipients not in To or Cc)",
                actual == null ? null : actual.bcc(), addresses);
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
            fail(shouldHave(captured(), "subject", subject, actual.subject()));
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
            fail(shouldHave(captured(), "header " + name, value, values.isEmpty() ? "no such header" : values));
        }
        return this;
    }

    /**
     * Checks the text body (see {@link ReceivedMessage#textBody()}), exactly, with line ends compared as {@code \n}
     * and trailing line ends ignored.
     *
     * @param text the expected text
     * @return this assertion
     * @throws AssertionError if it differs or there is no text body
     */
    public ReceivedMessageAssert hasTextBody(String text) {
        isNotNull();
        String body = actual.textBody();
        if (body == null || !trimEnd(normalize(body)).equals(trimEnd(normalize(text)))) {
            fail(shouldHave(captured(), "text body", text, body));
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
        isNotNull();
        Objects.requireNonNull(requirements, "requirements");
        requirements.accept(new AttachmentAssert(findAttachment(fileName)));
        return this;
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
        String id = contentId.startsWith("<") && contentId.endsWith(">")
                ? contentId.substring(1, contentId.length() - 1) : contentId;
        if (actual.inlineParts().stream().noneMatch(p -> id.equals(p.contentId()))) {
            fail(shouldHaveAmong(captured(), "inline part with Content-ID", id, "its inline parts are",
                    list(actual.inlineParts())));
        }
        return this;
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
        return Navigation.child(soft, EnvelopeAssert.class, Envelope.class, actual::envelope, EnvelopeAssert::new);
    }

    /**
     * Navigates to the text body, for AssertJ's string assertions.
     *
     * @return an assertion on the text body (null if there is none)
     */
    public AbstractStringAssert<?> textBody() {
        isNotNull();
        return Navigation.child(soft, StringAssert.class, String.class, actual::textBody, Assertions::assertThat);
    }

    /**
     * Navigates to the HTML body, for AssertJ's string assertions.
     *
     * @return an assertion on the HTML body (null if there is none)
     */
    public AbstractStringAssert<?> htmlBody() {
        isNotNull();
        return Navigation.child(soft, StringAssert.class, String.class, actual::htmlBody, Assertions::assertThat);
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
        return Navigation.child(soft, AttachmentAssert.class, Attachment.class, () -> findAttachment(fileName),
                AttachmentAssert::new);
    }

    private Attachment findAttachment(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        for (Attachment a : actual.attachments()) {
            if (fileName.equals(a.fileName())) {
                return a;
            }
        }
        fail(shouldHaveAmong(captured(), "attachment", fileName, "its attachments are", list(actual.attachments())));
        return null;
    }

    private ReceivedMessageAssert addresses(String what, List<String> found, String... expected) {
        isNotNull();
        if (!EnvelopeAssert.sameAddresses(found, Arrays.asList(expected))) {
            fail(shouldHave(captured(), what, List.of(expected), found));
        }
        return this;
    }

    private void fail(org.assertj.core.error.ErrorMessageFactory factory) {
        throwAssertionError(factory);
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
            fail(shouldHave(captured(), "authenticated user (AUTH)", user, found == null ? "not authenticated" : found));
        }
        return this;
    }

    static String normalize(String s) {
        return s == null ? null : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }

    Captured captured() {
        return new Captured("message", MessageDescription.oneLine(actual), MessageDescription.full(actual, "  "));
    }

    static String indent(String text) {
        return ("\n" + text).replace("\n", "\n  ");
    }
}
