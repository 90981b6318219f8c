package dev.funclab.runtime.http;

import com.microsoft.azure.functions.HttpResponseMessage;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers of a response a function returned. The library's interface can only look a header up by
 * name ({@code getHeader}), so for a response the app made itself (a test double, an adapter's class)
 * they are read from its {@code getHeaders()} map when it has one, else looked up by the names
 * responses commonly carry.
 */
final class ResponseHeaders {

    /** What a response made without the host's builder is asked for when it lists no headers itself. */
    private static final List<String> COMMON = List.of("Content-Type", "Content-Disposition", "Content-Encoding",
            "Content-Language", "Location", "Cache-Control", "ETag", "Last-Modified", "Expires", "Set-Cookie",
            "WWW-Authenticate", "Retry-After", "Vary", "Allow", "Access-Control-Allow-Origin",
            "Access-Control-Allow-Credentials", "Access-Control-Expose-Headers", "X-Content-Type-Options");

    private ResponseHeaders() {
    }

    static Map<String, String> of(HttpResponseMessage message) {
        if (message instanceof HostResponse hostResponse) {
            return hostResponse.headers();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Map<?, ?> listed = listedHeaders(message);
        if (listed != null) {
            listed.forEach((name, value) -> {
                if (name != null && value != null) {
                    headers.put(name.toString(), value instanceof Iterable<?> values ? join(values) : value.toString());
                }
            });
            return headers;
        }
        for (String name : COMMON) {
            String value = message.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    /** The map a public {@code getHeaders()} returns, or null when the class has none. */
    private static Map<?, ?> listedHeaders(HttpResponseMessage message) {
        try {
            Method getter = message.getClass().getMethod("getHeaders");
            if (!Map.class.isAssignableFrom(getter.getReturnType())) {
                return null;
            }
            getter.trySetAccessible(); // the app's class may be package-private
            return (Map<?, ?>) getter.invoke(message);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String join(Iterable<?> values) {
        StringBuilder joined = new StringBuilder();
        for (Object value : values) {
            joined.append(joined.isEmpty() ? "" : ",").append(value);
        }
        return joined.toString();
    }
}
