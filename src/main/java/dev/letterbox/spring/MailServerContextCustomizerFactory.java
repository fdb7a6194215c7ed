package dev.letterbox.spring;

import dev.letterbox.CaptureMail;
import dev.letterbox.LetterboxExtension;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Found by Spring in {@code META-INF/spring.factories}: gives the context of a test class with
 * {@link SpringCaptureMail} (on the class, a base class, an enclosing class or a meta-annotation) its server.
 */
final class MailServerContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        SpringCaptureMail annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                SpringCaptureMail.class);
        if (annotation == null) {
            return null;
        }
        refuseServersOfItsOwn(testClass);
        return new MailServerContextCustomizer(ContextServerOptions.of(annotation, testClass));
    }

    private static void refuseServersOfItsOwn(Class<?> testClass) {
        String own = AnnotationSupport.isAnnotated(testClass, CaptureMail.class) ? "@CaptureMail"
                : ReflectionSupport.findFields(testClass, f -> LetterboxExtension.class.isAssignableFrom(f.getType()),
                        HierarchyTraversalMode.TOP_DOWN).stream().findFirst().map(Field::getName)
                        .map(name -> "the LetterboxExtension field " + name).orElse(null);
        if (own != null) {
            throw new IllegalStateException(testClass.getName() + " has both @SpringCaptureMail, a server for the"
                    + " application context, and " + own + ", servers per test or per class: a Mailbox could come"
                    + " from either. Keep @SpringCaptureMail (the context's server, the one the application sends"
                    + " to), or remove it to use a server of the class's own.");
        }
    }
}
