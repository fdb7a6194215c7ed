package dev.letterbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Mailbox;
import dev.letterbox.junit.Fixture;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DeferredImportSelector;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.util.ClassUtils;

/** A slice: a plain Spring test context that imports only Boot's mail auto-configuration, no application. */
class SliceTest {

    /** Boot's MailSenderAutoConfiguration, wherever the Boot line on the class path keeps it (4.0 moved it). */
    static final class MailSenderAutoConfigurationOfThisBoot implements DeferredImportSelector {
        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return Arrays.stream(new String[] {
                "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
                "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration"})
                    .filter(name -> ClassUtils.isPresent(name, getClass().getClassLoader()))
                    .limit(1).toArray(String[]::new);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(MailSenderAutoConfigurationOfThisBoot.class)
    static class MailSlice {
    }

    @Fixture
    @SpringJUnitConfig(MailSlice.class)
    @SpringCaptureMail
    static class MailSliceIT {
        @Test
        void bootConfiguresTheSenderForTheContextServer(@Autowired JavaMailSender sender, Mailbox mailbox) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom("slice@example.com");
            message.setTo("ann@example.com");
            message.setSubject("From a slice");
            message.setText("Hello");

            sender.send(message);

            assertThat(mailbox.awaitMessage().subject()).isEqualTo("From a slice");
        }
    }

    @AfterEach
    void closeContexts() {
        SpringTestKit.closeCachedContexts(MailSliceIT.class);
    }

    @Test
    void aSliceThatImportsMailSenderAutoConfigurationSendsToTheContextServer() {
        EngineExecutionResults results = SpringTestKit.run(MailSliceIT.class);

        assertThat(SpringTestKit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(1));
    }
}
