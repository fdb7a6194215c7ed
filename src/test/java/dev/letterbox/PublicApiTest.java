package dev.letterbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Pins the public API: every public type and member of {@code dev.letterbox}, {@code dev.letterbox.assertj} and
 * {@code dev.letterbox.spring} is listed in {@code src/test/resources/public-api.txt}, so a change to a public
 * signature shows as a diff in review.
 * After an intended change, regenerate it with {@code mvn test -Dtest=PublicApiTest -Dletterbox.api.update=true}.
 */
class PublicApiTest {
    private static final Path API_FILE = Path.of("src/test/resources/public-api.txt");

    @Test
    void publicApiMatchesTheCheckedInListing() throws IOException {
        String actual = listing();
        if (Boolean.getBoolean("letterbox.api.update")) {
            Files.writeString(API_FILE, actual, StandardCharsets.UTF_8);
        }
        String expected = Files.readString(API_FILE, StandardCharsets.UTF_8);
        assertThat(actual)
                .as("public API changed; if intended, regenerate %s with -Dletterbox.api.update=true", API_FILE)
                .isEqualTo(expected);
    }

    @Test
    void publicTypesHaveOnlyPublicSupertypes() {
        // a package-private supertype leaks its public methods into auto-complete and into this listing (internal
        // ones, public or not, are refused by ArchitectureTest)
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            for (Class<?> supertype : supertypes(type)) {
                if (!Modifier.isPublic(supertype.getModifiers())) {
                    leaks.add(type.getName() + " extends or implements " + supertype.getName());
                }
            }
        }
        assertThat(leaks).as("non-public supertypes of public types").isEmpty();
    }

    private static List<Class<?>> supertypes(Class<?> type) {
        List<Class<?>> all = new ArrayList<>();
        List<Class<?>> todo = new ArrayList<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<?> c = todo.remove(todo.size() - 1);
            List<Class<?>> direct = new ArrayList<>(Arrays.asList(c.getInterfaces()));
            if (c.getSuperclass() != null) {
                direct.add(c.getSuperclass());
            }
            for (Class<?> d : direct) {
                if (!all.contains(d)) {
                    all.add(d);
                    todo.add(d);
                }
            }
        }
        return all;
    }

    private static String listing() {
        StringBuilder sb = new StringBuilder();
        for (Class<?> type : publicTypes()) {
            sb.append(Modifier.toString(type.getModifiers() & ~Modifier.INTERFACE & ~Modifier.STATIC))
                    .append(type.isInterface() ? type.isAnnotation() ? " @interface " : " interface "
                            : type.isEnum() ? " enum " : type.isRecord() ? " record " : " class ")
                    .append(type.getName().replace('$', '.'));
            if (type.getSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
                    && !type.isRecord()) {
                sb.append(" extends ").append(type.getGenericSuperclass().getTypeName().replace('$', '.'));
            }
            if (type.getInterfaces().length > 0 && !type.isAnnotation()) {
                sb.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(
                        type.getGenericInterfaces()).map(t -> t.getTypeName().replace('$', '.'))
                        .collect(Collectors.joining(", ")));
            }
            sb.append('\n');
            List<String> members = new ArrayList<>();
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    members.add("  field " + Modifier.toString(f.getModifiers()) + " "
                            + f.getGenericType().getTypeName() + " " + f.getName());
                }
            }
            for (Executable e : publicExecutables(type)) {
                String params = Arrays.stream(e.getGenericParameterTypes()).map(t -> t.getTypeName())
                        .collect(Collectors.joining(", "));
                String mods = Modifier.toString(e.getModifiers() & ~Modifier.TRANSIENT);
                if (e instanceof Method m) {
                    members.add("  method " + mods + " " + m.getGenericReturnType().getTypeName() + " "
                            + m.getName() + "(" + params + ")");
                } else {
                    members.add("  constructor " + mods + " (" + params + ")");
                }
            }
            members.stream().map(s -> s.replace('$', '.')).sorted().forEach(s -> sb.append(s).append('\n'));
        }
        return sb.toString();
    }

    private static List<Executable> publicExecutables(Class<?> type) {
        List<Executable> list = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            if ((Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) && !m.isSynthetic()
                    && !m.isBridge()) {
                list.add(m);
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers())) {
                list.add(c);
            }
        }
        return list;
    }

    private static List<Class<?>> publicTypes() {
        List<Class<?>> types = new ArrayList<>();
        for (String pkg : List.of("dev.letterbox", "dev.letterbox.assertj", "dev.letterbox.spring")) {
            types.addAll(ReflectionSupport.findAllClassesInPackage(pkg,
                    c -> c.getPackageName().equals(pkg) && isPublicApi(c), name -> true));
        }
        types.sort(Comparator.comparing(Class::getName));
        return types;
    }

    private static boolean isPublicApi(Class<?> c) {
        if (!Modifier.isPublic(c.getModifiers()) || c.getName().endsWith("Test") || c.getName().contains("Test$")) {
            return false;
        }
        // only classes from the main output, not test fixtures in the same package
        String location = String.valueOf(c.getProtectionDomain().getCodeSource().getLocation());
        return !location.contains("test-classes");
    }
}
