package dev.letterbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.LetterboxExtension;
import dev.letterbox.Mailbox;
import dev.letterbox.SmtpRule;
import dev.letterbox.SmtpStage;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scripted faults through the extension: a per-class server starts each test with no rule left from the last. */
class ScriptedFaultsExtensionTest {

    private static String send(Mailbox mailbox) {
        try {
            MimeMessage m = new MimeMessage(mailbox.session());
            m.setFrom(new InternetAddress("shop@example.com"));
            m.setRecipients(MimeMessage.RecipientType.TO, "ann@example.com");
            m.setText("hi");
            Transport.send(m);
            return "sent";
        } catch (MessagingException e) {
            return "failed: " + e.getMessage().strip();
        }
    }

    @Fixture
    @CaptureMail(lifecycle = CaptureMail.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassFixture {
        @Test
        @Order(1)
        void refuses(Mailbox mailbox, TestReporter reporter) {
            mailbox.on(SmtpStage.MAIL).reply(451, "4.3.0 Not now");
            reporter.publishEntry("outcome", send(mailbox));
        }

        @Test
        @Order(2)
        void startsClean(Mailbox mailbox, TestReporter reporter) {
            reporter.publishEntry("rules", mailbox.rules().toString());
            reporter.publishEntry("outcome", send(mailbox));
        }
    }

    @Test
    void perClassServerForgetsTheRulesOfThePreviousTest() {
        var results = TestKit.run(PerClassFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(2));
        assertThat(TestKit.reported(results, "outcome")).containsExactly("failed: 451 4.3.0 Not now", "sent");
        assertThat(TestKit.reported(results, "rules")).containsExactly("[]");
    }

    @Fixture
    static class BuilderRuleFixture {
        @RegisterExtension
        static LetterboxExtension mail = LetterboxExtension.builder().perClass()
                .rule(SmtpRule.on(SmtpStage.RCPT).once().reply(452, "4.2.2 Mailbox full"))
                .build();

        @Test
        void first(Mailbox mailbox, TestReporter reporter) {
            reporter.publishEntry("outcome", send(mailbox) + " / " + send(mailbox));
        }

        @Test
        void second(Mailbox mailbox, TestReporter reporter) {
            reporter.publishEntry("outcome", send(mailbox) + " / " + send(mailbox));
        }
    }

    @Test
    void ruleOfTheBuilderPlaysAgainInEveryTest() {
        var results = TestKit.run(BuilderRuleFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(2));
        // Jakarta Mail reports a refused recipient as "Invalid Addresses" (the 452 is in its nested exception)
        assertThat(TestKit.reported(results, "outcome"))
                .containsExactly("failed: Invalid Addresses / sent", "failed: Invalid Addresses / sent");
    }
}
