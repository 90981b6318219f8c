package dev.funclab.runtime.function;

import java.lang.annotation.Annotation;

/**
 * An output binding kind. After a successful invocation the host hands each output value to
 * {@link #writer}; a {@code null} writer means the trigger itself consumes the value (HTTP responses).
 */
public interface OutputSupport<A extends Annotation> {

    Class<A> annotationType();

    /** Checks the binding and returns what writes its values, or null if the trigger reads them. */
    OutputWriter writer(FunctionSignature signature, A annotation);
}
