package com.example.shop;

import static dev.letterbox.assertj.LetterboxAssertions.assertThat;

import dev.letterbox.LetterboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The manual way, without {@code @SpringCaptureMail}, done right.
 *
 * <p>A Letterbox server started by a JUnit extension lives for one class ({@code perClass()}) or one test, but Spring
 * caches the application context across test classes and tests: a context built while this class's server ran would
 * keep sending to that server's port after it closed, and the next class (or test) that reuses the cached context
 * would get {@code Connection refused}. So the context must not outlive the server: {@code perClass()} (never the
 * per-test default, which changes the port between tests of the class) together with
 * {@code @DirtiesContext(classMode = AFTER_CLASS)}, which closes the context when the class ends. The cost is a
 * new application context for every such class; {@code @SpringCaptureMail} (see {@link MailTestBase}) ties the
 * server to the context instead and keeps the cache.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ManualDynamicPropertySourceTest {
    @RegisterExtension
    static LetterboxExtension mail = LetterboxExtension.builder().perClass().build();

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", mail::host);
        registry.add("spring.mail.port", mail::port);
    }

    @Autowired
    OrderMailer mailer;

    @Test
    void confirmsTheOrder() {
        mailer.sendConfirmation(new Order("A-1003", "Cy", "cy@example.com"));

        assertThat(mail.mailbox().awaitMessage()).hasTo("cy@example.com").hasSubject("Your order A-1003");
    }
}
