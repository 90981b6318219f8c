package dev.funclab.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

import java.util.Optional;

/**
 * Starts the lab's host on first use in a test class (so a host that cannot start fails each test
 * with its reason), closes it after the class, resolves {@link LabClient} and {@link RunningHost}
 * parameters, and adds the guide step of a {@link Graded} test to its failure message.
 */
public final class FunctionsHostExtension implements ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FunctionsHostExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LabClient.class || type == RunningHost.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningHost host = host(context);
        return parameter.getParameter().getType() == LabClient.class ? new LabClient(host) : host;
    }

    private static RunningHost host(ExtensionContext context) {
        ExtensionContext classContext = outermostClass(context);
        HostHolder holder = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(HostHolder.class,
                type -> HostHolder.start(classContext.getRequiredTestClass().getSimpleName()), HostHolder.class);
        return holder.host();
    }

    /** One host for a test class and all its {@code @Nested} classes. */
    private static ExtensionContext outermostClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get().getTestClass().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Optional<Graded> graded = context.getTestMethod().map(m -> m.getAnnotation(Graded.class));
        if (graded.isEmpty() || !(failure instanceof AssertionError)) {
            throw failure;
        }
        String message = failure.getMessage() + "\n-> " + GuideHint.of(LabModule.current(), graded.get());
        // Keep expected and actual values, which IDEs show as a diff.
        AssertionError teaching = failure instanceof AssertionFailedError values && values.isExpectedDefined()
                ? new AssertionFailedError(message, values.getExpected().getValue(), values.getActual().getValue(), failure.getCause())
                : new AssertionError(message, failure.getCause());
        teaching.setStackTrace(failure.getStackTrace());
        throw teaching;
    }

    /** Either a running host or the reason it could not start, kept for the whole test class. */
    private record HostHolder(RunningHost running, RuntimeException failure) implements AutoCloseable {

        static HostHolder start(String name) {
            try {
                return new HostHolder(RunningHost.start(LabModule.current(), name), null);
            } catch (RuntimeException e) {
                return new HostHolder(null, e);
            }
        }

        RunningHost host() {
            if (failure != null) {
                throw new ParameterResolutionException(failure.getMessage(), failure);
            }
            return running;
        }

        @Override
        public void close() throws Exception {
            if (running != null) {
                running.close();
            }
        }
    }
}
