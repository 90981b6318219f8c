package dev.funclab.runtime.convert;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The top-level properties of a JSON object payload, as binding data: an HTTP body or a queue
 * message {@code {"blobName": "cat.jpg"}} lets a binding say {@code images/{blobName}}.
 */
public final class JsonProperties {

    private JsonProperties() {
    }

    /** Scalars as text, objects and arrays as JSON nodes; empty when the payload is not a JSON object. */
    public static Map<String, Object> of(byte[] payload) {
        Map<String, Object> properties = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (payload == null || !startsWithBrace(payload)) {
            return properties;
        }
        try {
            JsonNode root = Json.MAPPER.readTree(payload);
            if (root != null && root.isObject()) {
                root.fields().forEachRemaining(field -> properties.put(field.getKey(),
                        field.getValue().isValueNode() ? field.getValue().asText() : field.getValue()));
            }
        } catch (IOException notJson) {
            // A payload that is not JSON adds no binding data.
        }
        return properties;
    }

    private static boolean startsWithBrace(byte[] payload) {
        for (byte b : payload) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }
}
