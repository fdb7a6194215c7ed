package dev.letterbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Mailbox;
import dev.letterbox.SmtpStage;
import dev.letterbox.junit.Fixture;
import dev.letterbox.spring.app.MailApp;
import dev.letterbox.spring.app.Notifier;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The failure of the issue made impossible: classes with a shared base class share one context and its server, and no
 * mail or scripted fault of one test reaches the next.
 */
class SharedContextTest {

    @SpringBootTest(classes = MailApp.class)
    @SpringCaptureMail
    abstract static class MailITBase {
        @Autowired
        Mailbox mailbox;
        @Autowired
        Notifier notifier;
        @Autowired
        ApplicationContext context;

        void sendAndSeeOnlyOwnMail(String subject, TestReporter reporter) {
            reporter.publishEntry("context", Integer.toHexString(System.identityHashCode(context)));
            reporter.publishEntry("port", String.valueOf(mailbox.port()));
            assertThat(mailbox.messages()).as("mail before the test").isEmpty();
            assertThat(mailbox.rules()).as("rules before the test").isEmpty();

            notifier.send("ann@example.com", subject);

            assertThat(mailbox.awaitMessage().subject()).isEqualTo(subject);
            assertThat(mailbox.messages()).extracting(m -> m.subject()).containsExactly(subject);
        }
    }

    @Fixture
    @Order(1)
    static class InvoiceIT extends MailITBase {
        @Test
        void mailsInvoice(TestReporter reporter) {
            sendAndSeeOnlyOwnMail("Invoice 1", reporter);
            mailbox.on(SmtpStage.RCPT).always().reply(550, "5.1.1 a fault scripted for this test only");
        }

        @Test
        void mailsSecondInvoice(TestReporter reporter) {
            sendAndSeeOnlyOwnMail("Invoice 2", reporter);
        }
    }

    @Fixture
    @Order(2)
    static class ShippingIT extends MailITBase {
        @Test
        void mailsShippingNotice(TestReporter reporter) {
            sendAndSeeOnlyOwnMail("Shipped", reporter);
        }

        @Test
        void mailsDeliveryNotice(TestReporter reporter) {
            sendAndSeeOnlyOwnMail("Delivered", reporter);
        }
    }

    @Fixture
    @Order(3)
    static class WithNestedIT extends MailITBase {
        @Test
        void mailsFromTheOuterClass(TestReporter reporter) {
            sendAndSeeOnlyOwnMail("Outer", reporter);
        }

        @Nested
        class Refunds {
            @Test
            void mailsFromTheNestedClass(Mailbox mailbox, TestReporter reporter) {
                assertThat(mailbox).isSameAs(WithNestedIT.this.mailbox);
                sendAndSeeOnlyOwnMail("Refund", reporter);
            }
        }
    }

    @AfterEach
    void closeContexts() {
        SpringTestKit.closeCachedContexts(InvoiceIT.class, ShippingIT.class);
    }

    @Test
    void aNestedClassSharesTheContextAndItsServer() {
        // when
        EngineExecutionResults results = SpringTestKit.run(WithNestedIT.class);

        // then
        assertThat(SpringTestKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(SpringTestKit.reported(results, "port")).hasSize(2).containsOnly(
                SpringTestKit.reported(results, "port").get(0));
    }

    @Test
    void classesWithASharedBaseClassShareOneContextAndServerWithoutLeakingMail() {
        // when
        EngineExecutionResults results = SpringTestKit.run(InvoiceIT.class, ShippingIT.class);

        // then
        assertThat(SpringTestKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4));
        assertThat(SpringTestKit.reported(results, "context")).hasSize(4).containsOnly(
                SpringTestKit.reported(results, "context").get(0));
        assertThat(SpringTestKit.reported(results, "port")).hasSize(4).containsOnly(
                SpringTestKit.reported(results, "port").get(0));
    }

    @Test
    void theServerClosesWithItsContext() throws IOException {
        // given
        EngineExecutionResults results = SpringTestKit.run(InvoiceIT.class);
        List<String> ports = SpringTestKit.reported(results, "port");
        int port = Integer.parseInt(ports.get(0));
        try (Socket open = new Socket("127.0.0.1", port)) {
            assertThat(open.isConnected()).as("server of the cached context").isTrue();
        }

        // when
        SpringTestKit.closeCachedContexts(InvoiceIT.class);

        // then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                .isInstanceOf(ConnectException.class);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("letterbox-smtp-" + port + "-"));
    }
}
