package dev.letterbox.assertj;

import dev.letterbox.ReceivedMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.assertj.core.api.WritableAssertionInfo;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * The two address rules of the assertions. <b>Exactly</b> ({@code hasTo}, {@code hasRecipients}, ...): the found
 * addresses are the expected ones, each as often, in any order, addresses compared ignoring case. <b>Containing</b>
 * ({@code hasToContaining}, ...): every expected address is among the found ones, others may be there too. Either
 * way, an expected display name ({@code Ann <ann@example.com>}) must equal the found one exactly.
 */
final class AddressCheck {

    private AddressCheck() {
    }

    /**
     * Fails unless the found addresses are exactly the expected ones (and their display names, where given, match).
     *
     * @param info the assertion's info
     * @param captured what the failure shows of the value under test
     * @param what the addresses, such as {@code To addresses}
     * @param found the found addresses
     * @param displayNames the display name found for an address (lower case); null where there are none (envelope)
     * @param addresses the expected addresses as the test wrote them
     * @throws AssertionError if they differ: an {@code AssertionFailedError} with both lists, one address a line
     */
    static void requireExactly(WritableAssertionInfo info, Supplier<Captured> captured, String what,
                               List<String> found, Function<String, Optional<String>> displayNames,
                               String... addresses) {
        List<ExpectedAddress> expected = ExpectedAddress.parseAll(addresses);
        List<String> wrongNames = displayNames == null ? List.of() : wrongDisplayNames(expected, displayNames);
        if (!exactly(found, expected) || !wrongNames.isEmpty()) {
            String property = "exactly these " + what + ", in any order";
            ErrorMessageFactory message = wrongNames.isEmpty()
                    ? ShouldHaveValue.shouldHave(captured.get(), property, List.of(addresses), found)
                    : ShouldHaveValue.shouldHaveAmong(captured.get(), property, List.of(addresses),
                            "the display names differ", "  " + String.join("\n  ", wrongNames));
            throw AssertionFailures.mismatch(info, message, lines(written(expected)), lines(found));
        }
    }

    /**
     * Fails unless every expected address is among the found ones (with its display name, where given).
     *
     * @param info the assertion's info
     * @param captured what the failure shows of the value under test
     * @param what the addresses, such as {@code To addresses}
     * @param found the found addresses
     * @param displayNames the display name found for an address (lower case); null where there are none (envelope)
     * @param addresses the addresses that must be among them, as the test wrote them
     * @throws AssertionError naming the missing addresses or the wrong display names
     */
    static void requireContaining(WritableAssertionInfo info, Supplier<Captured> captured, String what,
                                  List<String> found, Function<String, Optional<String>> displayNames,
                                  String... addresses) {
        List<ExpectedAddress> expected = ExpectedAddress.parseAll(addresses);
        List<ExpectedAddress> missing = missing(found, expected);
        if (!missing.isEmpty()) {
            throw AssertionFailures.failure(info, ShouldHaveValue.shouldHaveAmong(captured.get(), what + " containing",
                    List.of(addresses), "could not find " + written(missing) + " among them", "  " + found));
        }
        List<String> wrongNames = displayNames == null ? List.of() : wrongDisplayNames(expected, displayNames);
        if (!wrongNames.isEmpty()) {
            throw AssertionFailures.failure(info, ShouldHaveValue.shouldHaveAmong(captured.get(), what + " containing",
                    List.of(addresses), "the display names differ", "  " + String.join("\n  ", wrongNames)));
        }
    }

    /**
     * Reads display names from an address header of a message, only when a test gives one.
     *
     * @param message the message
     * @param header the header, such as {@code To}
     * @return the display name of an address (given in lower case), empty if it has none or is not there
     */
    static Function<String, Optional<String>> displayNamesIn(ReceivedMessage message, String header) {
        return lowerCaseAddress -> {
            try {
                String raw = message.mimeMessage().getHeader(header, ",");
                if (raw == null) {
                    return Optional.empty();
                }
                for (InternetAddress a : InternetAddress.parseHeader(raw, false)) {
                    if (a.getAddress() != null && a.getAddress().toLowerCase(Locale.ROOT).equals(lowerCaseAddress)) {
                        return Optional.ofNullable(a.getPersonal());
                    }
                }
                return Optional.empty();
            } catch (AddressException e) {
                return Optional.empty();
            } catch (MessagingException e) {
                throw new IllegalStateException("cannot read the " + header + " header: " + e.getMessage(), e);
            }
        };
    }

    /**
     * Tells whether the found addresses are exactly the expected ones, in any order, ignoring case.
     *
     * @param found the found addresses
     * @param expected the expected ones
     * @return true if they are
     */
    static boolean exactly(List<String> found, List<ExpectedAddress> expected) {
        List<String> f = keys(found);
        List<String> e = new ArrayList<>();
        expected.forEach(a -> e.add(a.key()));
        f.sort(null);
        e.sort(null);
        return f.equals(e);
    }

    /**
     * Returns the expected addresses that are not among the found ones.
     *
     * @param found the found addresses
     * @param expected the expected ones
     * @return the missing ones, in the order given
     */
    static List<ExpectedAddress> missing(List<String> found, List<ExpectedAddress> expected) {
        List<String> f = keys(found);
        List<ExpectedAddress> missing = new ArrayList<>();
        for (ExpectedAddress a : expected) {
            if (!f.contains(a.key())) {
                missing.add(a);
            }
        }
        return missing;
    }

    /**
     * Checks the display names the test gave against the found ones.
     *
     * @param expected the expected addresses; only those with a display name are checked
     * @param displayNameOf the display name found for an address (lower case), empty if it has none
     * @return one line per wrong name, empty if all match
     */
    static List<String> wrongDisplayNames(List<ExpectedAddress> expected,
                                          Function<String, Optional<String>> displayNameOf) {
        List<String> wrong = new ArrayList<>();
        for (ExpectedAddress a : expected) {
            if (a.displayName() != null) {
                Optional<String> found = displayNameOf.apply(a.key());
                if (!found.map(a.displayName()::equals).orElse(false)) {
                    wrong.add(a.address() + " has " + found.map(n -> "the display name \"" + n + "\"")
                            .orElse("no display name") + ", not \"" + a.displayName() + "\"");
                }
            }
        }
        return wrong;
    }

    /**
     * Formats addresses one per line, sorted ignoring case: the expected and actual values of a failure, so an IDE's
     * side-by-side view lines them up whatever their order.
     *
     * @param addresses the addresses
     * @return the text
     */
    static String lines(List<String> addresses) {
        List<String> sorted = new ArrayList<>(addresses);
        sorted.sort(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)));
        return String.join("\n", sorted);
    }

    /** @return the addresses as written, for {@link #lines(List)} */
    static List<String> written(List<ExpectedAddress> expected) {
        List<String> list = new ArrayList<>();
        expected.forEach(a -> list.add(a.displayName() == null ? a.address() : a.written().strip()));
        return list;
    }

    private static List<String> keys(List<String> found) {
        List<String> f = new ArrayList<>();
        found.forEach(s -> f.add(s.toLowerCase(Locale.ROOT)));
        return f;
    }
}
