package dev.letterbox.internal.junit;

import dev.letterbox.CaptureMail;
import dev.letterbox.LetterboxExtension;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** Finds the declaration that governs a test or container: the nearest one, method first, then class outwards. */
final class Declarations {
    /** Where a class's own declarations are kept once found: the root context's store, for the whole run. */
    private static final ExtensionContext.Namespace CACHE =
            ExtensionContext.Namespace.create("dev.letterbox", Declarations.class);

    /** The declarations found on one class, in the order {@link #onClass} gives them. */
    private record OnClass(List<Declaration> found) {
    }

    private Declarations() {
    }

    /**
     * Finds the nearest declaration for the context: the test method's annotation, else the test class's annotation or
     * field, else the enclosing classes' of a {@code @Nested} class, innermost first.
     *
     * @param context the context
     * @return the declaration, or empty if there is none
     * @throws ExtensionConfigurationException if one class has more than one declaration
     */
    static Optional<Declaration> nearest(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        Class<?> testClass = context.getRequiredTestClass();
        if (method.isPresent()) {
            Optional<CaptureMail> onMethod = ClassFacts.methodAnnotation(context, method.get());
            if (onMethod.isPresent()) {
                return Optional.of(new Declaration(Declaration.Kind.METHOD_ANNOTATION, testClass, onMethod.get(), null,
                        "@CaptureMail on method " + testClass.getSimpleName() + "." + method.get().getName() + "()"));
            }
        }
        return ClassFacts.classDeclaration(context, () -> onClasses(context, testClass));
    }

    private static Optional<Declaration> onClasses(ExtensionContext context, Class<?> testClass) {
        // The enclosing classes of a @Nested class, innermost first, from the parent contexts: what
        // ExtensionContext.getEnclosingTestClasses() returns (outermost first) on JUnit 5.12+, read in a way that
        // also works on 5.10 and 5.11.
        List<Class<?>> chain = new ArrayList<>();
        chain.add(testClass);
        for (Optional<ExtensionContext> c = context.getParent(); c.isPresent(); c = c.get().getParent()) {
            c.get().getTestClass().filter(type -> !chain.contains(type)).ifPresent(chain::add);
        }
        for (Class<?> level : chain) {
            List<Declaration> found = onClass(context, level);
            if (found.size() > 1) {
                throw conflict(level, found);
            }
            if (found.size() == 1) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    /** The declarations of a class, searched once per run: every test of the class asks for them. */
    private static List<Declaration> onClass(ExtensionContext context, Class<?> level) {
        ExtensionContext.Store store = context.getRoot().getStore(CACHE);
        OnClass cached = store.get(level, OnClass.class);
        if (cached == null) {
            cached = new OnClass(onClass(level));
            store.put(level, cached);
        }
        return cached.found();
    }

    private static List<Declaration> onClass(Class<?> level) {
        List<Declaration> found = new ArrayList<>();
        AnnotationSupport.findAnnotation(level, CaptureMail.class).ifPresent(a -> found.add(new Declaration(
                Declaration.Kind.CLASS_ANNOTATION, level, a, null, "@CaptureMail on class " + level.getSimpleName())));
        List<Field> fields = new ArrayList<>(ReflectionSupport.findFields(level,
                f -> LetterboxExtension.class.isAssignableFrom(f.getType())
                        && AnnotationSupport.isAnnotated(f, RegisterExtension.class),
                HierarchyTraversalMode.TOP_DOWN));
        fields.sort(Comparator.comparing(Field::getName)); // reflection order varies; messages should not
        for (Field f : fields) {
            found.add(new Declaration(Declaration.Kind.FIELD, level, null, f, "@RegisterExtension field "
                    + f.getDeclaringClass().getSimpleName() + "." + f.getName()));
        }
        return List.copyOf(found);
    }

    private static ExtensionConfigurationException conflict(Class<?> level, List<Declaration> found) {
        String names = found.stream().map(Declaration::description).collect(Collectors.joining(" and "));
        boolean annotated = found.stream().anyMatch(d -> d.kind() == Declaration.Kind.CLASS_ANNOTATION);
        String fix = annotated
                ? "Keep one: remove @CaptureMail and set its options on LetterboxExtension.builder(), or remove the"
                        + " field."
                : "Keep one field, and use it everywhere the others are used.";
        return new ExtensionConfigurationException("Two Letterbox servers are configured for " + level.getName()
                + ": " + names + ". A class can have only one. " + fix);
    }
}
