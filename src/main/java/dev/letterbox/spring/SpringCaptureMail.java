package dev.letterbox.spring;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Gives the Spring application context of the annotated test class one Letterbox SMTP server, whose life is the
 * context's: it starts when Spring creates the context, points {@code spring.mail.host} and {@code spring.mail.port}
 * at itself, registers its {@link Mailbox} as a bean, and closes when Spring closes the context. With TLS or users in
 * its {@link #options()}, Spring Boot's mail sender also trusts the server's certificate (an SSL bundle named
 * {@code letterbox}) and, unless the application configures them itself, uses its TLS mode and its first user.
 *
 * <pre>{@code
 * @SpringBootTest
 * @SpringCaptureMail
 * abstract class MailIT {                      // the usual shared base class
 *     @Autowired Mailbox mailbox;
 * }
 *
 * class InvoiceIT extends MailIT {
 *     @Test
 *     void mailsTheInvoice(@Autowired InvoiceService invoices) {
 *         invoices.send("ann@example.com");
 *         assertThat(mailbox.awaitMessage()).hasSubject("Your invoice");
 *     }
 * }
 * }</pre>
 *
 * <p><b>With the context cache.</b> The server is part of the context's cache key: test classes with the same Spring
 * configuration and equal {@link #options()} share one cached context and so one server; different options give
 * different contexts. The mailbox is reset before every test method ({@link Mailbox#reset()}), so mail of one test
 * (or sent while the context started), and the faults it scripted, never reach the next one.
 *
 * <p><b>What is injected.</b> The {@code Mailbox} bean, by {@code @Autowired} fields and parameters as any bean; and,
 * as with {@code @CaptureMail}, into test method, lifecycle method and constructor parameters of type {@code Mailbox}
 * without an annotation and into non-static, non-final {@code Mailbox} fields without one.
 *
 * <p><b>Parallel execution.</b> Tests on one context share its mailbox, so classes with this annotation hold the
 * JUnit resource lock {@code dev.letterbox.spring.SpringCaptureMail}: under JUnit's parallel execution they run one
 * at a time (other tests still run in parallel with them). A test that still meets another one on the same context
 * fails with a message naming both.
 *
 * <p>It needs a Spring test context ({@code @SpringBootTest}, {@code @SpringJUnitConfig} or
 * {@code @ExtendWith(SpringExtension.class)}). It replaces {@link CaptureMail} on such a class and cannot be combined
 * with it or with a {@code LetterboxExtension} field (those start servers per test or per class, which a cached
 * context outlives); a class that needs a server of its own uses them without this annotation.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SpringMailboxExtension.class)
@ResourceLock("dev.letterbox.spring.SpringCaptureMail")
public @interface SpringCaptureMail {

    /**
     * The options of the server, written as a {@link CaptureMail} annotation, for example
     * {@code @SpringCaptureMail(options = @CaptureMail(maxMessageSize = 1024))}. Its lifecycle must stay the default:
     * the server lives as long as the application context.
     *
     * @return the options; by default those of a plain {@code @CaptureMail}
     */
    CaptureMail options() default @CaptureMail;
}
