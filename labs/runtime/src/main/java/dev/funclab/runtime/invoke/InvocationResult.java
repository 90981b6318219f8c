package dev.funclab.runtime.invoke;

import java.util.Map;
import java.util.Optional;

/**
 * How a call ended. {@code failure} is null on success; {@code bindingFailed} says the arguments
 * could not be bound (data that does not fit, or a type the worker cannot read) so the function never
 * ran: for HTTP a 500 with the reason in the body, where Azure sends an empty 500.
 */
public record InvocationResult(Invocation invocation, Map<String, Object> outputs, Throwable failure, boolean bindingFailed) {

    public boolean succeeded() {
        return failure == null;
    }

    public Optional<Object> output(String name) {
        return Optional.ofNullable(outputs.get(name));
    }
}
