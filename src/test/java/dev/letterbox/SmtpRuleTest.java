package dev.letterbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A bad rule fails when it is written, with a message that says why; a good one describes itself. */
class SmtpRuleTest {

    @Test
    void replyCodeOutsideTheSmtpRangeIsRefused() {
        assertThatThrownBy(() -> SmtpRule.on(SmtpStage.RCPT).reply(199, "too low"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a reply code must be 200..599, was 199");
        assertThatThrownBy(() -> SmtpRule.on(SmtpStage.RCPT).reply(600, "too high"))
                .hasMessage("a reply code must be 200..599, was 600");
    }

    @Test
    void positiveReplyTheStageDoesNotAcceptWithIsRefusedNamingTheCodesItTakes() {
        assertThatThrownBy(() -> SmtpRule.on(SmtpStage.RCPT).reply(220, "hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a scripted reply at RCPT must refuse with a 4xx or 5xx code, or accept with"
                        + " 250 or 251; 220 would leave the client and the server disagreeing")
                .hasMessageEndingWith("use accept() or delay(...)");
        assertThatThrownBy(() -> SmtpRule.on(SmtpStage.EHLO).reply(250, "fine"))
                .hasMessageStartingWith("a scripted reply at EHLO must refuse with a 4xx or 5xx code; 250");
    }

    @Test
    void replyLineWithALineBreakIsRefused() {
        assertThatThrownBy(() -> SmtpRule.on(SmtpStage.MAIL).reply(550, "5.7.1 one\r\n550 two"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not contain CR or LF").hasMessageContaining("one\\r\\n550 two");
    }

    @Test
    void invalidPatternIsRefusedWithTheRegexError() {
        assertThatThrownBy(() -> SmtpRule.on(SmtpStage.RCPT).matching("bounce@(.*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("matching(\"bounce@(.*\") is not a regular expression: Unclosed group");
    }

    @Test
    void matchingAStageWithoutAnArgumentIsRefused() {
        assertThatThrownBy(() -> SmtpRule.on(SmtpStage.END_OF_DATA).matching(".*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("matching(\".*\") cannot apply at END_OF_DATA: only CONNECT");
    }

    @Test
    void timesBelowOneAndNegativeDelaysAreRefused() {
        assertThatThrownBy(() -> SmtpRule.on(SmtpStage.MAIL).times(0))
                .hasMessageStartingWith("times(n) needs n >= 1, was 0");
        assertThatThrownBy(() -> SmtpRule.on(SmtpStage.MAIL).delay(Duration.ofSeconds(-1)))
                .hasMessage("a delay must not be negative, was PT-1S");
    }

    @Test
    void ruleIsAValueThatDescribesItself() {
        SmtpRule rule = SmtpRule.on(SmtpStage.RCPT).matching("bounce@.*").times(2).reply(550, "5.1.1 No such user");

        assertThat(rule).hasToString("on RCPT matching \"bounce@.*\" 2 times: reply 550 5.1.1 No such user")
                .isEqualTo(SmtpRule.on(SmtpStage.RCPT).matching("bounce@.*").times(2)
                        .reply(550, "5.1.1 No such user"));
        assertThat(rule.matching()).contains("bounce@.*");
        assertThat(rule.times()).hasValue(2);
        assertThat(rule.effect()).isEqualTo(SmtpEffect.reply(550, "5.1.1 No such user"));
        assertThat(rule.matches("BOUNCE@example.com")).isTrue();
        assertThat(rule.matches("ann@example.com")).isFalse();
        assertThat(SmtpRule.on(SmtpStage.MAIL).disconnect()).hasToString("on MAIL every time: disconnect");
        assertThat(SmtpRule.on(SmtpStage.QUIT).once().stall().times()).hasValue(1);
    }
}
