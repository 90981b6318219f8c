package dev.funclab.runtime.http;

import dev.funclab.runtime.convert.PojoJson;

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
        return new ResponseBody(PojoJson.writeBytes(body), "application/json; charset=utf-8");
    }
}
