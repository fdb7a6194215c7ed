package dev.letterbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.internal.mime.DateHeader;
import dev.letterbox.internal.mime.Links;
import dev.letterbox.testing.Smtp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accessors that scan text (links and Date) do work linear in its length on hostile input: the characters they
 * read are counted for an input and for one twice as long, and must no more than double (with a margin).
 */
class LinearAccessorsTest {
    private static final int N = 2_000;

    static Stream<Arguments> hostileHtml() {
        return Stream.of(
                Arguments.of("unclosed anchors", "<a "),
                Arguments.of("unclosed anchors on wrapped lines", "<a\r\n"),
                Arguments.of("anchors with an empty href and no end", "<a href="),
                Arguments.of("anchors with an unclosed quote", "<a href=\"x "),
                Arguments.of("anchors whose attribute never ends", "<a title='"),
                Arguments.of("numeric entities without a semicolon", "<a href=\"&#x1&#1"),
                Arguments.of("tags that are not anchors", "<abbr "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileHtml")
    void linksOfHtmlReadEachCharacterABoundedNumberOfTimes(String name, String unit) {
        assertLinear(html -> Links.extract(html, null), unit);
    }

    static Stream<Arguments> hostileText() {
        return Stream.of(
                Arguments.of("a URL with many closing parentheses", "http://x.example/" , ")"),
                Arguments.of("many URL prefixes", "", "http://"),
                Arguments.of("many URLs", "", "https://a.example/ "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileText")
    void linksOfTextReadEachCharacterABoundedNumberOfTimes(String name, String prefix, String unit) {
        assertLinear(text -> Links.extract(null, text), prefix, unit);
    }

    static Stream<Arguments> hostileDates() {
        return Stream.of(
                Arguments.of("unclosed comments", "Tue, 3 Mar 2026 10:15:30 +0100 ", "("),
                Arguments.of("nested comments", "", "(("),
                Arguments.of("escaped parentheses in a comment", "(", "\\("),
                Arguments.of("folding whitespace", "Tue, 3 Mar 2026", " \r\n "),
                Arguments.of("closed comments", "Tue, 3 Mar 2026 10:15:30 +0100 ", "(CET) "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDates")
    void dateReadsEachCharacterABoundedNumberOfTimes(String name, String prefix, String unit) {
        assertLinear(DateHeader::parse, prefix, unit);
    }

    @Test
    void linksOfAMessageWithThousandsOfUnclosedAnchorsAreTheClosedOnes() {
        String html = "<p>" + "<a ".repeat(20_000) + "</p><a href=\"https://shop.example/ok\">ok</a>";
        try (SmtpServer server = SmtpServer.start()) {
            ReceivedMessage m = Smtp.deliver(server, "shop@example.com", List.of("ann@example.com"), """
                    From: shop@example.com
                    Content-Type: text/html

                    %s
                    """.formatted(wrap(html)));

            assertThat(m.links()).containsExactly("https://shop.example/ok");
        }
    }

    @Test
    void dateFollowedByThousandsOfUnclosedCommentsIsRead() {
        try (SmtpServer server = SmtpServer.start()) {
            ReceivedMessage m = Smtp.deliver(server, "shop@example.com", List.of("ann@example.com"), """
                    From: shop@example.com
                    Date: Tue, 3 Mar 2026 10:15:30 +0100 %s
                    Subject: odd date

                    body
                    """.formatted(wrap("(".repeat(40_000))));

            assertThat(m.date()).isEqualTo(OffsetDateTime.of(2026, 3, 3, 10, 15, 30, 0, ZoneOffset.ofHours(1)));
        }
    }

    @Test
    void dateOfThousandsOfCharactersWithoutADateIsAbsent() {
        try (SmtpServer server = SmtpServer.start()) {
            ReceivedMessage m = Smtp.deliver(server, "shop@example.com", List.of("ann@example.com"), """
                    From: shop@example.com
                    Date: %s
                    Subject: odd date

                    body
                    """.formatted(wrap("Tue, 3 Mar 2026 10:15:30 +0100 ".repeat(2_000))));

            assertThat(m.date()).isNull();
            assertThat(m.subject()).isEqualTo("odd date");
        }
    }

    private static void assertLinear(Function<CharSequence, ?> function, String unit) {
        assertLinear(function, "", unit);
    }

    private static void assertLinear(Function<CharSequence, ?> function, String prefix, String unit) {
        String small = prefix + unit.repeat(N);
        String large = prefix + unit.repeat(2 * N);
        long readsSmall = CountingText.readsOf(function, small);
        long readsLarge = CountingText.readsOf(function, large);

        assertThat(readsLarge)
                .as("characters read for %d and %d characters (%d and %d)", small.length(), large.length(),
                        readsSmall, readsLarge)
                .isLessThanOrEqualTo(readsSmall * 5 / 2 + 64);
    }

    /** Folds a long line into lines of 76 characters, as a sender would. */
    private static String wrap(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i += 76) {
            sb.append(s, i, Math.min(s.length(), i + 76)).append("\r\n ");
        }
        return sb.toString().stripTrailing();
    }
}
