package dev.funclab.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import dev.funclab.runtime.convert.Json;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.FunctionMetadata;
import dev.funclab.runtime.invoke.FunctionInvoker;

import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The host's own endpoints under {@code /admin}, as Core Tools serves them. They can list and run any
 * function, so they need the master key and refuse cross-site callers even when keys are not checked.
 */
final class AdminEndpoints {

    private static final ExecutorService ADMIN_RUNS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "admin-invoke");
        thread.setDaemon(true);
        return thread;
    });

    private final HttpSettings settings;
    private final List<FunctionDefinition> functions;
    private final FunctionInvoker invoker;
    private final AdminInvocations admin;
    private final Supplier<String> listing;

    /** {@code listing} is the front door's list of routes, named in a 404 for an unknown function. */
    AdminEndpoints(HttpSettings settings, List<FunctionDefinition> functions, FunctionInvoker invoker,
                   AdminInvocations admin, Supplier<String> listing) {
        this.settings = settings;
        this.functions = List.copyOf(functions);
        this.invoker = invoker;
        this.admin = admin;
        this.listing = listing;
    }

    /** Any path under {@code /admin/}: no CORS headers there, so no web page can read what they answer. */
    static boolean isAdminPath(Request request) {
        String path = request.getHttpURI().getPath();
        return path != null && path.toLowerCase(Locale.ROOT).startsWith("/admin/");
    }

    /** {@code /admin/host/status}, which tools poll to see that the host is up; open to anyone. */
    static boolean isHostStatus(List<String> segments) {
        return segments.size() == 3 && segments.get(0).equalsIgnoreCase("admin")
                && segments.get(1).equalsIgnoreCase("host") && segments.get(2).equalsIgnoreCase("status");
    }

    static Reply hostStatus() {
        return new Reply(200, Map.of(), ResponseBody.of(Map.of("state", "Running")));
    }

    /** {@code /admin/functions} or {@code /admin/functions/<name>}. */
    static boolean isFunctionsPath(List<String> segments) {
        return segments.size() >= 2 && segments.size() <= 3 && segments.get(0).equalsIgnoreCase("admin")
                && segments.get(1).equalsIgnoreCase("functions");
    }

    /** Answers a request on {@link #isFunctionsPath}: refuses it when cross-site, else metadata or a run. */
    Reply functions(Request request, List<String> segments) {
        String name = segments.size() == 3 ? segments.get(2) : null;
        String crossSite = LocalCallers.crossSiteProblem(request, isLoopbackConnection(request));
        if (crossSite != null) {
            return Reply.text(403, "Admin requests are refused when " + crossSite
                    + ". Call the host directly (curl, the test kit, the dashboard on the host's own address).");
        }
        return request.getMethod().equals("GET") ? metadata(request, name) : invoke(request, name);
    }

    /**
     * {@code GET /admin/functions} and {@code GET /admin/functions/<name>}: what each function is, with its
     * {@code function.json} bindings, as Azure's admin API answers; needs the master key.
     */
    private Reply metadata(Request request, String name) {
        if (!hasMasterKey(request)) {
            return keyNeeded();
        }
        if (name == null) {
            return new Reply(200, Map.of(), ResponseBody.of(functions.stream().map(FunctionMetadata::of).toList()));
        }
        return functions.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst()
                .map(f -> new Reply(200, Map.of(), ResponseBody.of(FunctionMetadata.of(f))))
                .orElseGet(() -> Reply.text(404, "No function named '" + name + "'. This host serves: " + listing.get()));
    }

    /**
     * {@code POST /admin/functions/<name>} with {@code {"input": "..."}}: runs a function that has no
     * HTTP trigger, as Core Tools does; needs the master key. Answers 202 and runs it in the background.
     */
    private Reply invoke(Request request, String name) {
        if (!request.getMethod().equals("POST") || name == null) {
            return Reply.text(404, "Use POST /admin/functions/<name> with a JSON body {\"input\": \"...\"}, "
                    + "or GET /admin/functions[/<name>] to see the functions.");
        }
        if (!hasMasterKey(request)) {
            return keyNeeded();
        }
        String input;
        try {
            byte[] body = RequestBodies.of(request);
            JsonNode json = body.length == 0 ? null : Json.MAPPER.readTree(body);
            if (json != null && !json.isObject()) {
                throw new IOException("not an object");
            }
            JsonNode value = json == null ? null : json.get("input");
            input = value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
        } catch (IOException e) {
            return Reply.text(400, "Send a JSON object such as {\"input\": \"some text\"}.");
        }
        AdminInvocations.Outcome outcome = admin.create(name, input);
        if (outcome.invocation() == null) {
            return Reply.text(outcome.status(), outcome.message());
        }
        ADMIN_RUNS.execute(() -> invoker.invoke(outcome.invocation(), FrontDoor.REASON));
        return Reply.text(202, "");
    }

    private boolean hasMasterKey(Request request) {
        return !settings.checkKeys() || settings.keys().allows(AuthorizationLevel.ADMIN,
                RequestParts.presentedKey(RequestParts.headers(request),
                        RequestParts.queryValues(RequestParts.queryFields(request), false)));
    }

    private static Reply keyNeeded() {
        return Reply.text(401, "Admin requests need the master key ('Master key: ...' at start-up) in the "
                + "'x-functions-key' header or the 'code' query parameter.");
    }

    /** A connection made to a loopback address: a Host header naming another machine is then a rebound DNS name. */
    private static boolean isLoopbackConnection(Request request) {
        var local = request.getConnectionMetaData().getLocalSocketAddress();
        return local instanceof InetSocketAddress address && address.getAddress() != null
                && address.getAddress().isLoopbackAddress();
    }
}
