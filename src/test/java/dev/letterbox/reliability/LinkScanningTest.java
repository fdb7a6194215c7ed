package dev.letterbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.internal.mime.Links;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written link scanners find what an HTML reader would, on well-formed and on broken markup. */
class LinkScanningTest {

    static Stream<Arguments> html() {
        return Stream.of(
                Arguments.of("<a href=\"https://a.example/x?a=1&amp;b=2\">x</a>", List.of("https://a.example/x?a=1&b=2")),
                Arguments.of("<A HREF='https://a.example/'>", List.of("https://a.example/")),
                Arguments.of("<a class=btn href=https://a.example/u>go</a>", List.of("https://a.example/u")),
                Arguments.of("<a\r\n  href = \"https://a.example/wrapped\"\r\n>", List.of("https://a.example/wrapped")),
                Arguments.of("<a title=\"x > y\" href=\"https://a.example/q\">", List.of("https://a.example/q")),
                Arguments.of("<a href=\"#top\">top</a><a href=\"  \">blank</a>", List.of()),
                Arguments.of("<abbr href=\"https://no.example/\"><area href=\"https://no.example/\">", List.of()),
                Arguments.of("<a href=\"&#x68;ttps://a.example/&#38;&#1114112;&bogus;\">",
                        List.of("https://a.example/&&#1114112;&bogus;")),
                Arguments.of("<a href=\"https://a.example/1\"><a href=\"https://a.example/1\">", List.of("https://a.example/1")),
                Arguments.of("<a <a href=\"https://a.example/inner\">", List.of("https://a.example/inner")),
                Arguments.of("<a href=\"https://a.example/never-closed", List.of()),
                Arguments.of("<a href=\"https://a.example/at-end\"", List.of("https://a.example/at-end")));
    }

    @ParameterizedTest
    @MethodSource("html")
    void hrefsOfAnchorsAreFound(String html, List<String> links) {
        assertThat(Links.extract(html, null)).containsExactlyElementsOf(links);
    }

    static Stream<Arguments> text() {
        return Stream.of(
                Arguments.of("confirm: https://a.example/c?t=1.", List.of("https://a.example/c?t=1")),
                Arguments.of("see (https://en.example/wiki/Foo_(bar)).", List.of("https://en.example/wiki/Foo_(bar)")),
                Arguments.of("HTTP://A.EXAMPLE/ and ftp://f.example/file", List.of("HTTP://A.EXAMPLE/", "ftp://f.example/file")),
                Arguments.of("xhttp://no.example/ https:// <https://a.example/b>", List.of("https://a.example/b")),
                Arguments.of("\"https://a.example/q\"", List.of("https://a.example/q")));
    }

    @ParameterizedTest
    @MethodSource("text")
    void urlsOfTextAreFound(String text, List<String> links) {
        assertThat(Links.extract(null, text)).containsExactlyElementsOf(links);
    }
}
