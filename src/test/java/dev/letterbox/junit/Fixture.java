package dev.letterbox.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that is only a fixture for {@link TestKit}: it runs only when the configuration parameter
 * {@value TestKit#FIXTURES_PARAMETER} is true, which {@link TestKit} sets and nothing else does. So neither Surefire
 * (which also skips nested classes and names that do not end in Test) nor an IDE runs fixtures by themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FixtureCondition.class)
public @interface Fixture {
}
