package dev.letterbox.assertj;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

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
