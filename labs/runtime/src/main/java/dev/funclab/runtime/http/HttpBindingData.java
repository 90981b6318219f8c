package dev.funclab.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.convert.Json;

import java.util.Map;
import java.util.TreeMap;

/**
 * The trigger metadata of an HTTP request, what {@code @BindingName} and binding expressions read,
 * built in the order the Azure host uses so that later sources win: top-level properties of a JSON
 * body, then query values (the last of repeated ones; never {@code code}), then route values;
 * {@code Query} and {@code Headers} hold the collections unless a value already took the name.
 */
final class HttpBindingData {

    private HttpBindingData() {
    }

    static Map<String, Object> of(RawHttpRequest request, Map<String, String> lastQueryValues) {
        Map<String, Object> data = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        bodyProperties(request.body()).forEach(data::put);
        lastQueryValues.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("code")) {
                data.put(name, value);
            }
        });
        data.putAll(request.routeValues());
        data.putIfAbsent("Query", request.query());
        data.putIfAbsent("Headers", request.headers());
        return data;
    }

    private static Map<String, Object> bodyProperties(byte[] body) {
        Map<String, Object> properties = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (body.length == 0 || body[0] != '{' && !startsWithObject(body)) {
            return properties;
        }
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            if (root != null && root.isObject()) {
                root.fields().forEachRemaining(field -> properties.put(field.getKey(),
                        field.getValue().isValueNode() ? field.getValue().asText() : field.getValue()));
            }
        } catch (java.io.IOException notJson) {
            // A body that is not JSON simply adds no binding data.
        }
        return properties;
    }

    private static boolean startsWithObject(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }
}
