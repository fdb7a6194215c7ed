package dev.letterbox.spring;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Found by Spring in {@code META-INF/spring.factories}: before each test method of a class with
 * {@link SpringCaptureMail}, resets the context's mailbox (messages and the rules an earlier test scripted) and marks
 * it as used by that test; after it, releases it.
 */
final class ContextMailboxListener extends AbstractTestExecutionListener {
    /** Before dependency injection (2000), so that nothing of the test runs before the mailbox is reset. */
    static final int ORDER = 1900;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (appliesTo(testContext)) {
            server(testContext).begin(name(testContext));
        }
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (appliesTo(testContext)) {
            server(testContext).end(name(testContext));
        }
    }

    /**
     * Tells whether a test has {@link SpringCaptureMail}, where Spring looks for its configuration.
     *
     * @param testContext the test
     * @return true if its class, a base class, an enclosing class or a meta-annotation carries it
     */
    static boolean appliesTo(TestContext testContext) {
        return TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(), SpringCaptureMail.class)
                != null;
    }

    private static ContextMailServer server(TestContext testContext) {
        return testContext.getApplicationContext().getBean(ContextMailServer.BEAN_NAME, ContextMailServer.class);
    }

    private static String name(TestContext testContext) {
        return testContext.getTestClass().getName() + "." + testContext.getTestMethod().getName() + "()";
    }
}
