package dev.funclab.runtime.http;

import com.microsoft.azure.functions.annotation.HttpTrigger;
import dev.funclab.runtime.function.FunctionDefinition;

import java.util.List;

/** The HTTP view of a set of functions. */
public final class HttpFunctions {

    private HttpFunctions() {
    }

    static List<HttpFunction> of(List<FunctionDefinition> functions) {
        return functions.stream().filter(f -> f.trigger(HttpTrigger.class).isPresent()).map(HttpFunction::of).toList();
    }
}
