package dev.funclab.runtime.http;

import dev.funclab.runtime.function.FunctionDefinition;

import java.net.URI;
import java.util.List;

/** The HTTP view of a set of functions, and how Core Tools lists them at start-up. */
public final class HttpFunctions {

    private HttpFunctions() {
    }

    static List<HttpFunction> of(List<FunctionDefinition> functions) {
        return functions.stream().filter(f -> f.triggerType().equals("httpTrigger")).map(HttpFunction::of).toList();
    }

    /** {@code hello: [GET,POST] http://localhost:7071/api/hello}, or {@code tick: timerTrigger}. */
    public static String describe(FunctionDefinition function, URI base, HttpSettings settings) {
        if (!function.triggerType().equals("httpTrigger")) {
            return function.name() + ": " + function.triggerType();
        }
        HttpFunction http = HttpFunction.of(function);
        String url = base.toString().replaceAll("/$", "") + settings.path(http.route().text());
        return function.name() + ": " + http.methodList() + " " + url;
    }
}
