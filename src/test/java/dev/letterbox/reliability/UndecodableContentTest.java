package dev.letterbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.Attachment;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Smtp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Content that is not valid for its transfer encoding (truncated base64, uuencode without its {@code begin} line)
 * makes the reading accessors throw what they document: {@code UncheckedIOException} from {@code size()},
 * {@code bytes()}, {@code text()} and the body accessors, a plain {@code IOException} from the stream of
 * {@code openStream()}, each naming the part and the problem. Structure and names stay readable.
 */
class UndecodableContentTest {
    private static BothStorages servers;

    @BeforeAll
    static void start() {
        servers = new BothStorages();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    static Stream<Arguments> brokenAttachments() {
        String filler = "x".repeat(BothStorages.SPILL_THRESHOLD + 100); // the spilling server spills it
        return Stream.of(false, true).flatMap(spilled -> Stream.of(
                Arguments.of(spilled, "base64", "truncated base64", "JVBERi0xLjQK\r\nJVB", "base64"),
                Arguments.of(spilled, "x-uuencode", "uuencode without begin", "M2F5E\r\nend", "uu")))
                .map(a -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], a.get()[3], a.get()[4], filler));
    }

    @ParameterizedTest(name = "{2}, spilled={0}")
    @MethodSource("brokenAttachments")
    void readingAnUndecodableAttachmentFailsNamingThePartAndTheProblem(boolean spilled, String encoding, String name,
                                                                     String body, String problem, String filler)
            throws IOException {
        ReceivedMessage m = deliver(servers.server(spilled), """
                From: shop@example.com
                Subject: broken
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"
                X-Filler: %s

                --b
                Content-Type: text/plain

                See the attachment.
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename="report.pdf"
                Content-Transfer-Encoding: %s

                %s
                --b--
                """.formatted(filler, encoding, body));
        Attachment a = m.attachments().get(0);

        assertThat(a.fileName()).isEqualTo("report.pdf");
        assertThat(m.textBody()).isEqualTo("See the attachment.");
        assertThat(m.structure()).contains("application/pdf, " + encoding);
        for (Runnable read : List.<Runnable>of(a::size, a::bytes, a::text)) {
            assertThatThrownBy(read::run)
                    .isExactlyInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("cannot read the " + encoding + " content of the application/pdf part"
                            + " \"report.pdf\": ")
                    .hasMessageContainingAll(problem)
                    .cause().isExactlyInstanceOf(IOException.class);
        }
        try (InputStream in = a.openStream()) {
            assertThatThrownBy(in::readAllBytes)
                    .isExactlyInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot read the " + encoding + " content of the application/pdf part")
                    .hasMessageContaining(problem);
        }
    }

    @Test
    void anUndecodableTextBodyFailsNamingThePart() {
        ReceivedMessage m = deliver(servers.server(false), """
                From: shop@example.com
                Subject: broken body
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: base64

                SGVsbG8gQW5u\r
                SGV
                """);

        assertThat(m.subject()).isEqualTo("broken body");
        assertThatThrownBy(m::textBody)
                .isExactlyInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read the base64 content of the text/plain part: ");
        assertThatThrownBy(m::links).isExactlyInstanceOf(UncheckedIOException.class);
    }

    @Test
    void brokenQuotedPrintableYieldsWhatCanBeDecoded() {
        ReceivedMessage m = deliver(servers.server(false), """
                From: shop@example.com
                Subject: broken qp
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Caf=C3=A9 =ZZ and =4 at the end=
                """);

        assertThat(m.textBody()).isEqualTo("Café =ZZ and =4 at the end"); // malformed escapes kept as sent
    }

    @Test
    void anUnknownTransferEncodingYieldsTheOctetsAsSent() {
        ReceivedMessage m = deliver(servers.server(false), """
                From: shop@example.com
                Subject: odd encoding
                Content-Type: text/plain
                Content-Transfer-Encoding: x-rot13

                Uryyb
                """);

        assertThat(m.textBody()).isEqualTo("Uryyb\r\n");
        assertThat(m.structure()).contains("x-rot13");
    }

    private static ReceivedMessage deliver(SmtpServer server, String raw) {
        return Smtp.deliver(server, "shop@example.com", List.of("ann@example.com"),
                Smtp.crlf(raw).getBytes(StandardCharsets.UTF_8));
    }
}
