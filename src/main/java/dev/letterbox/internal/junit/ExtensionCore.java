package dev.letterbox.internal.junit;

import dev.letterbox.CaptureMail.Lifecycle;
import dev.letterbox.Mailbox;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What one {@code LetterboxExtension} instance does, kept out of the public class. Every server lives in the
 * {@link ExtensionContext.Store} of the context that owns it (the test for per-test, the declaring class for
 * per-class) and JUnit closes it; this object only remembers, for the static accessors of a programmatic extension,
 * which of its servers are running.
 */
public final class ExtensionCore {
    /** The namespace of every value Letterbox keeps in JUnit's stores. */
    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("dev.letterbox");
    private static final String SESSION_CLASS = "jakarta.mail.Session";

    private final ExtensionSettings settings;
    private final Function<Object, Optional<ExtensionCore>> coreOf;
    private final Set<ServerHandle> running = ConcurrentHashMap.newKeySet();
    private final InstantiationServers instantiation = new InstantiationServers();

    /**
     * Creates the core of one extension instance.
     *
     * @param settings the builder's settings, or null for the instance JUnit creates for {@code @CaptureMail}
     * @param coreOf finds the core of an object if it is a {@code LetterboxExtension}, to recognise field values
     */
    public ExtensionCore(ExtensionSettings settings, Function<Object, Optional<ExtensionCore>> coreOf) {
        this.settings = settings;
        this.coreOf = coreOf;
    }

    /** The settings and declaration that govern one context, when this instance is the one that governs it. */
    private record Governing(Declaration declaration, ExtensionSettings settings) {
        Lifecycle lifecycle() {
            return settings.lifecycle();
        }
    }

    private record ServerKey(String ownerUniqueId) {
    }

    /** Which instance's governing result for which context: in that context's own store, gone with the context. */
    private record GoverningKey(ExtensionCore core, String contextUniqueId) {
    }

    /** A governing result as stored (a store cannot hold an empty value). */
    private record CachedGoverning(Optional<Governing> governing) {
    }

    // ---- JUnit callbacks ----

    /**
     * Starts a per-class server and fills static {@code Mailbox} fields.
     *
     * @param context the class context
     */
    public void beforeAll(ExtensionContext context) {
        Optional<Governing> governing = governing(context);
        if (governing.isEmpty()) {
            return;
        }
        Class<?> testClass = context.getRequiredTestClass();
        List<Field> statics = ClassFacts.mailboxFields(context, testClass, true);
        if (governing.get().lifecycle() == Lifecycle.PER_CLASS) {
            Mailbox mailbox = serverFor(context, governing.get()).mailbox();
            statics.forEach(f -> set(f, null, mailbox));
        } else if (!statics.isEmpty()) {
            Field f = statics.get(0);
            throw new ExtensionConfigurationException("Cannot inject the static field " + name(f) + ": a static"
                    + " Mailbox field is shared by the whole class, but " + governing.get().declaration().description()
                    + " starts a new server for each test. Make the field an instance field, or share one server with"
                    + " the class: @CaptureMail(lifecycle = PER_CLASS) or LetterboxExtension.builder().perClass().");
        }
    }

    /**
     * Starts the server before the test instance is constructed, so constructors and Spring's
     * {@code @DynamicPropertySource} can use it.
     *
     * @param context the test method's context (or the class context under {@code @TestInstance(PER_CLASS)})
     */
    public void preConstruct(ExtensionContext context) {
        Optional<Governing> governing = governing(context);
        if (governing.isEmpty()) {
            return;
        }
        if (owner(context, governing.get()).isPresent()) {
            serverFor(context, governing.get());
        } else if (constructsForOneTest(context, governing.get())) {
            serverForConstruction(context, governing.get(), true);
        }
    }

    /**
     * Starts a per-test server or clears a per-class one, and fills the instance {@code Mailbox} fields.
     *
     * @param context the test method's context
     */
    public void beforeEach(ExtensionContext context) {
        Optional<Governing> governing = governing(context);
        if (governing.isEmpty()) {
            return;
        }
        ServerHandle handle = serverFor(context, governing.get());
        if (governing.get().lifecycle() == Lifecycle.PER_CLASS) {
            refuseConcurrentTests(context, governing.get());
            handle.mailbox().reset();
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field f : ClassFacts.mailboxFields(context, instance.getClass(), false)) {
                set(f, instance, handle.mailbox());
            }
        }
        Diagnostics.beforeTest(context, handle.mailbox(), governing.get().settings().report());
        SnapshotSettings.beforeTest(context, handle.mailbox());
    }

    /**
     * Hands the mailbox to the failure diagnostics.
     *
     * @param context the test method's context
     */
    public void afterEach(ExtensionContext context) {
        Optional<Governing> governing = governing(context);
        if (governing.isEmpty()) {
            return;
        }
        Optional<ExtensionContext> owner = owner(context, governing.get());
        if (owner.isPresent()) {
            ServerHandle handle = owner.get().getStore(NAMESPACE)
                    .get(new ServerKey(owner.get().getUniqueId()), ServerHandle.class);
            if (handle != null) {
                Diagnostics.afterTest(context, handle.mailbox(), context.getExecutionException(),
                        governing.get().settings().report());
            }
        }
    }

    /**
     * Tells whether this instance resolves a parameter: a {@code Mailbox} or {@code Session} in a context it governs.
     *
     * @param parameter the parameter
     * @param context the context
     * @return true if it does
     */
    public boolean supports(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        // compared by name so that resolving unrelated parameters does not load jakarta.mail
        return (type == Mailbox.class || type.getName().equals(SESSION_CLASS)) && governing(context).isPresent();
    }

    /**
     * Resolves a {@code Mailbox} or {@code Session} parameter.
     *
     * @param parameter the parameter
     * @param context the context
     * @return the mailbox, or a new session pointed at the server
     * @throws ParameterResolutionException if the parameter is in a place that runs once per class while the server
     *     is per test
     */
    public Object resolve(ParameterContext parameter, ExtensionContext context) {
        Governing governing = governing(context).orElseThrow();
        Mailbox mailbox;
        if (owner(context, governing).isPresent()) {
            mailbox = serverFor(context, governing).mailbox();
        } else if (parameter.getDeclaringExecutable() instanceof Constructor
                && constructsForOneTest(context, governing)) {
            mailbox = serverForConstruction(context, governing, false).mailbox();
        } else {
            throw new ParameterResolutionException(perClassPlaceMessage(parameter, context, governing));
        }
        return parameter.getParameter().getType() == Mailbox.class ? mailbox : mailbox.session();
    }

    /**
     * Returns the mailbox of the one running server of this (programmatic) extension.
     *
     * @param accessor the method called, such as {@code port()}, for the error message
     * @return the mailbox
     * @throws IllegalStateException if no server or several servers of this extension are running
     */
    public Mailbox current(String accessor) {
        List<ServerHandle> now = new ArrayList<>(running);
        if (now.size() == 1) {
            return now.get(0).mailbox();
        }
        if (now.isEmpty()) {
            throw new IllegalStateException("LetterboxExtension." + accessor + " was called while no server of this"
                    + " extension is running. A per-class extension (builder().perClass() in a static"
                    + " @RegisterExtension field) runs its server from before the test instance is constructed and"
                    + " before @BeforeAll (so Spring's @DynamicPropertySource can read it) until after @AfterAll; a"
                    + " per-test one from before the test instance is constructed until after @AfterEach. Call "
                    + accessor + " within that time, check that the field is annotated with @RegisterExtension, or"
                    + " take a Mailbox parameter instead.");
        }
        throw new IllegalStateException("LetterboxExtension." + accessor + " is ambiguous: " + now.size()
                + " servers of this extension are running at once (per-test servers of tests running in parallel,"
                + " or one extension shared by several classes). Take a Mailbox parameter in the test instead, or use"
                + " builder().perClass() in a class whose tests run in the same thread.");
    }

    /**
     * A per-class mailbox is cleared before each test, so a test running concurrently with another test that shares
     * the server would wipe the mail the other one is asserting on. Checks the test and every class between it and
     * the class that owns the server ({@code @Nested} classes share their enclosing class's server).
     */
    private static void refuseConcurrentTests(ExtensionContext context, Governing governing) {
        if (!RunParameters.of(context).parallel()) {
            return; // JUnit runs everything in one thread, whatever the execution modes say
        }
        ExtensionContext owner = owner(context, governing).orElseThrow();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent() && c.get() != owner;
                c = c.get().getParent()) {
            if (c.get().getExecutionMode() == ExecutionMode.CONCURRENT) {
                String className = governing.declaration().level().getSimpleName();
                throw new ExtensionConfigurationException(governing.declaration().description() + " shares one"
                        + " server with every test of " + className + " and clears its mailbox before each test, but"
                        + " these tests run concurrently (JUnit parallel execution), so one test would delete the mail"
                        + " another is checking. Add @Execution(ExecutionMode.SAME_THREAD) to the class " + className
                        + ", or use the per-test lifecycle (a server for each test, safe in parallel).");
            }
        }
    }

    // ---- which instance governs, which context owns the server ----

    /**
     * The governing result for a context, found on the first of its callbacks (a test has five or more) and kept in
     * the context's store; not kept when it depends on whether the test instance exists yet (an instance field).
     */
    private Optional<Governing> governing(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        GoverningKey key = new GoverningKey(this, context.getUniqueId());
        CachedGoverning cached = store.get(key, CachedGoverning.class);
        if (cached != null) {
            return cached.governing();
        }
        Optional<Declaration> nearest = Declarations.nearest(context);
        Optional<Governing> found = governing(context, nearest);
        if (nearest.filter(d -> d.kind() == Declaration.Kind.FIELD && !d.isStaticField()).isEmpty()) {
            store.put(key, new CachedGoverning(found));
        }
        return found;
    }

    private Optional<Governing> governing(ExtensionContext context, Optional<Declaration> nearest) {
        boolean declarative = settings == null;
        if (nearest.isEmpty()) {
            Declaration implicit = new Declaration(Declaration.Kind.IMPLICIT, context.getRequiredTestClass(), null,
                    null, "LetterboxExtension on " + context.getRequiredTestClass().getSimpleName());
            return Optional.of(new Governing(implicit, declarative ? ExtensionSettings.DEFAULTS : settings));
        }
        Declaration d = nearest.get();
        switch (d.kind()) {
            case METHOD_ANNOTATION: {
                if (!declarative) {
                    return Optional.empty();
                }
                ExtensionSettings s = ClassFacts.settings(context, d);
                if (s.lifecycle() == Lifecycle.PER_CLASS) {
                    throw new ExtensionConfigurationException(d.description().replace("@CaptureMail",
                            "@CaptureMail(lifecycle = PER_CLASS)") + " cannot share a server with the class: an"
                            + " annotation on a method configures that one test. Put it on the class to share one"
                            + " server, or remove lifecycle = PER_CLASS.");
                }
                return Optional.of(new Governing(d, s));
            }
            case CLASS_ANNOTATION:
                return declarative
                        ? Optional.of(new Governing(d, ClassFacts.settings(context, d)))
                        : Optional.empty();
            default:
                return fieldValue(d, context)
                        .flatMap(coreOf)
                        .filter(core -> core == this)
                        .map(core -> new Governing(d, settings));
        }
    }

    private static Optional<Object> fieldValue(Declaration d, ExtensionContext context) {
        Field field = d.field();
        Object target = null;
        if (!d.isStaticField()) {
            Optional<Object> instance = context.getTestInstances()
                    .flatMap(i -> i.findInstance(field.getDeclaringClass()).map(Object.class::cast));
            if (instance.isEmpty()) {
                return Optional.empty();
            }
            target = instance.get();
        }
        return Optional.ofNullable(ReflectionSupport.tryToReadFieldValue(field, target).toOptional().orElse(null));
    }

    /** The context whose store holds the server: the test (per test) or the declaring class (per class). */
    private static Optional<ExtensionContext> owner(ExtensionContext context, Governing governing) {
        if (governing.lifecycle() == Lifecycle.PER_CLASS) {
            Declaration d = governing.declaration();
            if (d.kind() == Declaration.Kind.FIELD && !d.isStaticField()
                    && context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                            != TestInstance.Lifecycle.PER_CLASS) {
                throw new ExtensionConfigurationException("LetterboxExtension.builder().perClass() in the instance"
                        + " field " + name(d.field()) + " cannot share a server with the class: JUnit creates the"
                        + " field anew for each test. Make the field static, or annotate the class with"
                        + " @TestInstance(TestInstance.Lifecycle.PER_CLASS).");
            }
            Optional<ExtensionContext> c = Optional.of(context);
            while (c.isPresent()) {
                ExtensionContext candidate = c.get();
                if (candidate.getTestMethod().isEmpty()
                        && candidate.getTestClass().filter(d.level()::equals).isPresent()) {
                    return c;
                }
                c = candidate.getParent();
            }
            throw new IllegalStateException("no context for " + d.level() + " above " + context.getUniqueId());
        }
        // Per test: the test's own context. Not a parent with the same method: the parent of a @RepeatedTest or
        // @ParameterizedTest invocation is the template, shared by every invocation.
        return context.getTestMethod().isPresent() ? Optional.of(context) : Optional.empty();
    }

    private ServerHandle serverFor(ExtensionContext context, Governing governing) {
        ExtensionContext owner = owner(context, governing).orElseThrow();
        boolean perTest = governing.lifecycle() == Lifecycle.PER_TEST;
        return StoreAccess.computeIfAbsent(owner.getStore(NAMESPACE), new ServerKey(owner.getUniqueId()),
                key -> (perTest ? instantiation.adopt(governing.declaration()) : Optional.<ServerHandle>empty())
                        .orElseGet(() -> start(owner, governing)),
                ServerHandle.class);
    }

    /**
     * JUnit constructs the test instance with the class's context (always on 5.10 and 5.11; on 5.12 and later unless
     * configured otherwise) but for one test: the per-test server started now is handed to that test's context when
     * it first asks (see {@link InstantiationServers}).
     */
    private static boolean constructsForOneTest(ExtensionContext context, Governing governing) {
        return governing.lifecycle() == Lifecycle.PER_TEST && context.getTestMethod().isEmpty()
                && context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                        == TestInstance.Lifecycle.PER_METHOD;
    }

    private ServerHandle serverForConstruction(ExtensionContext context, Governing governing, boolean newInstance) {
        return instantiation.forConstruction(context, governing.declaration(), newInstance,
                () -> start(context, governing));
    }

    private ServerHandle start(ExtensionContext context, Governing governing) {
        return ServerHandle.start(governing.settings().toOptions(context), this::started, running::remove);
    }

    private void started(ServerHandle handle) {
        if (settings != null) {
            running.add(handle);
        }
    }

    // ---- fields and messages ----

    private static void set(Field field, Object target, Mailbox mailbox) {
        try {
            field.setAccessible(true);
            field.set(target, mailbox);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("Cannot inject the Mailbox into field " + name(field) + ": "
                    + e.getMessage() + ". Make the field non-final and accessible (not in a module that hides it).",
                    e);
        }
    }

    private static String name(Field f) {
        return f.getDeclaringClass().getSimpleName() + "." + f.getName();
    }

    private static String perClassPlaceMessage(ParameterContext parameter, ExtensionContext context,
            Governing governing) {
        Executable executable = parameter.getDeclaringExecutable();
        String type = parameter.getParameter().getType().getSimpleName();
        String className = context.getRequiredTestClass().getSimpleName();
        String place;
        if (executable instanceof Constructor) {
            place = "the constructor of " + className + ", which @TestInstance(PER_CLASS) calls once for the class";
        } else {
            String kind = AnnotationSupport.isAnnotated(executable, BeforeAll.class) ? "@BeforeAll method "
                    : AnnotationSupport.isAnnotated(executable, AfterAll.class) ? "@AfterAll method " : "method ";
            place = kind + className + "." + executable.getName() + "(), which runs once for the class";
        }
        return "Cannot inject " + type + " into " + place + ": " + governing.declaration().description()
                + " starts a new server for each test. Share one server with the class"
                + " (@CaptureMail(lifecycle = PER_CLASS) or LetterboxExtension.builder().perClass()), or take the "
                + type + " in a @BeforeEach method or the test method instead.";
    }
}
