package dev.funclab.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

import java.util.Optional;

/** Adds the guide step of a {@link Graded} test to its failure message, keeping expected and actual values. */
public final class GuideHintExtension implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Optional<Graded> graded = context.getTestMethod().map(m -> m.getAnnotation(Graded.class));
        if (graded.isEmpty() || !(failure instanceof AssertionError)) {
            throw failure;
        }
        String message = failure.getMessage() + "\n-> " + GuideHint.of(RunSettings.from(context::getConfigurationParameter).module(), graded.get());
        // Keep expected and actual values, which IDEs show as a diff.
        AssertionError teaching = failure instanceof AssertionFailedError values && values.isExpectedDefined()
                ? new AssertionFailedError(message, values.getExpected().getValue(), values.getActual().getValue(), failure.getCause())
                : new AssertionError(message, failure.getCause());
        teaching.setStackTrace(failure.getStackTrace());
        throw teaching;
    }
}
