package dev.letterbox.assertj;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static dev.letterbox.testing.Smtp.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Corpus;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Value mismatches as IDEs show them: opentest4j's AssertionFailedError with expected and actual values. */
class ValueMismatchTest {
    private static final String LONG_BODY = """
            Dear Ann,

            thank you for your order 4711. We will ship it tomorrow from our warehouse in Leeds,
            and you can follow it with the link in your account.

            Kind regards,
            the shop""";

    private static SmtpServer server;
    private static ReceivedMessage plain;
    private static ReceivedMessage invoice;
    private static ReceivedMessage order;

    @BeforeAll
    static void deliverCorpus() {
        server = SmtpServer.start();
        plain = deliver(server, "bounce@example.com",
                List.of("ann@example.com", "bob@example.com", "carol@example.com", "audit@example.com"), Corpus.PLAIN);
        invoice = deliver(server, "billing@example.com", List.of("ann@example.com"), Corpus.ATTACHMENTS);
        order = deliver(server, "shop@example.com", List.of("ann@example.com"), """
                From: shop@example.com
                To: ann@example.com
                Subject: Your order

                """ + LONG_BODY.replace("\n", "\r\n") + "\r\n");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static AssertionFailedError mismatch(Runnable check) {
        return catchThrowableOfType(AssertionFailedError.class, check::run);
    }

    @Test
    void subjectMismatchCarriesExpectedAndActualAndKeepsTheCapturedMessage() {
        AssertionFailedError e = mismatch(() -> assertThat(order).hasSubject("Your invoice"));

        assertThat(e.getExpected().getValue()).isEqualTo("Your invoice");
        assertThat(e.getActual().getValue()).isEqualTo("Your order");
        assertThat(e).hasMessageContaining("to have subject:\n  \"Your invoice\"\nbut was:\n  \"Your order\"")
                .hasMessageContaining("\n\nCaptured message:\n  Envelope: MAIL FROM:<shop@example.com>");
    }

    @Test
    void everyValueCheckRaisesAComparableFailure() {
        List<Consumer<ReceivedMessageAssert>> checks = List.of(
                m -> m.isFrom("hello@example.com"),
                m -> m.hasTo("ann@example.com"),
                m -> m.hasCc("dan@example.com"),
                m -> m.hasBcc("boss@example.com"),
                m -> m.hasReplyTo("help@example.com"),
                m -> m.hasRecipients("ann@example.com"),
                m -> m.hasHeader("X-Tag", "three"),
                m -> m.hasTextBody("Hello Bob"),
                m -> m.envelope().hasMailFrom("shop@example.com"),
                m -> m.envelope().hasRecipients("ann@example.com"));

        assertThat(checks).allSatisfy(check -> assertThat(mismatch(() -> check.accept(assertThat(plain))))
                .isNotNull()
                .satisfies(e -> assertThat(e.isExpectedDefined() && e.isActualDefined()).isTrue()));
        assertThat(mismatch(() -> assertThat(invoice).attachment("résumé.csv").hasTextContent("a,b\n3,4")))
                .satisfies(e -> assertThat(e.getActual().getValue()).isEqualTo("a,b\n1,2"));
        assertThat(mismatch(() -> assertThat(invoice).attachment("résumé.csv").hasFileName("resume.csv")))
                .satisfies(e -> assertThat(e.getExpected().getValue()).isEqualTo("resume.csv"));
    }

    @Test
    void addressListsAreComparedOnePerLineInAnyOrder() {
        AssertionFailedError e = mismatch(() -> assertThat(plain).hasTo("Bob@example.com", "dan@example.com"));

        assertThat(e.getExpected().getValue()).isEqualTo("Bob@example.com\ndan@example.com");
        assertThat(e.getActual().getValue()).isEqualTo("ann@example.com\nbob@example.com");
    }

    @Test
    void longBodyDifferingInOneWordShowsWhereItFirstDiffers() {
        String expected = LONG_BODY.replace("Leeds", "York");

        AssertionFailedError e = mismatch(() -> assertThat(order).hasTextBody(expected));

        assertThat(e).hasMessageContaining(String.format("""
                to have text body:
                  %d characters on 7 lines
                but it first differs at line 3, column 79 (it has %d characters on 7 lines):
                  expected: …"w from our warehouse in York,\\nand you can follow"…
                  but was:  …"w from our warehouse in Leeds,\\nand you can follo"…
                (both texts in full are the expected and actual values of this failure, which IDEs show side by side)
                """, expected.length(), LONG_BODY.length()))
                .hasMessageNotContaining("Kind regards");
        assertThat(e.getExpected().getValue()).isEqualTo(expected);
        assertThat(e.getActual().getValue()).isEqualTo(LONG_BODY);
    }

    @Test
    void textBodyAndTextContentFollowOneRuleForLineEnds() {
        // both bodies end with a line end (the body with CRLF, the attachment without), and both compare the same
        assertThat(order).hasTextBody(LONG_BODY).hasTextBody(LONG_BODY + "\n").hasTextBody(LONG_BODY + "\r\n\r\n");
        assertThat(invoice).attachment("résumé.csv").hasTextContent("a,b\n1,2").hasTextContent("a,b\r\n1,2\n");
    }
}
