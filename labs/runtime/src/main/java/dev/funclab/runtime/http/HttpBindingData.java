package dev.funclab.runtime.http;

import dev.funclab.runtime.convert.JsonProperties;

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
        JsonProperties.of(request.body()).forEach(data::put);
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
}
