package com.example.shop;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;

import dev.letterbox.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ShippingNoticeTest extends MailTestBase {
    @Autowired
    ShippingNotifier notifier;

    @Test
    void tellsTheCustomerInTheBackground(Mailbox mailbox) {
        notifier.orderShipped(new Order("A-1002", "Bob", "bob@example.com"), "ZX81");

        // the notice is sent by a task thread: awaitMessage() waits for it, without sleeping
        assertThat(mailbox.awaitMessage())
                .hasTo("bob@example.com")
                .hasSubject("Order A-1002 has shipped")
                .hasTextBodyContaining("https://track.carrier.example/ZX81");
    }
}
