package dev.funclab.runtime.function;

import dev.funclab.runtime.invoke.Invocation;

/** Delivers the value a function set on an output binding, once the function has succeeded. */
@FunctionalInterface
public interface OutputWriter {
    void write(Invocation invocation, Object value) throws Exception;
}
