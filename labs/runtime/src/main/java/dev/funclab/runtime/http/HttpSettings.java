package dev.funclab.runtime.http;

import java.util.List;
import java.util.Optional;

/**
 * How the front door behaves: route prefix ({@code host.json}), keys and whether they are checked,
 * the request body limit (100 MB, as in Azure) and the origins web pages may call from.
 */
public record HttpSettings(String routePrefix, FunctionKeys keys, boolean checkKeys, long maxRequestBodySize, CorsPolicy cors) {

    public static final long DEFAULT_MAX_REQUEST_BODY_SIZE = 104_857_600L;

    /** The request path without the route prefix, or empty when the prefix is not there. */
    Optional<List<String>> withoutPrefix(List<String> segments) {
        if (routePrefix.isEmpty()) {
            return Optional.of(segments);
        }
        List<String> prefix = List.of(routePrefix.split("/"));
        if (segments.size() < prefix.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!prefix.get(i).equalsIgnoreCase(segments.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(segments.subList(prefix.size(), segments.size()));
    }

    /** {@code /api/products/{id:int}} for the route {@code products/{id:int}}. */
    public String path(String route) {
        String joined = routePrefix.isEmpty() ? route : route.isEmpty() ? routePrefix : routePrefix + "/" + route;
        return "/" + joined;
    }
}
