package dev.funclab.runtime.http;

import com.microsoft.azure.functions.HttpMethod;

import java.net.URI;
import java.util.Map;

/**
 * An HTTP request as the front door read it, before the function's body type is applied.
 * Header names are case-insensitive; repeated headers and query values are joined with commas.
 *
 * @param target the request's URI as it came; parsed only when a function asks for it ({@link #uri()})
 */
public record RawHttpRequest(HttpMethod method, String target, Map<String, String> headers, Map<String, String> query,
                             byte[] body, Map<String, String> routeValues) {

    public URI uri() {
        return RequestParts.uri(target);
    }
}
