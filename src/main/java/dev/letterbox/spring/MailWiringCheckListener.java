package dev.letterbox.spring;

import dev.letterbox.CaptureMail;
import dev.letterbox.LetterboxExtension;
import dev.letterbox.Mailbox;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.util.ClassUtils;

/**
 * Found by Spring in {@code META-INF/spring.factories}: turns the wiring mistakes Letterbox can recognise in a Spring
 * test without {@link SpringCaptureMail} into a failure that names the fix, before they become a missing bean or a
 * {@code Connection refused}:
 * <ul>
 * <li>a {@link Mailbox} asked for (an {@code @Autowired} field or parameter, or a field or parameter no Letterbox
 *     extension serves) while the context has no {@code Mailbox} bean;
 * <li>a context whose {@code JavaMailSenderImpl} still points at a loopback port that is not the one of the class's
 *     {@link LetterboxExtension} (the cached context of the issue: created while another server ran).
 * </ul>
 * Tests that do not use Letterbox are not touched: the context is read only when one of these is present.
 */
final class MailWiringCheckListener extends AbstractTestExecutionListener {
    private static final Set<String> INJECTION_ANNOTATIONS = Set.of("org.springframework.beans.factory.annotation"
            + ".Autowired", "jakarta.inject.Inject", "jakarta.annotation.Resource", "javax.inject.Inject");
    private static final String SENDER_CLASS = "org.springframework.mail.javamail.JavaMailSenderImpl";

    @Override
    public int getOrder() {
        return ContextMailboxListener.ORDER - 1;
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        if (ContextMailboxListener.appliesTo(testContext)) {
            return;
        }
        boolean ownServer = hasOwnServer(testContext.getTestClass());
        Optional<Field> asked = ReflectionSupport.findFields(testContext.getTestClass(),
                f -> f.getType() == Mailbox.class && (isInjection(f) || !ownServer), HierarchyTraversalMode.TOP_DOWN)
                .stream().findFirst();
        if (asked.isPresent() && !hasMailboxBean(testContext)) {
            Field f = asked.get();
            throw missingServer(testContext, "the field " + f.getDeclaringClass().getSimpleName() + "." + f.getName()
                    + (isInjection(f) ? " is an injected Mailbox" : " is a Mailbox that nothing fills"));
        }
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (ContextMailboxListener.appliesTo(testContext)) {
            return;
        }
        Method method = testContext.getTestMethod();
        boolean ownServer = AnnotationSupport.isAnnotated(method, CaptureMail.class)
                || hasOwnServer(testContext.getTestClass());
        boolean asked = Arrays.stream(method.getParameters())
                .anyMatch(p -> p.getType() == Mailbox.class && (isInjection(p) || !ownServer));
        if (asked && !hasMailboxBean(testContext)) {
            throw missingServer(testContext, "the test method " + method.getName() + "() takes a Mailbox parameter");
        }
        if (ownServer && ClassUtils.isPresent(SENDER_CLASS, getClass().getClassLoader())) {
            List<LetterboxExtension> extensions = extensionFields(testContext.getTestClass()).stream()
                    .map(f -> ReflectionSupport.tryToReadFieldValue(f, testContext.getTestInstance()).toOptional())
                    .flatMap(Optional::stream).map(LetterboxExtension.class::cast).toList();
            if (!extensions.isEmpty()) {
                StaleSenderCheck.check(testContext, extensions);
            }
        }
    }

    /** Whether the class, or a class it is nested in, has {@code @CaptureMail} or a {@code LetterboxExtension}. */
    private static boolean hasOwnServer(Class<?> testClass) {
        return TestClasses.classAndEnclosing(testClass).stream().anyMatch(c
                -> AnnotationSupport.isAnnotated(c, CaptureMail.class) || !extensionFields(c).isEmpty());
    }

    /**
     * Tells whether Spring injects an element: it carries {@code @Autowired}, {@code @Inject} or {@code @Resource}.
     *
     * @param element a field or parameter
     * @return true if it does
     */
    static boolean isInjection(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations()).map(Annotation::annotationType).map(Class::getName)
                .anyMatch(INJECTION_ANNOTATIONS::contains);
    }

    private static boolean hasMailboxBean(TestContext testContext) {
        return testContext.getApplicationContext().getBeanNamesForType(Mailbox.class).length > 0;
    }

    private static List<Field> extensionFields(Class<?> type) {
        return ReflectionSupport.findFields(type, f -> LetterboxExtension.class.isAssignableFrom(f.getType()),
                HierarchyTraversalMode.TOP_DOWN);
    }

    private static IllegalStateException missingServer(TestContext testContext, String what) {
        String name = testContext.getTestClass().getSimpleName();
        return new IllegalStateException("In " + name + ", " + what + ", but the Spring application context has no"
                + " Letterbox server. Annotate " + name + " (or its base class) with @SpringCaptureMail: it starts one"
                + " server for the application context, points spring.mail.host and spring.mail.port at it and"
                + " registers its Mailbox as a bean.");
    }
}
