package dev.funclab.runtime.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What goes back to the client. Every answer, the host's own and a function's, is built as one of these
 * first and written in one place, so the CORS headers and the Content-Length rules apply to all alike.
 */
record Reply(int status, Map<String, String> headers, ResponseBody body) {

    /** A plain-text answer; an empty message means no body at all. */
    static Reply text(int status, String message) {
        return new Reply(status, Map.of(), ResponseBody.of(message.isEmpty() ? null : message));
    }

    /** This reply with {@code more} headers, those the function set winning. */
    Reply withHeaders(Map<String, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(more);
        merged.putAll(headers);
        return new Reply(status, merged, body);
    }

    void send(Request request, Response response, Callback callback) {
        response.setStatus(status);
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        if (body.contentType() != null && !response.getHeaders().contains(HttpHeader.CONTENT_TYPE)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
        }
        boolean noBody = status == 204 || status == 304 || request.getMethod().equals("HEAD");
        if (status != 204 && status != 304) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.bytes().length);
        }
        if (noBody) {
            callback.succeeded();
            return;
        }
        response.write(true, ByteBuffer.wrap(body.bytes()), callback);
    }
}
