package dev.funclab.runtime.function;

/**
 * A function that uses a trigger or binding this host does not run (Cosmos DB, Event Hubs, Kafka...).
 * Core Tools lists such a function as in error and runs the others; so does this host, unless --strict.
 */
public final class UnsupportedBindingException extends FunctionConfigurationException {

    private final String function;

    UnsupportedBindingException(String function, String message) {
        super(message);
        this.function = function;
    }

    /** The {@code @FunctionName} of the function in error. */
    public String function() {
        return function;
    }
}
