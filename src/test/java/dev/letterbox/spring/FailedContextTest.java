package dev.letterbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.junit.Fixture;
import dev.letterbox.spring.app.MailApp;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A context that fails to start still closes the server that was started for it. */
class FailedContextTest {

    @Configuration(proxyBeanMethods = false)
    static class BrokenConfiguration {
        @Bean
        Object broken() {
            throw new IllegalStateException("this bean cannot be created");
        }
    }

    @Fixture
    @SpringBootTest(classes = {MailApp.class, BrokenConfiguration.class})
    @SpringCaptureMail
    static class BrokenContextIT {
        @Test
        void sends() {
        }
    }

    @Test
    void theServerClosesWhenTheContextFailsToStart() {
        // given
        Set<String> before = serverThreads();

        // when
        EngineExecutionResults results = SpringTestKit.run(BrokenContextIT.class);

        // then
        assertThat(SpringTestKit.failureMessages(results)).singleElement().asString()
                .startsWith("IllegalStateException: Failed to load ApplicationContext");
        assertThat(serverThreads()).as("Letterbox threads after the failed context").isEqualTo(before);
    }

    private static Set<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("letterbox-smtp-")).collect(Collectors.toSet());
    }
}
