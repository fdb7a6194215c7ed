package dev.letterbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.junit.Fixture;
import dev.letterbox.spring.app.MailApp;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The server options are part of the context cache key: equal options share a context, different ones do not. */
class ContextCacheKeyTest {

    @SpringBootTest(classes = MailApp.class)
    abstract static class Reporting {
        @Autowired
        Mailbox mailbox;
        @Autowired
        ApplicationContext context;

        @Test
        void reportsItsContext(TestReporter reporter) {
            reporter.publishEntry("context", Integer.toHexString(System.identityHashCode(context)));
            reporter.publishEntry("port", String.valueOf(mailbox.port()));
            reporter.publishEntry("maxMessageSize", String.valueOf(mailbox.options().maxMessageSize()));
        }
    }

    @Fixture
    @Order(1)
    @SpringCaptureMail
    static class DefaultOptionsIT extends Reporting {
    }

    @Fixture
    @Order(2)
    @SpringCaptureMail(options = @CaptureMail(maxMessageSize = 1000))
    static class SmallMessagesIT extends Reporting {
    }

    @Fixture
    @Order(3)
    @SpringCaptureMail(options = @CaptureMail(maxMessageSize = 1000))
    static class SmallMessagesAgainIT extends Reporting {
    }

    @AfterEach
    void closeContexts() {
        SpringTestKit.closeCachedContexts(DefaultOptionsIT.class, SmallMessagesIT.class);
    }

    @Test
    void differentOptionsGetDifferentContextsAndEqualOptionsShareOne() {
        // when
        EngineExecutionResults results = SpringTestKit.run(DefaultOptionsIT.class, SmallMessagesIT.class,
                SmallMessagesAgainIT.class);

        // then
        assertThat(SpringTestKit.failureMessages(results)).isEmpty();
        List<String> contexts = SpringTestKit.reported(results, "context");
        List<String> ports = SpringTestKit.reported(results, "port");
        assertThat(contexts).hasSize(3);
        assertThat(contexts.get(1)).isNotEqualTo(contexts.get(0)).isEqualTo(contexts.get(2));
        assertThat(ports.get(1)).isNotEqualTo(ports.get(0)).isEqualTo(ports.get(2));
        assertThat(SpringTestKit.reported(results, "maxMessageSize")).containsExactly("0", "1000", "1000");
    }

    @Test
    void customizersAreEqualExactlyWhenTheirOptionsAre() {
        // given
        MailServerContextCustomizerFactory factory = new MailServerContextCustomizerFactory();

        // when
        var small = factory.createContextCustomizer(SmallMessagesIT.class, List.of());
        var smallAgain = factory.createContextCustomizer(SmallMessagesAgainIT.class, List.of());
        var defaults = factory.createContextCustomizer(DefaultOptionsIT.class, List.of());

        // then
        assertThat(small).isEqualTo(smallAgain).hasSameHashCodeAs(smallAgain).isNotEqualTo(defaults);
        assertThat(factory.createContextCustomizer(ContextCacheKeyTest.class, List.of()))
                .as("a class without @SpringCaptureMail").isNull();
    }
}
