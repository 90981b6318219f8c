package dev.funclab.runtime.function;

import dev.funclab.runtime.invoke.Invocation;

/** Produces one argument of a function for one invocation; built once per parameter at start-up. */
@FunctionalInterface
public interface ArgumentSource {
    Object resolve(Invocation invocation);
}
