package dev.funclab.runtime.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cross-origin requests from web pages, as Core Tools allows them from {@code local.settings.json}:
 * {@code Host.CORS} lists the origins ({@code *} for any) and {@code Host.CORSCredentials} lets pages
 * send cookies. An allowed origin gets the {@code Access-Control-Allow-*} headers on every answer, and
 * a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered with 204;
 * other origins get no such headers, so the browser keeps the answer from the page.
 */
public record CorsPolicy(List<String> origins, boolean credentials) {

    public static final CorsPolicy NONE = new CorsPolicy(List.of(), false);

    /** From {@code Host.CORS} (comma-separated origins, may be empty) and {@code Host.CORSCredentials}. */
    public static CorsPolicy of(String origins, boolean credentials) {
        List<String> list = origins == null ? List.of() : Arrays.stream(origins.split(","))
                .map(String::strip).filter(o -> !o.isEmpty()).map(o -> o.replaceAll("/+$", "")).toList();
        return new CorsPolicy(list, credentials);
    }

    boolean allows(String origin) {
        if (origin == null || origins.isEmpty()) {
            return false;
        }
        String wanted = origin.strip().toLowerCase(Locale.ROOT);
        return origins.stream().anyMatch(o -> o.equals("*") || o.toLowerCase(Locale.ROOT).equals(wanted));
    }

    /** The headers every answer to {@code origin} carries; empty when it is not allowed. */
    Map<String, String> headersFor(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!allows(origin)) {
            return headers;
        }
        boolean any = origins.contains("*") && !credentials;
        headers.put("Access-Control-Allow-Origin", any ? "*" : origin.strip());
        if (credentials) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        if (!any) {
            headers.put("Vary", "Origin");
        }
        return headers;
    }

    /** The answer to a preflight from an allowed origin: what it asked for, for ten minutes. */
    Map<String, String> preflightHeadersFor(String origin, String method, String requestHeaders) {
        Map<String, String> headers = headersFor(origin);
        if (headers.isEmpty()) {
            return headers;
        }
        headers.put("Access-Control-Allow-Methods", method == null ? "GET" : method.strip());
        if (requestHeaders != null && !requestHeaders.isBlank()) {
            headers.put("Access-Control-Allow-Headers", requestHeaders.strip());
        }
        headers.put("Access-Control-Max-Age", "600");
        return headers;
    }
}
