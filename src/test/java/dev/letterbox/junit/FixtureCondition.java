package dev.letterbox.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Enables {@link Fixture} classes only inside a {@link TestKit} run. */
public final class FixtureCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(TestKit.FIXTURES_PARAMETER).map(Boolean::parseBoolean).orElse(false)
                ? ConditionEvaluationResult.enabled("run by TestKit")
                : ConditionEvaluationResult.disabled("a fixture, run only through TestKit");
    }
}
