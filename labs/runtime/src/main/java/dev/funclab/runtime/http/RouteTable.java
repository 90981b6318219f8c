package dev.funclab.runtime.http;

import com.microsoft.azure.functions.HttpMethod;
import dev.funclab.runtime.function.FunctionConfigurationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the function for a request. Routes are ordered once, at start-up, by ASP.NET Core's
 * precedence; a request goes to the first route whose template and methods both match.
 * The method is part of the route, so a wrong method is a 404, as in Azure.
 */
final class RouteTable {

    record Match(HttpFunction function, Map<String, String> routeValues) {
    }

    private final List<HttpFunction> routes;

    RouteTable(List<HttpFunction> functions) {
        List<HttpFunction> sorted = new ArrayList<>(functions);
        sorted.sort(Comparator.comparing((HttpFunction f) -> f.route().precedence())
                .thenComparing(f -> f.route().text().toLowerCase()));
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                HttpFunction a = sorted.get(i);
                HttpFunction b = sorted.get(j);
                EnumSet<HttpMethod> shared = EnumSet.copyOf(a.methods());
                shared.retainAll(b.methods());
                if (a.route().text().equalsIgnoreCase(b.route().text()) && !shared.isEmpty()) {
                    throw new FunctionConfigurationException("Functions '" + a.name() + "' and '" + b.name()
                            + "' both answer " + shared + " on route '" + a.route() + "'. Give them different "
                            + "routes or different methods.");
                }
            }
        }
        this.routes = Collections.unmodifiableList(sorted);
    }

    Optional<Match> find(HttpMethod method, List<String> path) {
        for (HttpFunction function : routes) {
            if (!function.methods().contains(method)) {
                continue;
            }
            Optional<Map<String, String>> values = function.route().match(path);
            if (values.isPresent()) {
                return Optional.of(new Match(function, values.get()));
            }
        }
        return Optional.empty();
    }

    List<HttpFunction> functions() {
        return routes;
    }
}
