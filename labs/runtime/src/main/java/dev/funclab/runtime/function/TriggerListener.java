package dev.funclab.runtime.function;

/** Watches a source (a queue, a container, a schedule) and invokes one function for what arrives. */
public interface TriggerListener extends AutoCloseable {

    void start();

    /** Stops taking new work and waits a little for invocations under way. */
    @Override
    void close();
}
