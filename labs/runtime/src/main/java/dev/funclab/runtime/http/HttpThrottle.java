package dev.funclab.runtime.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

import java.time.Duration;

/**
 * Lets {@link HttpLimits#maxConcurrentRequests()} function calls run at once and holds up to
 * {@link HttpLimits#maxOutstandingRequests()} in all; the rest are answered 429 at once, as Azure's
 * HTTP throttle does. A waiting call holds no thread. The host's own endpoints ({@code /admin/...} and
 * the status page) are never held back, so a health check answers even when every seat is taken.
 */
final class HttpThrottle extends QoSHandler {

    private final HttpLimits limits;

    HttpThrottle(Handler next, HttpLimits limits, Duration maxWait) {
        super(next);
        this.limits = limits;
        setMaxRequestCount(limits.maxConcurrentRequests());
        setMaxSuspendedRequestCount(limits.maxOutstandingRequests() - limits.maxConcurrentRequests());
        setMaxSuspend(maxWait);
        setRejectStatusCode(429);
        exclude(HttpThrottle::isHostEndpoint);
    }

    private static boolean isHostEndpoint(Request request) {
        String path = request.getHttpURI().getPath();
        return path == null || path.equals("/") || path.isEmpty() || AdminEndpoints.isAdminPath(request);
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        String message = "The host is busy: " + limits.maxOutstandingRequests() + " calls are running or waiting for "
                + "a turn (host.json extensions.http.maxOutstandingRequests; at most " + limits.maxConcurrentRequests()
                + " run at once, maxConcurrentRequests). Try again in a moment.";
        response.getHeaders().put("Retry-After", "1");
        Reply.text(status, message).send(request, response, callback);
    }
}
