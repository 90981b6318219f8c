package dev.funclab.runtime.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.funclab.runtime.convert.Json;
import dev.funclab.runtime.http.LocalCallers;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.FutureCallback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The dashboard: a page (static HTML and JavaScript, no build step, nothing from the network) at
 * {@code /} for a browser on this machine, and the JSON and server-sent events it reads under
 * {@code /admin/dashboard/}. Everything else goes on to the front door. Only callers on this machine see
 * it, and never a page of another origin (the same rule as the admin endpoints).
 */
public final class DashboardHandler extends Handler.Wrapper {

    static final String PREFIX = "/admin/dashboard/";
    private static final int MAX_STREAMS = 16;
    /** The parts that speak to storage: when it does not answer, they say so (503) rather than fail. */
    private static final java.util.Set<String> STORAGE_PARTS = java.util.Set.of("storage", "peek", "blob", "requeue", "clear",
            "reset");

    private final Dashboard dashboard;

    public DashboardHandler(Handler next, Dashboard dashboard) {
        super(next);
        this.dashboard = dashboard;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        boolean page = path != null && path.equals("/") && request.getMethod().equals("GET") && wantsHtml(request)
                && !dashboard.appRoutesRoot();
        if (path == null || !(page || path.startsWith(PREFIX) || path.equals("/admin/dashboard"))) {
            return super.handle(request, response, callback);
        }
        if (!LocalCallers.isLoopback(request)) {
            send(response, callback, 404, "text/plain; charset=utf-8", "The dashboard is shown on this machine only.");
            return true;
        }
        // A DNS name rebound to 127.0.0.1 is refused as for the admin endpoints; beyond that, only the page's own
        // origin may read the dashboard (it holds the keys), not another local one.
        String crossSite = LocalCallers.crossSiteProblem(request, true);
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (crossSite != null || (origin != null && !sameOrigin(origin, request))) {
            send(response, callback, 403, "text/plain; charset=utf-8", "The dashboard answers its own page only"
                    + (crossSite == null ? "." : ": it refuses this request because " + crossSite + "."));
            return true;
        }
        String rest = page || path.equals("/admin/dashboard") ? "" : path.substring(PREFIX.length());
        Fields query = Request.extractQueryParameters(request);
        boolean post = request.getMethod().equals("POST");
        try {
            switch (rest) {
                case "", "index.html" -> resource(response, callback, "index.html", "text/html; charset=utf-8");
                case "app.js" -> resource(response, callback, "app.js", "text/javascript; charset=utf-8");
                case "style.css" -> resource(response, callback, "style.css", "text/css; charset=utf-8");
                case "state" -> json(response, callback, dashboard.state());
                case "cost" -> json(response, callback, dashboard.cost().bill());
                case "events" -> stream(response, callback);
                case "storage" -> json(response, callback, dashboard.storage().overview());
                case "mail" -> mail(response, callback);
                case "peek" -> json(response, callback, dashboard.storage().peek(required(query, "queue")));
                case "blob" -> blob(response, callback, required(query, "container"), required(query, "name"));
                case "requeue" -> onlyPost(post, response, callback,
                        () -> Map.of("moved", dashboard.storage().requeue(required(query, "queue"))));
                case "clear" -> onlyPost(post, response, callback, () -> {
                    dashboard.storage().clear(required(query, "queue"));
                    return Map.of("cleared", query.getValue("queue"));
                });
                case "reset" -> onlyPost(post, response, callback, () -> Map.of("message", dashboard.reset()));
                default -> send(response, callback, 404, "text/plain; charset=utf-8", "No such part of the dashboard: " + rest);
            }
        } catch (IllegalArgumentException e) {
            send(response, callback, 400, "text/plain; charset=utf-8", e.getMessage());
        } catch (RuntimeException e) {
            if (!STORAGE_PARTS.contains(rest)) {
                throw e;
            }
            send(response, callback, 503, "text/plain; charset=utf-8", "Storage did not answer: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ". Is Azurite running?");
        }
        return true;
    }

    private static boolean wantsHtml(Request request) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    /** The page's own origin: same host and port as the request was sent to. */
    private static boolean sameOrigin(String origin, Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private static String required(Fields query, String name) {
        String value = query.getValue(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing the query parameter '" + name + "'.");
        }
        return value;
    }

    private static void onlyPost(boolean post, Response response, Callback callback, Supplier<Object> action) {
        if (!post) {
            send(response, callback, 405, "text/plain; charset=utf-8", "Use POST.");
            return;
        }
        json(response, callback, action.get());
    }

    private void resource(Response response, Callback callback, String name, String type) throws IOException {
        try (InputStream in = DashboardHandler.class.getResourceAsStream(name)) {
            if (in == null) {
                send(response, callback, 404, "text/plain; charset=utf-8", "missing " + name);
                return;
            }
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            send(response, callback, 200, type, in.readAllBytes());
        }
    }

    private void mail(Response response, Callback callback) {
        try {
            send(response, callback, 200, "application/json; charset=utf-8", dashboard.mail());
        } catch (java.io.IOException | InterruptedException | IllegalStateException e) {
            send(response, callback, 503, "text/plain; charset=utf-8", "The mail stand-in did not answer (" + e.getMessage()
                    + "). scripts/run lab4 starts it beside the host.");
        }
    }

    private void blob(Response response, Callback callback, String container, String name) {
        StorageView.Content content = dashboard.storage().download(container, name);
        send(response, callback, 200, content.contentType(), content.bytes());
    }

    private static void json(Response response, Callback callback, Object value) {
        try {
            send(response, callback, 200, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Server-sent events: one line of JSON per change, a comment every 15 s so that proxies and the browser
     * keep the stream open. One thread per open page, and a few pages at most.
     */
    private void stream(Response response, Callback callback) {
        if (dashboard.events().subscriberCount() >= MAX_STREAMS) {
            send(response, callback, 503, "text/plain; charset=utf-8", "Too many dashboards are open; close some tabs.");
            return;
        }
        LiveEvents.Subscription subscription = dashboard.events().subscribe();
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        Thread writer = new Thread(() -> {
            try (subscription) {
                write(response, ": connected\n\n");
                while (true) {
                    String event = subscription.next(15);
                    if (LiveEvents.END.equals(event)) {
                        break;
                    }
                    write(response, event == null ? ": still here\n\n" : "data: " + event + "\n\n");
                }
                callback.succeeded();
            } catch (Exception gone) {
                // The page went away (closed, reloaded): its stream is over.
                callback.failed(gone);
            }
        }, "dashboard-events");
        writer.setDaemon(true);
        writer.start();
    }

    /** One event on the stream, waited for: a page that stopped reading ends the stream with an error. */
    private static void write(Response response, String text) throws Exception {
        FutureCallback written = new FutureCallback();
        response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), written);
        written.get(30, TimeUnit.SECONDS);
    }

    private static void send(Response response, Callback callback, int status, String type, String text) {
        send(response, callback, status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] bytes) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

}
