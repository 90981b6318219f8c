package dev.funclab.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.funclab.runtime.convert.Json;

import java.nio.charset.StandardCharsets;

/**
 * How a response body goes on the wire, as the Java worker sends it: text as UTF-8 text,
 * bytes as they are, anything else as JSON.
 */
record ResponseBody(byte[] bytes, String contentType) {

    static final ResponseBody EMPTY = new ResponseBody(new byte[0], null);

    static ResponseBody of(Object body) {
        if (body == null) {
            return EMPTY;
        }
        if (body instanceof byte[] bytes) {
            return new ResponseBody(bytes, "application/octet-stream");
        }
        if (body instanceof CharSequence text) {
            return new ResponseBody(text.toString().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        }
        try {
            return new ResponseBody(Json.MAPPER.writeValueAsBytes(body), "application/json; charset=utf-8");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The response body (" + body.getClass().getName()
                    + ") cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
