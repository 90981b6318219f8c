package dev.funclab.runtime.function;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/** The function being checked, so that every error message can say where the problem is. */
public record FunctionSignature(String name, Method method) {

    public FunctionConfigurationException problem(Parameter parameter, String problem) {
        return FunctionConfigurationException.of(name, method, parameter, problem);
    }

    public FunctionConfigurationException problem(String problem) {
        return FunctionConfigurationException.of(name, method, null, problem);
    }
}
