package com.example.shop;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrderConfirmationTest extends MailTestBase {
    @Autowired
    OrderMailer mailer;

    @Test
    void confirmsTheOrderWithTheInvoiceAttached() {
        mailer.sendConfirmation(new Order("A-1001", "Ann", "ann@example.com"));

        assertThat(mailbox.awaitMessage())
                .isFrom("orders@shop.example")
                .hasTo("ann@example.com")
                .hasSubject("Your order A-1001")
                .hasTextBodyContaining("Thank you, Ann.")
                .hasHtmlBodyContaining("<img src=\"cid:logo\">")
                .hasInlinePart("logo")
                .hasAttachment("invoice-A-1001.pdf", pdf -> pdf
                        .hasContentType("application/pdf")
                        .hasContentOfResource("mail/invoice.pdf"));
    }

    @Test
    void eachTestStartsWithAnEmptyMailbox() {
        // the context and its server are shared with the other tests, their mail is not
        assertThat(mailbox).isEmpty();
    }
}
