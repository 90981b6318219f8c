package dev.funclab.runtime.invoke;

/**
 * Told about every call the host makes: when it starts, each line the function logs, how it ends.
 * The dashboard and the cost meter listen; an observer must be quick and must not throw.
 */
public interface InvocationObserver {

    default void started(Invocation invocation, String reason) {
    }

    default void logged(Invocation invocation, String line) {
    }

    /** @param nanos how long the call took, binding and outputs included */
    default void finished(Invocation invocation, InvocationResult result, long nanos) {
    }
}
