package dev.funclab.runtime.function;

import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;

/** An input binding kind: reads data for a parameter before the function runs. */
public interface InputSupport<A extends Annotation> {

    Class<A> annotationType();

    /**
     * Checks the parameter and returns how to fill it at each invocation.
     *
     * @throws FunctionConfigurationException when the binding or the parameter type is wrong
     */
    ArgumentSource argument(FunctionSignature signature, Parameter parameter, A annotation);
}
