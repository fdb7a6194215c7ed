package dev.letterbox;

import dev.letterbox.CaptureMail.Lifecycle;
import dev.letterbox.internal.junit.ExtensionCore;
import dev.letterbox.internal.junit.ExtensionSettings;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * The JUnit Jupiter extension behind {@link CaptureMail}; register it yourself to configure it in code or to read the
 * server's port from static code:
 *
 * <pre>{@code
 * @RegisterExtension
 * static LetterboxExtension mail = LetterboxExtension.builder().perClass().maxMessageSize(10_000_000).build();
 *
 * @Test
 * void sendsReceipt() {
 *     new CheckoutService(mail.host(), mail.port()).checkOut("ann@example.com");
 *     assertThat(mail.mailbox().awaitMessage().subject()).isEqualTo("Your receipt");
 * }
 * }</pre>
 *
 * <p>In a Spring test, prefer {@code dev.letterbox.spring.SpringCaptureMail}: Spring caches the application context
 * across test classes and tests, and a context configured from this extension's port (with
 * {@code @DynamicPropertySource}) would outlive the server unless {@code @DirtiesContext} closes it with the class.
 *
 * <p>Each server lives in JUnit's {@code ExtensionContext.Store} of the test (per test) or of the class (per class),
 * and JUnit closes it when that context ends. Injection works as described on {@link CaptureMail}. A static field may
 * hold a per-class or a per-test extension; an instance field holds a per-test one (or a per-class one under
 * {@code @TestInstance(PER_CLASS)}).
 *
 * <p><b>When {@link #mailbox()}, {@link #port()} and {@link #host()} answer.</b> A per-class server runs from before
 * the test instance is constructed and before {@code @BeforeAll} until after {@code @AfterAll}; a per-test server from
 * before the test instance is constructed until after {@code @AfterEach}. Outside that time, or while several servers
 * of this extension run at once (per-test servers of tests running in parallel), these methods throw
 * {@link IllegalStateException}: take a {@link Mailbox} parameter instead.
 */
public final class LetterboxExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver, TestInstancePreConstructCallback {

    private final ExtensionCore core;

    /** Creates the extension configured by {@link CaptureMail} annotations; JUnit calls this for the annotation. */
    public LetterboxExtension() {
        this.core = new ExtensionCore(null, LetterboxExtension::coreOf);
    }

    private LetterboxExtension(ExtensionSettings settings) {
        this.core = new ExtensionCore(settings, LetterboxExtension::coreOf);
    }

    private static Optional<ExtensionCore> coreOf(Object o) {
        return o instanceof LetterboxExtension e ? Optional.of(e.core) : Optional.empty();
    }

    /**
     * Starts a builder for a per-test extension with default options.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the mailbox of the running server.
     *
     * @return the mailbox
     * @throws IllegalStateException if no server of this extension is running now, or several are (see the class
     *     description); the message says when the server runs
     */
    public Mailbox mailbox() {
        return core.current("mailbox()");
    }

    /**
     * Returns the port of the running server.
     *
     * @return the port
     * @throws IllegalStateException if no server of this extension is running now, or several are
     */
    public int port() {
        return core.current("port()").port();
    }

    /**
     * Returns the address of the running server.
     *
     * @return the address, such as {@code 127.0.0.1}
     * @throws IllegalStateException if no server of this extension is running now, or several are
     */
    public String host() {
        return core.current("host()").host();
    }

    /**
     * Called by JUnit: starts a per-class server and fills static {@link Mailbox} fields.
     *
     * @param context the class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        core.beforeAll(context);
    }

    /**
     * Called by JUnit: starts the server before the test instance is constructed.
     *
     * @param factoryContext the class being constructed
     * @param context the test's (or the class's) context
     */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        core.preConstruct(context);
    }

    /**
     * Called by JUnit: starts a per-test server or clears a per-class one, and fills {@link Mailbox} fields.
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        core.beforeEach(context);
    }

    /**
     * Called by JUnit after each test (the server itself is closed by JUnit with its store).
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        core.afterEach(context);
    }

    /**
     * Called by JUnit: tells whether this extension injects the parameter ({@link Mailbox} or
     * {@code jakarta.mail.Session}, in a test this extension serves).
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return true if it does
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return core.supports(parameterContext, extensionContext);
    }

    /**
     * Called by JUnit: injects the mailbox, or a new {@code jakarta.mail.Session} pointed at the server.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the value
     * @throws org.junit.jupiter.api.extension.ParameterResolutionException if the parameter runs once per class (a
     *     {@code @BeforeAll} method, a constructor under {@code @TestInstance(PER_CLASS)}) but the server is per test
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return core.resolve(parameterContext, extensionContext);
    }

    @Override
    public String toString() {
        return "LetterboxExtension";
    }

    /**
     * Configures a {@link LetterboxExtension}: the lifecycle, and every server option through the setters it shares
     * with {@link ServerOptions.Builder} (so an option set here and on {@code @CaptureMail} gives the same
     * {@link ServerOptions}). Setters check their argument at once.
     *
     * <pre>{@code
     * LetterboxExtension.builder().perClass().maxMessageSize(10_000_000).awaitTimeout(Duration.ofSeconds(5)).build();
     * }</pre>
     */
    public static final class Builder extends ServerOptions.AbstractBuilder<Builder> {
        private Lifecycle lifecycle = Lifecycle.PER_TEST;
        private ReportMode report = ReportMode.ON_FAILURE;

        private Builder() {
        }

        /**
         * One fresh server per test (the default).
         *
         * @return this builder
         */
        public Builder perTest() {
            lifecycle = Lifecycle.PER_TEST;
            return this;
        }

        /**
         * One server for the class, its mailbox cleared before each test; needs a static field (or
         * {@code @TestInstance(PER_CLASS)}).
         *
         * @return this builder
         */
        public Builder perClass() {
            lifecycle = Lifecycle.PER_CLASS;
            return this;
        }

        /**
         * Sets when the captured mail is written as {@code .eml} files and the HTML report {@code index.html}, as
         * {@link CaptureMail#report()} does.
         *
         * @param report {@link ReportMode#ON_FAILURE} (the default), {@link ReportMode#ALWAYS} or
         *     {@link ReportMode#NEVER}
         * @return this builder
         * @throws NullPointerException if report is null
         */
        public Builder report(ReportMode report) {
            this.report = java.util.Objects.requireNonNull(report, "report");
            return this;
        }

        /**
         * Builds the extension.
         *
         * @return a new extension, to be held in a {@code @RegisterExtension} field
         */
        public LetterboxExtension build() {
            return new LetterboxExtension(new ExtensionSettings(lifecycle, options(), awaitTimeoutSet(), report));
        }
    }
}
