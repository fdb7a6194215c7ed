package dev.letterbox.assertj;

import static dev.letterbox.testing.Smtp.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.internal.diagnostics.MessageDescription;
import dev.letterbox.testing.Corpus;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SoftAssertionsTest {
    private static SmtpServer server;
    private static ReceivedMessage invoice;

    @BeforeAll
    static void deliverOne() {
        server = SmtpServer.start();
        invoice = deliver(server, "billing@example.com", List.of("ann@example.com"), Corpus.ATTACHMENTS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void softAssertionsCollectEveryFailureIncludingNavigatedOnes() {
        LetterboxSoftAssertions softly = new LetterboxSoftAssertions();

        softly.assertThat(invoice).hasSubject("Receipt").isFrom("shop@example.com").hasAttachmentCount(2);
        softly.assertThat(invoice).attachment("résumé.csv").hasFileName("resume.csv");
        softly.assertThat(invoice).envelope().hasMailFrom("nobody@example.com");
        softly.assertThat(invoice).textBody().contains("Rechnung");
        softly.assertThat(server.mailbox()).hasMessageCount(5).singleMessage().hasSubject("Invoice");
        softly.assertThat("plain AssertJ still works").startsWith("plain");

        AssertionError error = catchThrowableOfType(AssertionError.class, softly::assertAll);
        assertThat(softly.errorsCollected()).hasSize(6);
        assertThat(error).hasMessageContaining("to have subject:\n  \"Receipt\"")
                .hasMessageContaining("to have From address:")
                .hasMessageContaining("to have file name:\n  \"resume.csv\"")
                .hasMessageContaining("to have MAIL FROM:")
                .hasMessageContaining("Rechnung")
                .hasMessageContaining("to have 5 messages");
    }

    @Test
    void failedNavigationIsCollectedAndDoesNotStopTheTest() {
        LetterboxSoftAssertions softly = new LetterboxSoftAssertions();

        softly.assertThat(invoice).attachment("missing.pdf").hasContentType("application/pdf");
        softly.assertThat(invoice).hasSubject("Invoice");

        // the missing attachment, then the check on it, which names the missing part; the subject check passed
        assertThat(softly.errorsCollected()).hasSize(2);
        assertThat(softly.errorsCollected().get(0))
                .hasMessageContaining("to have attachment:\n  \"missing.pdf\"\nbut its attachments are:");
        assertThat(softly.errorsCollected().get(1)).hasMessageStartingWith(String.format("""
                %nExpecting the attachment to check:
                  "missing.pdf" of message %s
                but there is no such attachment (see the failure that reported it), so this check could not run""",
                MessageDescription.oneLine(invoice)));
    }

    @Test
    void checkOnAMissingPartPointsItsStackAtTheTest() {
        LetterboxSoftAssertions softly = new LetterboxSoftAssertions();

        softly.assertThat(invoice).attachment("missing.pdf").hasContentType("application/pdf");

        assertThat(softly.errorsCollected()).hasSize(2).allSatisfy(e -> assertThat(e.getStackTrace()[0])
                .satisfies(top -> assertThat(top.getClassName()).isEqualTo(SoftAssertionsTest.class.getName()))
                .satisfies(top -> assertThat(top.getMethodName())
                        .isEqualTo("checkOnAMissingPartPointsItsStackAtTheTest")));
    }

    @Test
    void hardNavigationToAMissingPartPointsItsStackAtTheTest() {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> LetterboxAssertions.assertThat(invoice).attachment("missing.pdf"));

        assertThat(failure.getStackTrace()[0].getClassName()).startsWith(SoftAssertionsTest.class.getName());
        assertThat(failure.getStackTrace()).noneMatch(f -> f.getClassName().equals(Navigation.class.getName()));
    }

    @Test
    void softAssertionsShowTheCapturedMessageOncePerMessage() {
        LetterboxSoftAssertions softly = new LetterboxSoftAssertions();

        softly.assertThat(invoice).hasSubject("Receipt").isFrom("shop@example.com");
        softly.assertThat(invoice).hasTo("bob@example.com");

        String context = MessageDescription.full(invoice, "  ");
        assertThat(softly.errorsCollected()).hasSize(3);
        assertThat(softly.errorsCollected().get(0)).hasMessageContaining("Captured message:\n" + context);
        assertThat(softly.errorsCollected().subList(1, 3)).allSatisfy(e -> assertThat(e)
                .hasMessageNotContaining(context)
                .hasMessageContaining("Captured message:\n  (shown with the first failure of this message above)"));
    }

    @Test
    void autoCloseableVariantReportsOnClose() {
        assertThatThrownBy(() -> {
            try (AutoCloseableLetterboxSoftAssertions softly = new AutoCloseableLetterboxSoftAssertions()) {
                softly.assertThat(invoice).hasSubject("Receipt");
                softly.assertThat(invoice.attachments().get(0)).hasSize(1);
            }
        }).hasMessageContaining("Multiple Failures (2 failures)");
    }

    @Test
    void providerMixesIntoAnyAssertJSoftAssertionsClass() {
        assertThatThrownBy(() -> SoftAssertionsProvider.assertSoftly(MySoftly.class,
                softly -> softly.assertThat(invoice).hasSubject("Receipt")))
                .hasMessageContaining("to have subject:");
    }

    @Test
    void passingSoftAssertionsReportNothing() {
        SoftAssertionsProvider.assertSoftly(LetterboxSoftAssertions.class, softly -> {
            softly.assertThat(invoice).hasSubject("Invoice").hasAttachment("résumé.csv");
            softly.assertThat(invoice).attachment("résumé.csv").hasTextContent("a,b\n1,2");
        });
        assertThat(invoice.subject()).isEqualTo("Invoice");
    }

    /** A user's own soft assertions class mixing Letterbox into AssertJ's. */
    public static class MySoftly extends SoftAssertions implements LetterboxSoftAssertionsProvider {
    }
}
