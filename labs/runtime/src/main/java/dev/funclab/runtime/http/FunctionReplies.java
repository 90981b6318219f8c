package dev.funclab.runtime.http;

import com.microsoft.azure.functions.HttpResponseMessage;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.invoke.InvocationResult;
import dev.funclab.runtime.log.HostLog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns what an HTTP function returned into a reply. A response the host cannot put on the wire (a bad
 * status, a header that would break the message) becomes a 500 with an empty body, as a failing function
 * does in Azure, and the log says which function and why.
 */
final class FunctionReplies {

    private final HostLog log;

    FunctionReplies(HostLog log) {
        this.log = log;
    }

    Reply of(HttpFunction function, Invocation invocation, InvocationResult result) {
        if (result.bindingFailed()) {
            // Azure fails the call when the worker cannot bind the request: 500. The kit adds the reason.
            return Reply.text(500, result.failure().getMessage());
        }
        if (!result.succeeded()) {
            return Reply.text(500, "");
        }
        Object response = result.output(function.responseOutput()).orElse(null);
        try {
            if (response instanceof HttpResponseMessage message) {
                Map<String, String> headers = new LinkedHashMap<>(ResponseHeaders.of(message));
                String problem = problemWith(message.getStatusCode(), headers);
                if (problem != null) {
                    throw new IllegalStateException(problem);
                }
                return new Reply(message.getStatusCode(), headers, ResponseBody.of(message.getBody()));
            }
            // Nothing set (null, or a void function) is a plain 200 with no body, as in Azure.
            return new Reply(200, Map.of(), ResponseBody.of(response));
        } catch (IllegalStateException e) {
            log.info("Function '" + function.name() + "' (Id=" + invocation.id() + ") returned a response the host cannot send: "
                    + e.getMessage());
            return Reply.text(500, "");
        }
    }

    /** A response the host could not put on the wire; null when it can. */
    private static String problemWith(int status, Map<String, String> headers) {
        if (status < 100 || status > 999) {
            return "its status " + status + " is not an HTTP status (100-999)";
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String value = header.getValue() == null ? "" : header.getValue();
            if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')
                    || value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                return "its header '" + name + "' is not a valid HTTP header";
            }
        }
        return null;
    }
}
