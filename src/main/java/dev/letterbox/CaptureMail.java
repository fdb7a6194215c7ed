package dev.letterbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs an in-process SMTP server on a random loopback port for the annotated test class or test method, and injects its
 * {@link Mailbox} into parameters and fields.
 *
 * <pre>{@code
 * @CaptureMail
 * class SignupTest {
 *     @Test
 *     void sendsWelcome(Mailbox mailbox) {
 *         new SignupService(mailbox.host(), mailbox.port()).signUp("ann@example.com");
 *         assertThat(mailbox.awaitMessage().subject()).isEqualTo("Welcome");
 *     }
 * }
 * }</pre>
 *
 * <p><b>Where it goes.</b> On a test class (inherited by subclasses and seen by {@code @Nested} classes), on a test
 * method, or on an annotation of your own (a meta-annotation). The nearest declaration wins: a method's annotation over
 * its class's, a {@code @Nested} class's over its enclosing class's. A class may carry either this annotation or a
 * {@code @RegisterExtension} {@link LetterboxExtension} field, not both.
 *
 * <p><b>What is injected.</b> Parameters of type {@link Mailbox} and {@code jakarta.mail.Session} (a new session
 * pointed at the server, see {@link Mailbox#session()}) in test methods, lifecycle methods and constructors; and every
 * non-final field of type {@code Mailbox} (no annotation needed) of the test instance and its enclosing instances,
 * before each test. Static {@code Mailbox} fields are filled before {@code @BeforeAll} and need
 * {@link Lifecycle#PER_CLASS}.
 *
 * <p><b>Durations</b> ({@link #idleTimeout()}, {@link #commandTimeout()}, {@link #dataTimeout()},
 * {@link #writeTimeout()}, {@link #awaitTimeout()}) are strings: a whole number with a unit,
 * {@code "500ms"}, {@code "10s"}, {@code "2m"} or {@code "1h"}, or an ISO-8601 duration such as {@code "PT1.5S"}. The
 * empty string (the default) means "not set here".
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LetterboxExtension.class)
public @interface CaptureMail {

    /**
     * How long one server lives.
     *
     * @return {@link Lifecycle#PER_TEST} (the default) for a fresh server per test, {@link Lifecycle#PER_CLASS} for one
     *     server shared by the class; only {@code PER_TEST} is allowed on a method
     */
    Lifecycle lifecycle() default Lifecycle.PER_TEST;

    /**
     * The largest message accepted, announced as {@code SIZE} in the EHLO reply; see
     * {@link ServerOptions.AbstractBuilder#maxMessageSize(long)}.
     *
     * @return the limit in octets, 0 (the default) for no limit
     */
    long maxMessageSize() default 0;

    /**
     * How long a session may stay silent before it gets {@code 421 4.4.2}; see
     * {@link ServerOptions.AbstractBuilder#idleTimeout(java.time.Duration)}.
     *
     * @return a duration such as {@code "30s"}, or {@code ""} (the default) for the server's default of 5 minutes
     */
    String idleTimeout() default "";

    /**
     * How long a client may take to send one command line, however slowly it trickles; see
     * {@link ServerOptions.AbstractBuilder#commandTimeout(java.time.Duration)}.
     *
     * @return a duration such as {@code "30s"}, or {@code ""} (the default) for the server's default of 5 minutes
     */
    String commandTimeout() default "";

    /**
     * How long a client may take to send a message's content; see
     * {@link ServerOptions.AbstractBuilder#dataTimeout(java.time.Duration)}.
     *
     * @return a duration such as {@code "2m"}, or {@code ""} (the default) for the server's default of 10 minutes
     */
    String dataTimeout() default "";

    /**
     * How long a reply may stay unread before a client that stopped reading is disconnected; see
     * {@link ServerOptions.AbstractBuilder#writeTimeout(java.time.Duration)}.
     *
     * @return a duration such as {@code "10s"}, or {@code ""} (the default) for the server's default of 1 minute
     */
    String writeTimeout() default "";

    /**
     * How long {@link Mailbox#awaitMessage()} and {@link Mailbox#awaitMessages(int)} wait. A value here wins over the
     * JUnit configuration parameter {@code letterbox.await.timeout}, which wins over the default of 10 s.
     *
     * @return a duration such as {@code "2s"}, or {@code ""} (the default) for "not set here"
     */
    String awaitTimeout() default "";

    /**
     * Whether messages with bare LF or bare CR line endings are accepted (and stored unchanged) instead of refused;
     * see {@link ServerOptions.AbstractBuilder#lenientLineEndings(boolean)}.
     *
     * @return true to accept them; false (the default) to refuse them
     */
    boolean lenientLineEndings() default false;

    /**
     * Whether a message with a violation that large providers reject is refused at the end of DATA with a 550 naming
     * it; see {@link ServerOptions.AbstractBuilder#strict(boolean)}.
     *
     * @return true to refuse such messages; false (the default) to store them
     */
    boolean strict() default false;

    /**
     * The address the server binds; see {@link ServerOptions.AbstractBuilder#host(String)}.
     *
     * @return an IP address or host name, {@value ServerOptions#DEFAULT_HOST} (loopback) by default
     */
    String host() default ServerOptions.DEFAULT_HOST;

    /**
     * The port the server binds; see {@link ServerOptions.AbstractBuilder#port(int)}. Leave it at 0: a fixed port
     * collides when tests run in parallel, or when a per-test server's port is still in use.
     *
     * @return the port, 0 (the default) for a random free one
     */
    int port() default 0;

    /**
     * The domain the server names itself with in its greeting and EHLO reply; see
     * {@link ServerOptions.AbstractBuilder#serverName(String)}.
     *
     * @return the name, {@value ServerOptions#DEFAULT_SERVER_NAME} by default
     */
    String serverName() default ServerOptions.DEFAULT_SERVER_NAME;

    /**
     * The longest command line accepted, CRLF included; see
     * {@link ServerOptions.AbstractBuilder#maxCommandLineLength(int)}.
     *
     * @return octets, at least (and by default) {@value ServerOptions#MIN_COMMAND_LINE_LENGTH}
     */
    int maxCommandLineLength() default ServerOptions.MIN_COMMAND_LINE_LENGTH;

    /**
     * How many recipients one transaction may have; see {@link ServerOptions.AbstractBuilder#maxRecipients(int)}.
     *
     * @return the count, at least (and by default) {@value ServerOptions#MIN_RECIPIENTS}
     */
    int maxRecipients() default ServerOptions.MIN_RECIPIENTS;

    /**
     * How many sessions the server serves at once; see {@link ServerOptions.AbstractBuilder#maxConnections(int)}.
     *
     * @return the limit, {@value ServerOptions#DEFAULT_MAX_CONNECTIONS} by default
     */
    int maxConnections() default ServerOptions.DEFAULT_MAX_CONNECTIONS;

    /**
     * The size above which a message being received goes to a temporary file instead of the heap; see
     * {@link ServerOptions.AbstractBuilder#spillThreshold(int)}.
     *
     * @return octets, {@value ServerOptions#DEFAULT_SPILL_THRESHOLD} (1 MiB) by default
     */
    int spillThreshold() default ServerOptions.DEFAULT_SPILL_THRESHOLD;

    /**
     * Whether and how the server speaks TLS, with the built-in certificate; see
     * {@link ServerOptions.AbstractBuilder#tls(TlsMode)}.
     *
     * @return the mode, {@link TlsMode#OFF} by default
     */
    TlsMode tls() default TlsMode.OFF;

    /**
     * The users AUTH accepts, each as {@code name:password}; see {@link ServerOptions.AbstractBuilder#users(String...)}.
     *
     * @return the users, none by default (AUTH is not offered)
     */
    String[] users() default {};

    /**
     * Whether MAIL needs a successful AUTH first; see {@link ServerOptions.AbstractBuilder#authRequired(boolean)}.
     *
     * @return false by default
     */
    boolean authRequired() default false;

    /**
     * Whether AUTH PLAIN and LOGIN are offered before TLS is in force; see
     * {@link ServerOptions.AbstractBuilder#plainAuthWithoutTls(boolean)}.
     *
     * @return true by default (the server is on loopback)
     */
    boolean plainAuthWithoutTls() default true;

    /**
     * The service extensions turned off, so a test can check its client's fallback; see
     * {@link ServerOptions.AbstractBuilder#withoutExtensions(SmtpExtension...)}.
     *
     * @return the extensions not offered, none by default
     */
    SmtpExtension[] withoutExtensions() default {};

    /**
     * When the captured mail is written to {@code target/letterbox/<test-class>/<test-method>/} as {@code .eml} files
     * and the HTML report {@code index.html}; see {@link ReportMode}.
     *
     * @return {@link ReportMode#ON_FAILURE} by default; {@link ReportMode#ALWAYS} for passing tests too,
     *     {@link ReportMode#NEVER} for none
     */
    ReportMode report() default ReportMode.ON_FAILURE;

    /** How long one server lives, and so which tests share its mailbox. */
    enum Lifecycle {
        /**
         * A fresh server on a fresh random port for every test: no mail can leak between tests, and tests may run in
         * parallel. The server starts when the test's extension context is created and is closed after
         * {@code @AfterEach}.
         */
        PER_TEST,
        /**
         * One server for the whole class (and its {@code @Nested} classes), started before {@code @BeforeAll} (and
         * before the test instance is constructed) and closed after {@code @AfterAll}. The mailbox is cleared before
         * each test. Tests of the class share the mailbox, so run them in the same thread.
         */
        PER_CLASS
    }
}
