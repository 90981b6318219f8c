package dev.funclab.runtime.invoke;

import java.util.Map;
import java.util.Optional;

/**
 * How a call ended. {@code failure} is null on success; {@code badInput} says the trigger's data
 * could not be bound (the caller's fault; for HTTP a 500 with the reason, where Azure sends an empty
 * 500) rather than the function failing.
 */
public record InvocationResult(Invocation invocation, Map<String, Object> outputs, Throwable failure, boolean badInput) {

    public boolean succeeded() {
        return failure == null;
    }

    public Optional<Object> output(String name) {
        return Optional.ofNullable(outputs.get(name));
    }
}
