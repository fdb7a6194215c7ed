package dev.letterbox.spring;

import dev.letterbox.Mailbox;
import dev.letterbox.internal.junit.SnapshotSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The JUnit side of {@link SpringCaptureMail}: checks that the class runs in a Spring test context, and injects the
 * context's {@link Mailbox} where Spring's own extension does not, as {@code @CaptureMail} does: into parameters
 * without {@code @Autowired}, and into non-static, non-final {@code Mailbox} fields without an injection annotation.
 * Before each test it tells the mailbox where the test's snapshots live, as {@code @CaptureMail} does.
 */
final class SpringMailboxExtension implements BeforeAllCallback, BeforeEachCallback, TestInstancePostProcessor,
        ParameterResolver {
    private final SpringExtension spring = new SpringExtension();

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        if (!runsWithSpring(testClass)) {
            throw new ExtensionConfigurationException(testClass.getName() + " has @SpringCaptureMail but no Spring"
                    + " test context: add @SpringBootTest (or @SpringJUnitConfig, or @ExtendWith(SpringExtension.class)"
                    + " with @ContextConfiguration); for a test without Spring, use @CaptureMail instead.");
        }
    }

    private static boolean runsWithSpring(Class<?> testClass) {
        for (Class<?> c : TestClasses.classAndEnclosing(testClass)) {
            boolean extended = AnnotationSupport.findRepeatableAnnotations(c, ExtendWith.class).stream()
                    .flatMap(e -> Arrays.stream(e.value())).anyMatch(SpringExtension.class::isAssignableFrom);
            boolean registered = !ReflectionSupport.findFields(c,
                    f -> SpringExtension.class.isAssignableFrom(f.getType())
                            && AnnotationSupport.isAnnotated(f, RegisterExtension.class),
                    HierarchyTraversalMode.TOP_DOWN).isEmpty();
            if (extended || registered) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SnapshotSettings.beforeTest(context, mailbox(context));
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        List<Field> fields = ReflectionSupport.findFields(testInstance.getClass(),
                f -> f.getType() == Mailbox.class && !Modifier.isStatic(f.getModifiers())
                        && !Modifier.isFinal(f.getModifiers()) && !MailWiringCheckListener.isInjection(f),
                HierarchyTraversalMode.TOP_DOWN);
        if (!fields.isEmpty()) {
            Mailbox mailbox = mailbox(context);
            for (Field f : fields) {
                f.setAccessible(true);
                try {
                    f.set(testInstance, mailbox);
                } catch (IllegalAccessException e) {
                    throw new ExtensionConfigurationException("cannot inject the Mailbox into " + f, e);
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Mailbox.class
                && !spring.supportsParameter(parameterContext, extensionContext);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return mailbox(extensionContext);
    }

    private static Mailbox mailbox(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context)
                .getBean(ContextMailServer.MAILBOX_BEAN_NAME, Mailbox.class);
    }

    @Override
    public String toString() {
        return "SpringMailboxExtension";
    }
}
