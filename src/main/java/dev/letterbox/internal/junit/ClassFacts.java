package dev.letterbox.internal.junit;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What the extension finds by reflection about a test class or method, found on the first test that asks and kept
 * for the others, so that each test does store look-ups only: a method's {@code @CaptureMail}, the declaration that
 * governs a class's tests, the settings an annotation declares, the {@code Mailbox} fields to inject and the file
 * names of overloaded test methods. Facts of a
 * class or method are kept in the root context's store (they cannot change during a run); the governing declaration
 * of a class depends on the classes around it at run time ({@code @Nested} in a subclass), so it is kept in the
 * store of that class's own context. Failures (a conflict, an invalid attribute) are not kept: each test that asks
 * gets its own exception.
 */
final class ClassFacts {
    private static final ExtensionContext.Namespace CACHE =
            ExtensionContext.Namespace.create("dev.letterbox", ClassFacts.class);

    private record MethodAnnotationKey(Method method) {
    }

    private record MethodAnnotation(Optional<CaptureMail> annotation) {
    }

    private record NearestKey(Class<?> testClass) {
    }

    private record Nearest(Optional<Declaration> declaration) {
    }

    /** The settings of an annotation on a class (method null) or a method. */
    private record SettingsKey(Class<?> level, Method method) {
    }

    private record FieldsKey(Class<?> type, boolean statics) {
    }

    private record MailboxFields(List<Field> fields) {
    }

    private record OverloadsKey(Class<?> testClass) {
    }

    /** The file names of the test methods of a class whose name another test method shares. */
    private record Overloads(Map<Method, String> fileNames) {
    }

    private ClassFacts() {
    }

    /**
     * Returns the {@code @CaptureMail} on (or meta-present on) a test method.
     *
     * @param context any context of the run
     * @param method the test method
     * @return the annotation, or empty
     */
    static Optional<CaptureMail> methodAnnotation(ExtensionContext context, Method method) {
        ExtensionContext.Store store = context.getRoot().getStore(CACHE);
        MethodAnnotationKey key = new MethodAnnotationKey(method);
        MethodAnnotation found = store.get(key, MethodAnnotation.class);
        if (found == null) {
            found = new MethodAnnotation(AnnotationSupport.findAnnotation(method, CaptureMail.class));
            store.put(key, found);
        }
        return found.annotation();
    }

    /**
     * Returns the declaration that governs the tests of the context's class, apart from method annotations, searched
     * once per class context.
     *
     * @param context a context of the class or of one of its tests
     * @param search finds it (and throws on a conflict, then nothing is kept)
     * @return the declaration, or empty
     */
    static Optional<Declaration> classDeclaration(ExtensionContext context, Supplier<Optional<Declaration>> search) {
        ExtensionContext.Store store = classContext(context).getStore(CACHE);
        NearestKey key = new NearestKey(context.getRequiredTestClass());
        Nearest found = store.get(key, Nearest.class);
        if (found == null) {
            found = new Nearest(search.get());
            store.put(key, found);
        }
        return found.declaration();
    }

    /**
     * Returns the settings an annotation declaration asks for, read once per annotated class or method.
     *
     * @param context the context the declaration governs
     * @param d a {@code METHOD_ANNOTATION} or {@code CLASS_ANNOTATION} declaration
     * @return its settings
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException if an attribute is invalid
     */
    static ExtensionSettings settings(ExtensionContext context, Declaration d) {
        boolean onMethod = d.kind() == Declaration.Kind.METHOD_ANNOTATION;
        ExtensionContext.Store store = context.getRoot().getStore(CACHE);
        SettingsKey key = new SettingsKey(d.level(), onMethod ? context.getRequiredTestMethod() : null);
        ExtensionSettings found = store.get(key, ExtensionSettings.class);
        if (found == null) {
            found = ExtensionSettings.of(d.annotation(),
                    onMethod ? "method " + context.getRequiredTestMethod() : "class " + d.level().getName());
            store.put(key, found);
        }
        return found;
    }

    /**
     * Returns the non-final {@code Mailbox} fields of a type and its supertypes, supertypes first.
     *
     * @param context any context of the run
     * @param type the class
     * @param statics true for the static fields, false for the instance fields
     * @return the fields, unmodifiable
     */
    static List<Field> mailboxFields(ExtensionContext context, Class<?> type, boolean statics) {
        ExtensionContext.Store store = context.getRoot().getStore(CACHE);
        FieldsKey key = new FieldsKey(type, statics);
        MailboxFields found = store.get(key, MailboxFields.class);
        if (found == null) {
            found = new MailboxFields(List.copyOf(ReflectionSupport.findFields(type,
                    f -> f.getType() == Mailbox.class && Modifier.isStatic(f.getModifiers()) == statics
                            && !Modifier.isFinal(f.getModifiers()),
                    HierarchyTraversalMode.TOP_DOWN)));
            store.put(key, found);
        }
        return found.fields();
    }

    /**
     * Returns the name of a test method as its files (report directory, snapshots) use it: the method's name, or,
     * when another test method of the class or its supertypes has the same name, the name with its parameter types
     * ({@code sends(Mailbox,Session,TestInfo)}; {@code sends()} for none), simple names unless two overloads would
     * then look alike. Methods that are no tests do not count. Worked out once per class.
     *
     * @param context any context of the run
     * @param testClass the test class
     * @param method the test method
     * @return the name
     */
    static String testFileName(ExtensionContext context, Class<?> testClass, Method method) {
        ExtensionContext.Store store = context.getRoot().getStore(CACHE);
        OverloadsKey key = new OverloadsKey(testClass);
        Overloads found = store.get(key, Overloads.class);
        if (found == null) {
            found = new Overloads(overloads(testClass));
            store.put(key, found);
        }
        return found.fileNames().getOrDefault(method, method.getName());
    }

    private static Map<Method, String> overloads(Class<?> testClass) {
        Map<String, List<Method>> byName = ReflectionSupport.findMethods(testClass,
                m -> AnnotationSupport.isAnnotated(m, Testable.class), HierarchyTraversalMode.TOP_DOWN).stream()
                .collect(Collectors.groupingBy(Method::getName));
        Map<Method, String> names = new HashMap<>();
        for (List<Method> same : byName.values()) {
            if (same.size() < 2) {
                continue;
            }
            Map<Method, String> simple = new HashMap<>();
            same.forEach(m -> simple.put(m, signature(m, Class::getSimpleName)));
            boolean distinct = simple.values().stream().distinct().count() == same.size();
            same.forEach(m -> names.put(m, distinct ? simple.get(m) : signature(m, Class::getTypeName)));
        }
        return Map.copyOf(names);
    }

    private static String signature(Method m, Function<Class<?>, String> typeName) {
        return Arrays.stream(m.getParameterTypes()).map(typeName)
                .collect(Collectors.joining(",", m.getName() + "(", ")"));
    }

    /** The context of the class itself: the nearest one without a test method (above templates and invocations). */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }
}
