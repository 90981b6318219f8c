package dev.funclab.runtime.http;

import com.microsoft.azure.functions.annotation.HttpOutput;
import dev.funclab.runtime.function.FunctionSignature;
import dev.funclab.runtime.function.OutputSupport;
import dev.funclab.runtime.function.OutputWriter;

/** {@code @HttpOutput}: the response set on an {@code OutputBinding}; the front door sends it. */
public final class HttpOutputSupport implements OutputSupport<HttpOutput> {

    @Override
    public Class<HttpOutput> annotationType() {
        return HttpOutput.class;
    }

    @Override
    public OutputWriter writer(FunctionSignature signature, HttpOutput annotation) {
        return null;
    }
}
