package dev.letterbox.deliverability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One bad message per finding: each row is a clean message with one defect, delivered over SMTP, and the exact
 * violations (code and place) it must produce. The server accepts bare line endings so that those rows arrive.
 */
class ConformanceCorpusTest {
    private static SmtpServer server;

    private static final String FROM = "From: Shop <shop@example.com>\n";
    private static final String TO = "To: ann@example.com\n";
    private static final String SUBJECT = "Subject: Welcome\n";
    private static final String DATE = "Date: Tue, 3 Mar 2026 10:15:30 +0100\n";
    private static final String ID = "Message-ID: <1.welcome@mail.example.com>\n";
    private static final String MIME = "MIME-Version: 1.0\n";
    private static final String TEXT = "Content-Type: text/plain; charset=UTF-8\n";
    /** A clean message: 7 header lines, the empty line 8, the body from line 9. */
    private static final String CLEAN = FROM + TO + SUBJECT + DATE + ID + MIME + TEXT + "\nHello Ann\n";
    private static final String HEADERS = FROM + TO + SUBJECT + DATE + ID + MIME;

    @BeforeAll
    static void start() {
        server = SmtpServer.start(ServerOptions.builder().lenientLineEndings(true).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                row("clean", "", CLEAN),
                row("bare LF in the body", "", CLEAN.replace("Hello Ann\n", "Hello<LF>Ann<LF>and Bob\n"),
                        "BARE_LF at line 9"),
                row("bare CR in the body", "", CLEAN.replace("Hello Ann", "Hello<CR>Ann"), "BARE_CR at line 9"),
                row("body line of 1200 octets", "", CLEAN.replace("Hello Ann", "a".repeat(1200)),
                        "LINE_TOO_LONG at line 9"),
                row("header line of 1200 octets", "", "X-Long: " + "b".repeat(1200) + "\n" + CLEAN,
                        "HEADER_LINE_TOO_LONG at line 1"),
                row("no From", "", CLEAN.replace(FROM, ""), "MISSING_FROM at header section"),
                row("no Date", "", CLEAN.replace(DATE, ""), "MISSING_DATE at header section"),
                row("no Message-ID", "", CLEAN.replace(ID, ""), "MISSING_MESSAGE_ID at header section"),
                row("Message-ID without angle brackets", "", CLEAN.replace(ID, "Message-ID: 1@mail.example.com\n"),
                        "INVALID_MESSAGE_ID at header Message-ID, line 5"),
                row("two Subjects", "", CLEAN.replace(SUBJECT, SUBJECT + "Subject: Again\n"),
                        "DUPLICATE_SINGLE_HEADER at header Subject, lines 3, 4"),
                row("a line that is no header field", "", CLEAN.replace(SUBJECT, SUBJECT + "Welcome again\n"),
                        "MALFORMED_HEADER_FIELD at message, line 4"),
                row("unclosed angle address", "", CLEAN.replace(TO, "To: Ann <ann@example.com\n"),
                        "INVALID_ADDRESS_SYNTAX at header To, line 2"),
                row("8-bit body without BODY=8BITMIME", "", HEADERS + TEXT
                        + "Content-Transfer-Encoding: 8bit\n\nGrüße\n", "EIGHT_BIT_WITHOUT_8BITMIME at line 10"),
                row("8-bit body with BODY=8BITMIME", "BODY=8BITMIME", HEADERS + TEXT
                        + "Content-Transfer-Encoding: 8bit\n\nGrüße\n"),
                row("raw UTF-8 Subject without SMTPUTF8", "", CLEAN.replace(SUBJECT, "Subject: Grüße\n"),
                        "RAW_NON_ASCII_HEADER_WITHOUT_SMTPUTF8 at message, line 3"),
                row("raw UTF-8 headers with SMTPUTF8", "BODY=8BITMIME SMTPUTF8",
                        CLEAN.replace(SUBJECT, "Subject: Grüße\n").replace(TO, "To: Jürgen <jürgen@example.com>\n")),
                row("encoded-word with encoding X", "", CLEAN.replace(SUBJECT, "Subject: =?UTF-8?X?abc?=\n"),
                        "MALFORMED_ENCODED_WORD at header Subject, line 3"),
                row("encoded-word with bad base64", "", CLEAN.replace(SUBJECT, "Subject: =?UTF-8?B?R3I*?=\n"),
                        "MALFORMED_ENCODED_WORD at header Subject, line 3"),
                row("Content-Type without MIME-Version", "", CLEAN.replace(MIME, ""),
                        "MISSING_MIME_VERSION at header section"),
                row("multipart without boundary", "", HEADERS + "Content-Type: multipart/mixed\n\nHello\n",
                        "BAD_MULTIPART_BOUNDARY at message"),
                row("multipart never closed", "", HEADERS + "Content-Type: multipart/mixed; boundary=b1\n\n"
                        + "--b1\nContent-Type: text/plain\n\nHello\n", "BAD_MULTIPART_BOUNDARY at message"),
                row("multipart whose boundary never occurs", "", HEADERS
                        + "Content-Type: multipart/mixed; boundary=b1\n\n--b2\n\nHello\n--b2--\n",
                        "BAD_MULTIPART_BOUNDARY at message"),
                row("nested multipart closed by its parent", "", HEADERS
                        + "Content-Type: multipart/mixed; boundary=outer\n\n--outer\n"
                        + "Content-Type: multipart/alternative; boundary=inner\n\n--inner\n\nHello\n--outer--\n",
                        "BAD_MULTIPART_BOUNDARY at part 1"),
                row("8-bit text without charset", "BODY=8BITMIME", HEADERS + "Content-Type: text/plain\n"
                        + "Content-Transfer-Encoding: 8bit\n\nGrüße\n", "MISSING_CHARSET_FOR_8BIT_TEXT at message"),
                row("quoted-printable 8-bit text without charset", "", HEADERS + "Content-Type: text/plain\n"
                        + "Content-Transfer-Encoding: quoted-printable\n\nGr=C3=BC=C3=9Fe\n",
                        "MISSING_CHARSET_FOR_8BIT_TEXT at message"),
                row("8-bit octets declared 7bit", "BODY=8BITMIME", HEADERS + TEXT
                        + "Content-Transfer-Encoding: 7bit\n\nGrüße\n",
                        "CONTENT_TRANSFER_ENCODING_MISMATCH at message, line 10"),
                row("base64 with a character outside the alphabet", "", HEADERS + TEXT
                        + "Content-Transfer-Encoding: base64\n\nSGVsbG8g*QW5u\n",
                        "CONTENT_TRANSFER_ENCODING_MISMATCH at message, line 10"),
                row("quoted-printable with a broken escape", "", HEADERS + TEXT
                        + "Content-Transfer-Encoding: quoted-printable\n\nHello =ZZ Ann\n",
                        "CONTENT_TRANSFER_ENCODING_MISMATCH at message, line 10"),
                row("unknown transfer encoding", "", HEADERS + TEXT + "Content-Transfer-Encoding: 8-bit\n\nHi\n",
                        "CONTENT_TRANSFER_ENCODING_MISMATCH at message"),
                row("clean multipart/alternative", "", HEADERS
                        + "Content-Type: multipart/alternative; boundary=\"=_b 1\"\n\npreamble\n--=_b 1\n" + TEXT
                        + "\nHello\n--=_b 1\nContent-Type: text/html; charset=UTF-8\n"
                        + "Content-Transfer-Encoding: base64\n\nPHA+SGVsbG88L3A+\n--=_b 1--\nepilogue\n"));
    }

    private static Arguments row(String description, String mailParameters, String text, String... expected) {
        return Arguments.of(description, mailParameters, text, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachDefectIsFoundExactlyOnceAtItsPlace(String description, String mailParameters, String text,
                                                List<String> expected) {
        ReceivedMessage message = Delivery.deliver(server, mailParameters, Delivery.octets(text));

        List<String> found = message.violations().stream().map(v -> v.code() + " at " + v.place()).toList();

        assertThat(found).as("violations of '%s': %s", description, message.violations())
                .containsExactlyElementsOf(expected);
    }
}
