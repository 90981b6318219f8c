package dev.funclab.runtime.function;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/** A function the host cannot run as written; thrown at start-up, never per request. */
public class FunctionConfigurationException extends RuntimeException {

    public FunctionConfigurationException(String message) {
        super(message);
    }

    /** "Function 'hello' (com.example.Hello.run), parameter 'req': ..." */
    public static FunctionConfigurationException of(String function, Method method, Parameter parameter, String problem) {
        String where = parameter == null ? "" : ", parameter '" + parameter.getName() + "'";
        return new FunctionConfigurationException("Function '" + function + "' (" + method.getDeclaringClass().getName()
                + "." + method.getName() + ")" + where + ": " + problem);
    }
}
