package dev.letterbox.assertj;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static dev.letterbox.testing.Smtp.deliver;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.Mailbox;
import dev.letterbox.SmtpServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MailboxAssertTest {
    private static SmtpServer server;
    private static SmtpServer empty;
    private static Mailbox mailbox;

    @BeforeAll
    static void deliverTwo() {
        server = SmtpServer.start();
        empty = SmtpServer.start();
        mailbox = server.mailbox();
        deliver(server, "shop@example.com", List.of("ann@example.com"), """
                From: shop@example.com
                To: ann@example.com
                Subject: Welcome

                Hello Ann
                """);
        deliver(server, "shop@example.com", List.of("bob@example.com", "audit@example.com"), """
                From: shop@example.com
                To: bob@example.com
                Subject: Invoice

                Hello Bob
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
        empty.close();
    }

    @Test
    void passesOnTheRightMailbox() {
        assertThat(mailbox).hasMessageCount(2).hasMessageTo("AUDIT@example.com");
        assertThat(empty.mailbox()).isEmpty();
        assertThat(mailbox).message(0).hasSubject("Welcome");
        assertThat(mailbox).message(1).hasTo("bob@example.com").hasBcc("audit@example.com");
        assertThat(mailbox).messageTo("bob@example.com").hasSubject("Invoice");
        assertThat(mailbox).messagesMatching(m -> m.subject().startsWith("Inv")).hasSize(1);
        assertThat(mailbox).allMessages(m -> m.isFrom("shop@example.com").hasTextBodyContaining("Hello"));
    }

    @Test
    void countFailureListsTheMessages() {
        assertThatThrownBy(() -> assertThat(mailbox).hasMessageCount(3))
                .hasMessage(String.format("""
                        %nExpecting actual mailbox:
                          holding 2 messages (server %s:%d)
                        to have 3 messages
                        but had 2:
                          [0] from=<shop@example.com> to=[ann@example.com] From: shop@example.com Subject: Welcome \
                        (%d octets)
                          [1] from=<shop@example.com> to=[bob@example.com, audit@example.com] From: shop@example.com \
                        Subject: Invoice (%d octets)""", server.host(), server.port(), mailbox.messages().get(0).size(),
                        mailbox.messages().get(1).size()));
    }

    @Test
    void singleMessageFailsOnSeveralAndOnNone() {
        assertThatThrownBy(() -> assertThat(mailbox).singleMessage())
                .hasMessageContaining("to have a single message\nbut had 2:\n  [0] from=<shop@example.com>");
        assertThatThrownBy(() -> assertThat(empty.mailbox()).singleMessage())
                .hasMessageContaining("to have a single message\nbut had 0:\n  (no messages)");
    }

    @Test
    void emptyFailureListsTheMessages() {
        assertThatThrownBy(() -> assertThat(mailbox).isEmpty())
                .hasMessageContaining("to have 0 messages\nbut had 2:\n  [0] ");
    }

    @Test
    void navigationToAMissingMessageFailsListingTheMessages() {
        assertThatThrownBy(() -> assertThat(mailbox).message(2))
                .hasMessageContaining("to have a message at index 2\nbut had 2:");
        assertThatThrownBy(() -> assertThat(mailbox).messageTo("carol@example.com"))
                .hasMessageContaining("to have a message with envelope recipient <carol@example.com>\n"
                        + "but none has; messages:\n  [0] ");
        assertThatThrownBy(() -> assertThat(mailbox).hasMessageTo("carol@example.com"))
                .hasMessageContaining("Subject: Invoice");
    }

    @Test
    void allMessagesReportsEveryFailingMessage() {
        assertThatThrownBy(() -> assertThat(mailbox).allMessages(m -> m.hasSubject("Welcome")))
                .hasMessageContaining("to have only messages that satisfy the requirements\nbut 1 of 2 did not:\n"
                        + "message [1]:\n  Expecting actual message:")
                .hasMessageContaining("    \"Welcome\"\n  but was:\n    \"Invoice\"");
        assertThatThrownBy(() -> assertThat(empty.mailbox()).allMessages(m -> m.hasSubject("x")))
                .hasMessageContaining("but had none:\n  (no messages)");
    }
}
