package dev.letterbox.assertj;

import static dev.letterbox.assertj.ShouldHaveValue.shouldHave;

import dev.letterbox.Envelope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the {@link Envelope} of a message: what the client said in MAIL FROM and RCPT TO. Get one with
 * {@code LetterboxAssertions.assertThat(envelope)} or {@code assertThat(message).envelope()}.
 */
public class EnvelopeAssert extends AbstractAssert<EnvelopeAssert, Envelope> {

    /**
     * Creates the assertion; prefer {@link LetterboxAssertions#assertThat(Envelope)}.
     *
     * @param actual the envelope under test, may be null (every check then fails)
     */
    public EnvelopeAssert(Envelope actual) {
        super(actual, EnvelopeAssert.class);
    }

    /**
     * Checks the reverse path (MAIL FROM), ignoring case; use {@code ""} for the null sender {@code <>}.
     *
     * @param address the expected address without angle brackets
     * @return this assertion
     * @throws AssertionError if the reverse path differs
     */
    public EnvelopeAssert hasMailFrom(String address) {
        isNotNull();
        Objects.requireNonNull(address, "address");
        if (!actual.mailFrom().equalsIgnoreCase(address)) {
            throwAssertionError(shouldHave(captured(), "MAIL FROM", address, actual.mailFrom()));
        }
        return this;
    }

    /**
     * Checks that the envelope recipients (RCPT TO, Bcc included) are exactly the given addresses, in any order,
     * ignoring case.
     *
     * @param addresses the expected recipients
     * @return this assertion
     * @throws AssertionError if a recipient is missing or an unexpected one is present
     */
    public EnvelopeAssert hasRecipients(String... addresses) {
        isNotNull();
        if (!sameAddresses(actual.recipients(), Arrays.asList(addresses))) {
            throwAssertionError(shouldHave(captured(), "recipients (RCPT TO)", List.of(addresses),
                    actual.recipients()));
        }
        return this;
    }

    /**
     * Checks that MAIL FROM carried a parameter, with any value.
     *
     * @param keyword the parameter keyword, any case, such as {@code "SIZE"} or {@code "BODY"}
     * @return this assertion
     * @throws AssertionError if the parameter was not given
     */
    public EnvelopeAssert hasParameter(String keyword) {
        isNotNull();
        if (actual.mailParameter(keyword) == null) {
            throwAssertionError(shouldHave(captured(), "MAIL parameter", keyword.toUpperCase(Locale.ROOT),
                    actual.mailParameters()));
        }
        return this;
    }

    /**
     * Checks that MAIL FROM carried a parameter with the given value (compared ignoring case).
     *
     * @param keyword the parameter keyword, any case, such as {@code "BODY"}
     * @param value the expected value, such as {@code "8BITMIME"}; {@code ""} for a parameter without value
     * @return this assertion
     * @throws AssertionError if the parameter was not given or has another value
     */
    public EnvelopeAssert hasParameter(String keyword, String value) {
        isNotNull();
        String found = actual.mailParameter(keyword);
        if (found == null || !found.equalsIgnoreCase(value)) {
            throwAssertionError(shouldHave(captured(), "MAIL parameter " + keyword.toUpperCase(Locale.ROOT), value,
                    found == null ? actual.mailParameters() : found));
        }
        return this;
    }

    /**
     * Checks that the message came over TLS (after STARTTLS, or on an implicit-TLS connection).
     *
     * @return this assertion
     * @throws AssertionError if the client sent it in plaintext
     */
    public EnvelopeAssert usedTls() {
        isNotNull();
        if (!actual.usedTls()) {
            throwAssertionError(shouldHave(captured(), "TLS in force", "TLS (STARTTLS or implicit)", "plaintext"));
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
    public EnvelopeAssert wasAuthenticatedAs(String user) {
        isNotNull();
        Objects.requireNonNull(user, "user");
        if (!user.equals(actual.authenticatedUser())) {
            throwAssertionError(shouldHave(captured(), "authenticated user (AUTH)", user,
                    actual.authenticatedUser() == null ? "not authenticated" : actual.authenticatedUser()));
        }
        return this;
    }

    static boolean sameAddresses(List<String> actual, List<String> expected) {
        List<String> a = new ArrayList<>();
        actual.forEach(s -> a.add(s.toLowerCase(Locale.ROOT)));
        List<String> e = new ArrayList<>();
        expected.forEach(s -> e.add(Objects.requireNonNull(s, "address").toLowerCase(Locale.ROOT)));
        a.sort(null);
        e.sort(null);
        return a.equals(e);
    }

    private Captured captured() {
        return new Captured("envelope", actual.toString(), "");
    }
}
