package dev.funclab.runtime.http;

import org.eclipse.jetty.server.Handler;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the front door behaves: route prefix ({@code host.json}), keys and whether they are checked,
 * the request body limit (100 MB, as in Azure), the origins web pages may call from, and how much work
 * it takes on at once.
 */
public record HttpSettings(String routePrefix, FunctionKeys keys, boolean checkKeys, long maxRequestBodySize, CorsPolicy cors,
                           HttpLimits limits) {

    public static final long DEFAULT_MAX_REQUEST_BODY_SIZE = 104_857_600L;
    /** Azure's load balancer gives up on a call after 230 s; a call waiting for a turn here does too. */
    static final Duration AZURE_REQUEST_TIMEOUT = Duration.ofSeconds(230);

    /**
     * The handlers a request goes through, outermost first: its body is read without holding a thread
     * ({@link RequestBodies}), it waits for a turn ({@link HttpThrottle}), and {@code answer} (the dashboard,
     * then the front door) answers it.
     */
    public Handler handlers(Handler answer) {
        return new RequestBodies(new HttpThrottle(answer, limits, AZURE_REQUEST_TIMEOUT), maxRequestBodySize, limits);
    }

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
