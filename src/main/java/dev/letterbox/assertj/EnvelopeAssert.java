package dev.letterbox.assertj;

import static dev.letterbox.assertj.ShouldHaveValue.shouldHave;

import dev.letterbox.Envelope;
import java.util.Locale;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the {@link Envelope} of a message: what the client said in MAIL FROM and RCPT TO. Get one with
 * {@code LetterboxAssertions.assertThat(envelope)} or {@code assertThat(message).envelope()}.
 */
public class EnvelopeAssert extends AbstractAssert<EnvelopeAssert, Envelope> {
    /** How the envelope is named if navigation did not reach it, else null; set by {@link Navigation#reached}. */
    String missing;

    /**
     * Creates the assertion; prefer {@link LetterboxAssertions#assertThat(Envelope)}.
     *
     * @param actual the envelope under test, may be null (every check then fails)
     */
    public EnvelopeAssert(Envelope actual) {
        super(actual, EnvelopeAssert.class);
    }

    /**
     * Checks that there is an envelope to check; one of a message that was not found fails here with a message that
     * names it.
     *
     * @return this assertion
     * @throws AssertionError if the envelope is null
     */
    @Override
    public EnvelopeAssert isNotNull() {
        if (actual == null && missing != null) {
            throw AssertionFailures.failure(info, ShouldHaveValue.shouldExist("envelope", missing));
        }
        return super.isNotNull();
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
            throw AssertionFailures.mismatch(info, shouldHave(captured(), "MAIL FROM", address, actual.mailFrom()),
                    address, actual.mailFrom());
        }
        return this;
    }

    /**
     * Checks that the envelope recipients (RCPT TO, Bcc included) are exactly the given addresses, in any order,
     * ignoring case. The envelope has no display names: one given ({@code Ann <ann@example.com>}) is ignored.
     *
     * @param addresses the expected recipients
     * @return this assertion
     * @throws AssertionError if a recipient is missing or an unexpected one is present
     * @throws IllegalArgumentException if an argument is not one address
     */
    public EnvelopeAssert hasRecipients(String... addresses) {
        isNotNull();
        AddressCheck.requireExactly(info, this::captured, "recipients (RCPT TO)", actual.recipients(), null,
                addresses);
        return this;
    }

    /**
     * Checks that the envelope recipients (RCPT TO) include the given addresses, ignoring case; others may be there
     * too.
     *
     * @param addresses the recipients that must be among them
     * @return this assertion
     * @throws AssertionError if one of them is missing
     * @throws IllegalArgumentException if an argument is not one address
     */
    public EnvelopeAssert hasRecipientsContaining(String... addresses) {
        isNotNull();
        AddressCheck.requireContaining(info, this::captured, "recipients (RCPT TO)", actual.recipients(), null,
                addresses);
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
            throw AssertionFailures.failure(info, shouldHave(captured(), "MAIL parameter",
                    keyword.toUpperCase(Locale.ROOT), actual.mailParameters()));
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
            throw AssertionFailures.mismatch(info, shouldHave(captured(),
                    "MAIL parameter " + keyword.toUpperCase(Locale.ROOT), value,
                    found == null ? actual.mailParameters() : found), value, found);
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
            throw AssertionFailures.failure(info, shouldHave(captured(), "TLS in force", "TLS (STARTTLS or implicit)",
                    "plaintext"));
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
        String found = actual.authenticatedUser();
        if (!user.equals(found)) {
            throw AssertionFailures.mismatch(info, shouldHave(captured(), "authenticated user (AUTH)", user,
                    found == null ? "not authenticated" : found), user, found);
        }
        return this;
    }

    private Captured captured() {
        return new Captured("envelope", actual.toString(), "", "");
    }
}
