package dev.letterbox.assertj;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static dev.letterbox.testing.Smtp.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.internal.diagnostics.MessageDescription;
import dev.letterbox.testing.Corpus;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The address rules: exactly (any order, any case) or containing; display names where the test gives them. */
class AddressRulesTest {
    private static SmtpServer server;
    private static ReceivedMessage plain;
    private static ReceivedMessage anonymous;

    @BeforeAll
    static void deliverCorpus() {
        server = SmtpServer.start();
        // To: Ann <ann@example.com>, bob@example.com; Cc: carol@example.com; Reply-To: support@example.com
        plain = deliver(server, "bounce@example.com",
                List.of("ann@example.com", "bob@example.com", "carol@example.com", "audit@example.com"), Corpus.PLAIN);
        anonymous = deliver(server, "", List.of("ann@example.com"), "X-Note: no From, no Subject\n\nhi\n");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void exactChecksIgnoreOrderAndCaseButNotMissingOrExtraAddresses() {
        assertThat(plain).hasTo("BOB@example.com", "ann@EXAMPLE.com").hasCc("carol@example.com")
                .hasReplyTo("support@example.com")
                .hasRecipients("audit@example.com", "carol@example.com", "bob@example.com", "ann@example.com");

        assertThatThrownBy(() -> assertThat(plain).hasTo("ann@example.com"))
                .hasMessageContaining("to have exactly these To addresses, in any order:");
        assertThatThrownBy(() -> assertThat(plain).hasTo("ann@example.com", "bob@example.com", "dan@example.com"))
                .hasMessageContaining("but was:\n  [\"ann@example.com\", \"bob@example.com\"]");
    }

    @Test
    void containingChecksAcceptOtherAddressesAndNameTheMissingOnes() {
        assertThat(plain).hasToContaining("bob@example.com").hasCcContaining("Carol@example.com")
                .hasRecipientsContaining("audit@example.com", "ann@example.com");
        assertThat(plain).envelope().hasRecipientsContaining("carol@example.com");

        assertThatThrownBy(() -> assertThat(plain).hasRecipientsContaining("ann@example.com", "dan@example.com"))
                .hasMessageContaining("""
                        to have envelope recipients containing:
                          ["ann@example.com", "dan@example.com"]
                        but could not find [dan@example.com] among them:
                          [ann@example.com, bob@example.com, carol@example.com, audit@example.com]""");
        assertThatThrownBy(() -> assertThat(plain).hasCcContaining("bob@example.com"))
                .hasMessageContaining("could not find [bob@example.com] among them:\n  [carol@example.com]");
    }

    @Test
    void displayNameFormIsAcceptedAndItsNameChecked() {
        assertThat(plain).hasTo("Ann <ann@example.com>", "bob@example.com")
                .hasToContaining("\"Ann\" <ANN@example.com>")
                .isFrom("Café Shop <shop@example.com>")
                .hasRecipientsContaining("Ann <ann@example.com>"); // the envelope has no names: the address counts

        assertThatThrownBy(() -> assertThat(plain).hasTo("Anne <ann@example.com>", "bob@example.com"))
                .hasMessageContaining("""
                        but the display names differ:
                          ann@example.com has the display name "Ann", not "Anne\"""");
        assertThatThrownBy(() -> assertThat(plain).hasToContaining("Bob <bob@example.com>"))
                .hasMessageContaining("bob@example.com has no display name, not \"Bob\"");
        assertThatThrownBy(() -> assertThat(plain).isFrom("Shop <shop@example.com>"))
                .hasMessageContaining("to have From address:\n  \"Shop <shop@example.com>\"\n"
                        + "but was:\n  \"Café Shop <shop@example.com>\"");
    }

    @Test
    void severalAddressesInOneArgumentAreRefusedAsAmbiguous() {
        assertThatThrownBy(() -> assertThat(plain).hasTo("ann@example.com, bob@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected one address per argument, such as \"ann@example.com\" or"
                        + " \"Ann <ann@example.com>\", but got \"ann@example.com, bob@example.com\"; pass several"
                        + " addresses as several arguments");
        assertThatThrownBy(() -> assertThat(plain).hasTo("Ann <ann@example.com> <x@example.com>"))
                .isInstanceOf(IllegalArgumentException.class);
        // a comma inside a quoted display name is part of the name: one address, whose name is then compared
        assertThatThrownBy(() -> assertThat(plain).hasToContaining("\"Doe, Ann\" <ann@example.com>"))
                .isNotInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ann@example.com has the display name \"Ann\", not \"Doe, Ann\"");
    }

    @Test
    void summaryOfAMessageWithoutFromOrSubjectSaysNone() {
        assertThat(MessageDescription.oneLine(anonymous)).contains("From: (none) Subject: (none)")
                .doesNotContain("null");
        assertThatThrownBy(() -> assertThat(anonymous).hasSubject("Hi")).hasMessageNotContaining("From: null");
    }
}
