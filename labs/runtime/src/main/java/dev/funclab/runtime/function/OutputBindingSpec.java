package dev.funclab.runtime.function;

import java.lang.annotation.Annotation;

/**
 * One output of a function: a parameter of type {@code OutputBinding<T>} or the return value
 * ({@value #RETURN}). A null writer means the trigger consumes the value itself.
 */
public record OutputBindingSpec(String name, Annotation annotation, OutputWriter writer) {
    public static final String RETURN = "$return";
}
