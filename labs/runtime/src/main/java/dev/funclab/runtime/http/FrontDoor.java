package dev.funclab.runtime.http;

import com.microsoft.azure.functions.HttpMethod;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.invoke.InvocationResult;
import dev.funclab.runtime.log.HostLog;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The HTTP side of the host: routes each request to its function, checks keys, reads the body
 * within the size limit, invokes, and writes the response. Bad requests get a 4xx with a reason;
 * only a failing function gives a 500, with an empty body as in Azure. The steps live in
 * {@link RequestParts}, {@link AdminEndpoints}, {@link FunctionReplies} and {@link Reply}; this class
 * only decides their order.
 */
public final class FrontDoor extends Handler.Abstract {

    static final String REASON = "This function was programmatically called via the host APIs.";

    private final HttpSettings settings;
    private final RouteTable routes;
    private final FunctionInvoker invoker;
    private final AdminEndpoints admin;
    private final FunctionReplies replies;
    private final HostLog log;

    public FrontDoor(HttpSettings settings, List<FunctionDefinition> functions, FunctionInvoker invoker,
                     AdminInvocations admin, HostLog log) {
        this.settings = settings;
        this.routes = new RouteTable(HttpFunctions.of(functions));
        this.invoker = invoker;
        this.admin = new AdminEndpoints(settings, functions, invoker, admin, this::listing);
        this.replies = new FunctionReplies(log);
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Reply reply;
        try {
            reply = answer(request);
        } catch (BadRequest e) {
            reply = Reply.text(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            // The host's own fault: say so in the log, never leave the client hanging.
            log.error("The host failed on " + request.getMethod() + " " + request.getHttpURI().getPath(), e);
            reply = Reply.text(500, "");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !AdminEndpoints.isAdminPath(request)) {
            reply = reply.withHeaders(settings.cors().headersFor(origin));
        }
        reply.send(request, response, callback);
        return true;
    }

    private Reply answer(Request request) {
        String path = request.getHttpURI().getPath();
        String preflight = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD);
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (request.getMethod().equals("OPTIONS") && preflight != null && origin != null
                && !AdminEndpoints.isAdminPath(request)) {
            // A browser asks before a cross-origin call; Host.CORS in local.settings.json decides.
            return new Reply(204, settings.cors().preflightHeadersFor(origin, preflight,
                    request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS)), ResponseBody.of(null));
        }
        List<String> segments = RequestParts.segments(path);
        if (segments.isEmpty()) {
            return Reply.text(200, "The function host is running." + (LocalCallers.isLoopback(request)
                    ? " Functions: " + listing() : ""));
        }
        if (AdminEndpoints.isHostStatus(segments)) {
            return AdminEndpoints.hostStatus();
        }
        if (AdminEndpoints.isFunctionsPath(segments)) {
            return admin.functions(request, segments);
        }
        Optional<List<String>> routePath = settings.withoutPrefix(segments);
        HttpMethod method = RequestParts.methodOf(request.getMethod());
        Optional<RouteTable.Match> match = routePath.isEmpty() || method == null ? Optional.empty()
                : routes.find(method, routePath.get());
        if (match.isEmpty()) {
            // The routes are listed to callers on this machine only: no map of the app for the network.
            return Reply.text(404, "No function answers " + request.getMethod() + " " + path + "."
                    + (LocalCallers.isLoopback(request) ? " This host serves: " + listing() : ""));
        }
        HttpFunction function = match.get().function();
        Fields queryFields = RequestParts.queryFields(request);
        Map<String, String> query = RequestParts.queryValues(queryFields, false);
        Map<String, String> headers = RequestParts.headers(request);
        if (settings.checkKeys()
                && !settings.keys().allows(function.authLevel(), RequestParts.presentedKey(headers, query))) {
            return Reply.text(401, "Function '" + function.name() + "' has authLevel " + function.authLevel()
                    + " and needs a key. Send it in the 'x-functions-key' header or the 'code' query parameter; "
                    + "the host printed it at start-up ('Function key: ...').");
        }
        byte[] body = RequestBodies.of(request);
        RawHttpRequest raw = new RawHttpRequest(method, request.getHttpURI().asString(), headers, query, body,
                match.get().routeValues());
        return invoke(function, raw, HttpBindingData.of(raw, RequestParts.queryValues(queryFields, true)));
    }

    private Reply invoke(HttpFunction function, RawHttpRequest request, Map<String, Object> bindingData) {
        Invocation invocation = new Invocation(function.definition(), request, bindingData)
                .tracedBy(request.headers().get("traceparent"), request.headers().get("tracestate"));
        InvocationResult result = invoker.invoke(invocation, REASON);
        return replies.of(function, invocation, result);
    }

    private String listing() {
        return routes.functions().stream()
                .map(f -> f.methodList() + " " + settings.path(f.route().text()))
                .collect(Collectors.joining(", "));
    }

    /** An HTTP function's path and methods, for the dashboard; empty for a function with another trigger. */
    public Optional<HttpEndpoint> endpoint(FunctionDefinition function) {
        return routes.functions().stream().filter(f -> f.definition() == function).findFirst()
                .map(http -> new HttpEndpoint(settings.path(http.route().text()),
                        List.of(http.methodList().replaceAll("[\\[\\]]", "").split(","))));
    }

    /**
     * @param path    {@code /api/products/{id:int}}
     * @param methods {@code GET}, {@code POST}..., or {@code ALL}
     */
    public record HttpEndpoint(String path, List<String> methods) {
    }

    /** True when a function answers {@code GET /}: then the dashboard lives at /admin/dashboard/ only. */
    public boolean routesRoot() {
        Optional<List<String>> root = settings.withoutPrefix(List.of());
        return root.isPresent() && routes.find(HttpMethod.GET, root.get()).isPresent();
    }

    /**
     * How Core Tools lists a function at start-up: {@code hello: [GET,POST] http://localhost:7071/api/hello},
     * or {@code work: queueTrigger} for a function with another trigger.
     */
    public String describe(FunctionDefinition function, URI base) {
        return routes.functions().stream().filter(f -> f.definition() == function).findFirst()
                .map(http -> function.name() + ": " + http.methodList() + " "
                        + base.toString().replaceAll("/$", "") + settings.path(http.route().text()))
                .orElse(function.name() + ": " + function.triggerType());
    }
}
