package dev.letterbox.spring;

import dev.letterbox.LetterboxExtension;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.TestContext;

/**
 * Recognises the cached context of a test that runs its own {@link LetterboxExtension}: the context's mail sender
 * was configured while another server ran, and sends to its closed port. Loaded only when spring-context-support is
 * on the class path.
 */
final class StaleSenderCheck {
    private StaleSenderCheck() {
    }

    static void check(TestContext testContext, List<LetterboxExtension> extensions) {
        List<Integer> ports = extensions.stream().map(StaleSenderCheck::currentPort).flatMap(Optional::stream)
                .toList();
        if (ports.isEmpty()) {
            return;
        }
        Map<String, JavaMailSenderImpl> senders = testContext.getApplicationContext()
                .getBeansOfType(JavaMailSenderImpl.class, false, false);
        senders.forEach((name, sender) -> {
            if (sender.getHost() != null && isLoopback(sender.getHost()) && !ports.contains(sender.getPort())) {
                throw stale(testContext, name, sender, ports);
            }
        });
    }

    private static Optional<Integer> currentPort(LetterboxExtension extension) {
        try {
            return Optional.of(extension.port());
        } catch (IllegalStateException notRunningOrSeveral) {
            return Optional.empty();
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    private static IllegalStateException stale(TestContext testContext, String bean, JavaMailSenderImpl sender,
            List<Integer> ports) {
        String name = testContext.getTestClass().getSimpleName();
        return new IllegalStateException("The mail sender bean '" + bean + "' of the Spring application context sends"
                + " to " + sender.getHost() + ":" + sender.getPort() + ", but the Letterbox server of " + name
                + " listens on port " + (ports.size() == 1 ? ports.get(0) : ports) + ". Spring caches the"
                + " application context across test classes and tests, and this one was created while another"
                + " Letterbox server ran (another class's per-class server, or an earlier test's per-test server),"
                + " which is closed now. Fix: annotate " + name + " (or its base class) with @SpringCaptureMail"
                + " instead of the LetterboxExtension field and @DynamicPropertySource (one server per application"
                + " context, part of the cache key); or keep a perClass() extension and add"
                + " @DirtiesContext(classMode = AFTER_CLASS), for a context per class.");
    }
}
