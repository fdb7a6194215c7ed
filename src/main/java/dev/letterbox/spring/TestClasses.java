package dev.letterbox.spring;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** Where JUnit looks for what applies to a test class: the class and the classes a {@code @Nested} class is in. */
final class TestClasses {
    private TestClasses() {
    }

    /**
     * Lists the class and, for an inner ({@code @Nested}) class, the classes that enclose it, innermost first.
     *
     * @param testClass the test class
     * @return the classes
     */
    static List<Class<?>> classAndEnclosing(Class<?> testClass) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = Modifier.isStatic(c.getModifiers()) ? null : c.getEnclosingClass()) {
            classes.add(c);
        }
        return classes;
    }
}
