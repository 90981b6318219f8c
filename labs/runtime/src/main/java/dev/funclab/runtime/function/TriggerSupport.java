package dev.funclab.runtime.function;

import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;

/**
 * What the host knows about one kind of trigger: its {@code function.json} type name and how the
 * trigger's payload becomes the parameter a function declares. Listeners live elsewhere.
 */
public interface TriggerSupport<A extends Annotation> {

    Class<A> annotationType();

    /**
     * Checks the trigger parameter and returns how to fill it at each invocation.
     *
     * @throws FunctionConfigurationException when the parameter type cannot carry this trigger
     */
    ArgumentSource argument(FunctionSignature signature, Parameter parameter, A annotation);

    /** The listener that invokes {@code function}; null for triggers served elsewhere (HTTP). */
    default TriggerListener listener(FunctionDefinition function, dev.funclab.runtime.invoke.FunctionInvoker invoker) {
        return null;
    }

    /**
     * The call that {@code POST /admin/functions/<name>} makes, with the request's {@code input}, as
     * Core Tools does for functions without an HTTP trigger; null when this trigger has none.
     */
    default dev.funclab.runtime.invoke.Invocation adminInvocation(FunctionDefinition function, String input) {
        return null;
    }

    /**
     * The names of the binding data this trigger gives a function (checked by {@link #argument} first), when
     * they are known before any event: a blob path's {@code {name}} parts, say. Empty when the data depends on
     * the event (the properties of a JSON message, an HTTP query), so that nothing can be checked at start-up.
     */
    default java.util.Optional<java.util.Set<String>> knownBindingData(FunctionSignature signature) {
        return java.util.Optional.empty();
    }

    /** True when the trigger answers with the return value, as HTTP does with its response. */
    default boolean answersWithReturnValue() {
        return false;
    }
}
