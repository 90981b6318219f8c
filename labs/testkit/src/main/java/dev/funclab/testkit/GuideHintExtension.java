package dev.funclab.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

import java.util.Optional;

/**
 * Adds the guide step to reread to a failing {@link Graded} test's message, keeping expected and
 * actual values: the test's own step, or the earlier unfinished step it met ({@link Steps}).
 */
public final class GuideHintExtension implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Optional<Graded> graded = context.getTestMethod().map(m -> m.getAnnotation(Graded.class));
        if (graded.isEmpty() || !(failure instanceof AssertionError)) {
            throw failure;
        }
        int step = GuideHint.stepToReread(graded.get(), failure);
        String message = failure.getMessage() + "\n-> " + GuideHint.of(RunSettings.from(context::getConfigurationParameter).module(), step);
        // Keep expected and actual values, which IDEs show as a diff, and the step for the grade table.
        AssertionError teaching;
        if (step != graded.get().step()) {
            teaching = new StepFailure(step, message, failure.getCause());
        } else if (failure instanceof AssertionFailedError values && values.isExpectedDefined()) {
            teaching = new AssertionFailedError(message, values.getExpected().getValue(), values.getActual().getValue(), failure.getCause());
        } else {
            teaching = new AssertionError(message, failure.getCause());
        }
        teaching.setStackTrace(failure.getStackTrace());
        throw teaching;
    }
}
