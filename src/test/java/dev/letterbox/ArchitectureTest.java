package dev.letterbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules on the compiled library: which package may use which dependency, read from the constant
 * pool of every class file in the main output (every class, field and method type a class refers to), and no internal
 * type in the public API. A test fails naming each class and the type it must not use.
 */
class ArchitectureTest {
    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([A-Za-z0-9_$/]+)[;<]");

    /** Class name (dotted) to the names of the types it refers to. */
    private static final TreeMap<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readClassFiles() throws IOException, URISyntaxException {
        Path root = Path.of(CaptureMail.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.');
                try (InputStream in = Files.newInputStream(file)) {
                    USES.put(name.substring(0, name.length() - ".class".length()), referencedTypes(in));
                }
            }
        }
    }

    @Test
    void readerSeesEveryKindOfReference() {
        // guards the rules below against a reader that finds nothing
        assertThat(USES).hasSizeGreaterThan(50);
        assertThat(USES.get("dev.letterbox.internal.junit.ExtensionCore"))
                .contains("org.junit.jupiter.api.extension.ExtensionContext");
        assertThat(USES.get("dev.letterbox.assertj.MailboxAssert")).contains("org.assertj.core.api.AbstractAssert");
        assertThat(USES.get("dev.letterbox.ReceivedMessage")).contains("jakarta.mail.internet.MimeMessage");
    }

    @Test
    void junitIsUsedOnlyInTheJUnitRooms() {
        assertThat(violations("org.junit.", c -> c.equals("dev.letterbox.CaptureMail")
                || c.equals("dev.letterbox.LetterboxExtension") || c.startsWith("dev.letterbox.LetterboxExtension$")
                || c.startsWith("dev.letterbox.internal.junit.") || c.startsWith("dev.letterbox.spring.")))
                .as("org.junit outside CaptureMail, LetterboxExtension, internal.junit and spring").isEmpty();
    }

    @Test
    void assertjIsUsedOnlyInTheAssertionPackage() {
        assertThat(violations("org.assertj.", c -> c.startsWith("dev.letterbox.assertj.")))
                .as("org.assertj outside dev.letterbox.assertj").isEmpty();
    }

    @Test
    void protocolAndStoreDoNotUseJakartaMail() {
        assertThat(violations("jakarta.mail.", c -> !c.startsWith("dev.letterbox.internal.smtp.")
                && !c.startsWith("dev.letterbox.internal.store.")))
                .as("jakarta.mail in internal.smtp or internal.store").isEmpty();
    }

    @Test
    void noInternalTypeInAPublicSignatureOrSupertype() throws ClassNotFoundException {
        List<String> leaks = new ArrayList<>();
        for (String name : USES.keySet()) {
            Class<?> type = Class.forName(name, false, ArchitectureTest.class.getClassLoader());
            if (!isPublicApi(type)) {
                continue;
            }
            List<String> signatures = new ArrayList<>();
            signatures.add(type.toGenericString());
            if (type.getGenericSuperclass() != null) {
                signatures.add(type.getGenericSuperclass().getTypeName());
            }
            for (var i : type.getGenericInterfaces()) {
                signatures.add(i.getTypeName());
            }
            for (Field f : type.getDeclaredFields()) {
                if (visible(f.getModifiers())) {
                    signatures.add(f.toGenericString());
                }
            }
            List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
            executables.addAll(List.of(type.getDeclaredMethods()));
            for (Executable e : executables) {
                if (visible(e.getModifiers()) && !(e instanceof Method m && (m.isSynthetic() || m.isBridge()))) {
                    signatures.add(e.toGenericString());
                }
            }
            signatures.stream().filter(s -> s.contains("dev.letterbox.internal."))
                    .forEach(s -> leaks.add(name + ": " + s));
        }
        assertThat(leaks).as("internal types in the public API").isEmpty();
    }

    /** Each "class uses type" where a type under {@code prefix} is used by a class that {@code allowed} refuses. */
    private static List<String> violations(String prefix, java.util.function.Predicate<String> allowed) {
        List<String> found = new ArrayList<>();
        USES.forEach((cls, used) -> {
            if (!allowed.test(cls)) {
                used.stream().filter(t -> t.startsWith(prefix)).forEach(t -> found.add(cls + " uses " + t));
            }
        });
        return found;
    }

    private static boolean isPublicApi(Class<?> type) {
        String pkg = type.getPackageName();
        if (!pkg.equals("dev.letterbox") && !pkg.equals("dev.letterbox.assertj")) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /**
     * The types a class file refers to: its CONSTANT_Class entries and every type named in a descriptor or signature
     * (field, method, local variable and generic signatures are CONSTANT_Utf8 entries of the same pool).
     */
    private static Set<String> referencedTypes(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classNames = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // eight-byte constants take two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> types = new TreeSet<>();
        for (int index : classNames) {
            String n = utf8[index];
            if (n.startsWith("[")) {
                addDescriptorTypes(n, types);
            } else {
                types.add(n.replace('/', '.'));
            }
        }
        for (String s : utf8) {
            if (s != null && (s.startsWith("(") || s.startsWith("L") || s.startsWith("[") || s.startsWith("<"))) {
                addDescriptorTypes(s, types);
            }
        }
        return types;
    }

    private static void addDescriptorTypes(String descriptor, Set<String> types) {
        Matcher m = DESCRIPTOR_TYPE.matcher(descriptor);
        while (m.find()) {
            types.add(m.group(1).replace('/', '.'));
        }
    }
}
