package dev.funclab.runtime.function;

/** Makes the object an instance method is called on, once per invocation. */
@FunctionalInterface
public interface InstanceSource {

    Object newInstance() throws Exception;
}
