package dev.funclab.runtime.function;

import com.microsoft.azure.functions.annotation.BindingName;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/** A function the host cannot run as written; thrown at start-up, never per request. */
public class FunctionConfigurationException extends RuntimeException {

    public FunctionConfigurationException(String message) {
        super(message);
    }

    /** "Function 'hello' (com.example.Hello.run), parameter 'req': ..." */
    public static FunctionConfigurationException of(String function, Method method, Parameter parameter, String problem) {
        String where = parameter == null ? "" : ", parameter '" + nameOf(parameter) + "'";
        return new FunctionConfigurationException("Function '" + function + "' (" + method.getDeclaringClass().getName()
                + "." + method.getName() + ")" + where + ": " + problem);
    }

    /**
     * A parameter as function.json names it: its binding's {@code name}, else its {@code @BindingName},
     * else its Java name (which is arg0, arg1... unless the app was compiled with -parameters).
     */
    static String nameOf(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (annotation instanceof BindingName bindingName) {
                return bindingName.value();
            }
            if (Bindings.isBinding(annotation)) {
                String name = FunctionFactory.bindingName(annotation);
                if (!name.isBlank() && !name.equals(annotation.annotationType().getSimpleName())) {
                    return name;
                }
            }
        }
        return parameter.getName();
    }
}
