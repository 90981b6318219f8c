package dev.funclab.runtime.http;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.HttpOutput;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.OutputBindingSpec;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** An HTTP-triggered function as the router sees it. */
record HttpFunction(FunctionDefinition definition, RouteTemplate route, Set<HttpMethod> methods,
                    AuthorizationLevel authLevel, String responseOutput) {

    static HttpFunction of(FunctionDefinition definition) {
        HttpTrigger trigger = definition.trigger(HttpTrigger.class).orElseThrow();
        String route = trigger.route().isEmpty() ? definition.name() : trigger.route();
        Set<HttpMethod> methods = trigger.methods().length == 0 ? EnumSet.allOf(HttpMethod.class)
                : EnumSet.copyOf(Arrays.asList(trigger.methods()));
        // The response comes from an @HttpOutput parameter when there is one, else from the return value.
        String responseOutput = definition.outputs().values().stream()
                .filter(o -> o.annotation() instanceof HttpOutput && !o.name().equals(OutputBindingSpec.RETURN))
                .map(OutputBindingSpec::name)
                .findFirst().orElse(OutputBindingSpec.RETURN);
        return new HttpFunction(definition, RouteTemplate.parse(route), methods, trigger.authLevel(), responseOutput);
    }

    String name() {
        return definition.name();
    }

    boolean allMethods() {
        return methods.size() == HttpMethod.values().length;
    }

    /** {@code [GET,POST]} as Core Tools prints it. */
    String methodList() {
        return allMethods() ? "[ALL]" : methods.stream().map(Enum::name).collect(Collectors.joining(",", "[", "]"));
    }
}
