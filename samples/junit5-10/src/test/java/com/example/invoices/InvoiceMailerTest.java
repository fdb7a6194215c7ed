package com.example.invoices;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Letterbox on JUnit 5.10, the way a test of such a project uses it: a per-test server injected into the
 * constructor (JUnit 5.10 resolves constructor parameters with the class's context; the server is still the test's
 * own), a field and the test's parameters, and a {@code @Nested} class that uses the enclosing declaration.
 */
@CaptureMail
class InvoiceMailerTest {
    private final InvoiceMailer mailer;
    private final Mailbox constructed;
    private Mailbox field;

    InvoiceMailerTest(Mailbox mailbox) {
        this.constructed = mailbox;
        this.mailer = new InvoiceMailer(mailbox.smtpProperties());
    }

    @Test
    void invoiceGoesToTheCustomerWithACopyToAccounting(Mailbox mailbox) throws Exception {
        mailer.send(42, "ann@example.com", "item;price\nbook;12.00\n");

        assertThat(mailbox.awaitMessage())
                .isFrom("billing@shop.example")
                .hasTo("ann@example.com")
                .hasCc("accounting@shop.example")
                .hasReplyTo("support@shop.example")
                .hasSubject("Invoice 42")
                .hasTextBody("Please find invoice 42 attached.")
                .hasAttachment("invoice-42.csv", csv -> csv
                        .hasContentType("text/csv; charset=UTF-8")
                        .hasTextContent("item;price\nbook;12.00\n"));
    }

    @Test
    void constructorFieldAndParameterShareTheTestsServer(Mailbox mailbox) {
        assertThat(constructed).isSameAs(mailbox);
        assertThat(field).isSameAs(mailbox);
        assertThat(mailbox).isEmpty();
    }

    @Nested
    class WhenTwoInvoicesAreSent {
        @BeforeEach
        void sendTwo(Mailbox mailbox) throws Exception {
            mailer.send(1, "ann@example.com", "a;1\n");
            mailer.send(2, "bob@example.com", "b;2\n");
            mailbox.awaitMessages(2);
        }

        @Test
        void eachCustomerGetsTheirOwn(Mailbox mailbox) {
            assertThat(mailbox).hasMessageCount(2);
            assertThat(mailbox).messageTo("bob@example.com").hasSubject("Invoice 2");
            assertThat(mailbox).messageTo("ann@example.com").hasSubject("Invoice 1");
        }
    }
}
