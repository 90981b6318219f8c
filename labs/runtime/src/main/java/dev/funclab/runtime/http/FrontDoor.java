package dev.funclab.runtime.http;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.FunctionMetadata;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.invoke.InvocationResult;
import dev.funclab.runtime.log.HostLog;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The HTTP side of the host: routes each request to its function, checks keys, reads the body
 * within the size limit, invokes, and writes the response. Bad requests get a 4xx with a reason;
 * only a failing function gives a 500, with an empty body as in Azure.
 */
public final class FrontDoor extends Handler.Abstract {

    static final String REASON = "This function was programmatically called via the host APIs.";

    private final HttpSettings settings;
    private final RouteTable routes;
    private final FunctionInvoker invoker;
    private final AdminInvocations admin;
    private final List<FunctionDefinition> functions;
    private final HostLog log;

    public FrontDoor(HttpSettings settings, List<FunctionDefinition> functions, FunctionInvoker invoker,
                     AdminInvocations admin, HostLog log) {
        this.settings = settings;
        this.routes = new RouteTable(HttpFunctions.of(functions));
        this.invoker = invoker;
        this.admin = admin;
        this.functions = List.copyOf(functions);
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Reply reply;
        try {
            reply = answer(request);
        } catch (BadRequest e) {
            reply = Reply.text(e.status, e.getMessage());
        } catch (RuntimeException e) {
            // The host's own fault: say so in the log, never leave the client hanging.
            log.error("The host failed on " + request.getMethod() + " " + request.getHttpURI().getPath(), e);
            reply = Reply.text(500, "");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !isAdminPath(request)) {
            reply = reply.withHeaders(settings.cors().headersFor(origin));
        }
        if (reply.status() == 413 || !drained(request)) {
            // A body left unread must not be taken for the next request on this connection.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        reply.send(request, response, callback);
        return true;
    }

    /**
     * Reads what is left of a request body that was answered without reading it (a 401, a 404),
     * so that the connection can carry the next request; false when too much is left to bother.
     */
    private static boolean drained(Request request) {
        try (InputStream rest = Content.Source.asInputStream(request)) {
            return rest.readNBytes(1_048_576 + 1).length <= 1_048_576;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Reply answer(Request request) {
        String path = request.getHttpURI().getPath();
        String preflight = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD);
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (request.getMethod().equals("OPTIONS") && preflight != null && origin != null && !isAdminPath(request)) {
            // A browser asks before a cross-origin call; Host.CORS in local.settings.json decides.
            return new Reply(204, settings.cors().preflightHeadersFor(origin, preflight,
                    request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS)), ResponseBody.of(null));
        }
        List<String> segments = segments(path);
        if (segments.isEmpty()) {
            return Reply.text(200, "The function host is running." + (LocalCallers.isLoopback(request)
                    ? " Functions: " + listing() : ""));
        }
        if (segments.size() == 3 && segments.get(0).equalsIgnoreCase("admin")
                && segments.get(1).equalsIgnoreCase("host") && segments.get(2).equalsIgnoreCase("status")) {
            return new Reply(200, Map.of(), ResponseBody.of(Map.of("state", "Running")));
        }
        if (segments.size() >= 2 && segments.size() <= 3 && segments.get(0).equalsIgnoreCase("admin")
                && segments.get(1).equalsIgnoreCase("functions")) {
            String name = segments.size() == 3 ? segments.get(2) : null;
            String crossSite = LocalCallers.crossSiteProblem(request, isLoopbackConnection(request));
            if (crossSite != null) {
                return Reply.text(403, "Admin requests are refused when " + crossSite
                        + ". Call the host directly (curl, the test kit, the dashboard on the host's own address).");
            }
            return request.getMethod().equals("GET") ? adminMetadata(request, name) : adminInvoke(request, name);
        }
        Optional<List<String>> routePath = settings.withoutPrefix(segments);
        HttpMethod method = methodOf(request.getMethod());
        Optional<RouteTable.Match> match = routePath.isEmpty() || method == null ? Optional.empty()
                : routes.find(method, routePath.get());
        if (match.isEmpty()) {
            // The routes are listed to callers on this machine only: no map of the app for the network.
            return Reply.text(404, "No function answers " + request.getMethod() + " " + path + "."
                    + (LocalCallers.isLoopback(request) ? " This host serves: " + listing() : ""));
        }
        HttpFunction function = match.get().function();
        Fields queryFields = queryFields(request);
        Map<String, String> query = queryValues(queryFields, false);
        Map<String, String> headers = headers(request);
        if (settings.checkKeys() && !settings.keys().allows(function.authLevel(), presentedKey(headers, query))) {
            return Reply.text(401, "Function '" + function.name() + "' has authLevel " + function.authLevel()
                    + " and needs a key. Send it in the 'x-functions-key' header or the 'code' query parameter; "
                    + "the host printed it at start-up ('Function key: ...').");
        }
        byte[] body = readBody(request, headers);
        RawHttpRequest raw = new RawHttpRequest(method, uri(request), headers, query, body, match.get().routeValues());
        return invoke(function, raw, HttpBindingData.of(raw, queryValues(queryFields, true)));
    }

    private Reply invoke(HttpFunction function, RawHttpRequest request, Map<String, Object> bindingData) {
        Invocation invocation = new Invocation(function.definition(), request, bindingData)
                .tracedBy(request.headers().get("traceparent"), request.headers().get("tracestate"));
        InvocationResult result = invoker.invoke(invocation, REASON);
        if (result.badInput()) {
            return Reply.text(400, result.failure().getMessage());
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

    /**
     * {@code GET /admin/functions} and {@code GET /admin/functions/<name>}: what each function is, with its
     * {@code function.json} bindings, as Azure's admin API answers; needs the master key.
     */
    private Reply adminMetadata(Request request, String name) {
        if (!isAdmin(request)) {
            return adminKeyNeeded();
        }
        if (name == null) {
            return new Reply(200, Map.of(), ResponseBody.of(functions.stream().map(FunctionMetadata::of).toList()));
        }
        return functions.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst()
                .map(f -> new Reply(200, Map.of(), ResponseBody.of(FunctionMetadata.of(f))))
                .orElseGet(() -> Reply.text(404, "No function named '" + name + "'. This host serves: " + listing()));
    }

    /** A connection made to a loopback address: a Host header naming another machine is then a rebound DNS name. */
    private static boolean isLoopbackConnection(Request request) {
        var local = request.getConnectionMetaData().getLocalSocketAddress();
        return local instanceof java.net.InetSocketAddress address && address.getAddress() != null
                && address.getAddress().isLoopbackAddress();
    }

    private boolean isAdmin(Request request) {
        return !settings.checkKeys() || settings.keys().allows(com.microsoft.azure.functions.annotation.AuthorizationLevel.ADMIN,
                presentedKey(headers(request), queryValues(queryFields(request), false)));
    }

    private static Reply adminKeyNeeded() {
        return Reply.text(401, "Admin requests need the master key ('Master key: ...' at start-up) in the "
                + "'x-functions-key' header or the 'code' query parameter.");
    }

    /**
     * {@code POST /admin/functions/<name>} with {@code {"input": "..."}}: runs a function that has no
     * HTTP trigger, as Core Tools does; needs the master key. Answers 202 and runs it in the background.
     */
    private Reply adminInvoke(Request request, String name) {
        if (!request.getMethod().equals("POST") || name == null) {
            return Reply.text(404, "Use POST /admin/functions/<name> with a JSON body {\"input\": \"...\"}, "
                    + "or GET /admin/functions[/<name>] to see the functions.");
        }
        Map<String, String> headers = headers(request);
        if (!isAdmin(request)) {
            return adminKeyNeeded();
        }
        String input;
        try {
            byte[] body = readBody(request, headers);
            com.fasterxml.jackson.databind.JsonNode json = body.length == 0 ? null : dev.funclab.runtime.convert.Json.MAPPER.readTree(body);
            if (json != null && !json.isObject()) {
                throw new java.io.IOException("not an object");
            }
            com.fasterxml.jackson.databind.JsonNode value = json == null ? null : json.get("input");
            input = value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
        } catch (java.io.IOException e) {
            return Reply.text(400, "Send a JSON object such as {\"input\": \"some text\"}.");
        }
        AdminInvocations.Outcome outcome = admin.create(name, input);
        if (outcome.invocation() == null) {
            return Reply.text(outcome.status(), outcome.message());
        }
        ADMIN_RUNS.execute(() -> invoker.invoke(outcome.invocation(), REASON));
        return Reply.text(202, "");
    }

    private static final java.util.concurrent.ExecutorService ADMIN_RUNS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "admin-invoke");
        thread.setDaemon(true);
        return thread;
    });

    /** The library's method, or null for one it does not know (PROPFIND...): no function answers it. */
    private static HttpMethod methodOf(String name) {
        try {
            return HttpMethod.value(name);
        } catch (IllegalArgumentException e) {
            return null;
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

    private byte[] readBody(Request request, Map<String, String> headers) {
        long limit = settings.maxRequestBodySize();
        long declared = request.getLength();
        if (declared > limit) {
            throw new BadRequest(413, tooLarge(limit));
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (body.length > limit) {
                throw new BadRequest(413, tooLarge(limit));
            }
            return body;
        } catch (IOException e) {
            throw new BadRequest(400, "The request body could not be read: " + e.getMessage());
        }
    }

    private static String tooLarge(long limit) {
        return "The request body is larger than the limit of " + limit + " bytes. Send less, or raise the limit with "
                + "the app setting FUNCTIONS_REQUEST_BODY_SIZE_LIMIT.";
    }

    private static Fields queryFields(Request request) {
        try {
            return Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw new BadRequest(400, "The query string is not valid: " + e.getMessage());
        }
    }

    /**
     * Query values as Azure hands them to Java: empty values left out, repeated values joined with
     * commas (or only the last one, for binding data). Keys keep their case.
     */
    private static Map<String, String> queryValues(Fields fields, boolean lastOnly) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            List<String> values = field.getValues().stream().filter(v -> v != null && !v.isEmpty()).toList();
            if (!values.isEmpty()) {
                query.put(field.getName(), lastOnly ? values.get(values.size() - 1) : String.join(",", values));
            }
        }
        return Collections.unmodifiableMap(query);
    }

    /** Header names lower-cased, as the Azure host sends them; the map itself is case-sensitive, as in Azure. */
    private static Map<String, String> headers(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getName().toLowerCase(Locale.ROOT), field.getValue(), (a, b) -> a + "," + b);
        }
        return Collections.unmodifiableMap(headers);
    }

    private static String presentedKey(Map<String, String> headers, Map<String, String> query) {
        String header = headers.get("x-functions-key");
        return header != null ? header : query.get("code");
    }

    /**
     * The request's URI for {@code getUri()}. Browsers send some characters unencoded ({@code ?q=a|b},
     * {@code ?f={"x":1}}) that {@link URI} refuses: those are percent-encoded here, nothing else changes.
     */
    static URI uri(Request request) {
        return URI.create(encodeIllegal(request.getHttpURI().asString()));
    }

    /** Percent-encodes what a URI may not hold as is (spaces, {@code " < > \ ^ ` { | }}, non-ASCII, a lone %). */
    static String encodeIllegal(String uri) {
        StringBuilder safe = new StringBuilder(uri.length());
        byte[] bytes = uri.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean escape = b <= 0x20 || b >= 0x7f || "\"<>\\^`{|}".indexOf(b) >= 0
                    || (b == '%' && !(i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])));
            if (escape) {
                safe.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            } else {
                safe.append((char) b);
            }
        }
        return safe.toString();
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    /** Percent-decoded path segments, split before decoding; ';' is an ordinary character here. */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String part : (rawPath == null ? "" : rawPath).split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String segment;
            try {
                segment = URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, "The path segment '" + part + "' is not valid percent-encoding.");
            }
            // Dot segments (plain or percent-encoded) are resolved, never handed to a route as values.
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new BadRequest(400, "The path climbs above the root with '..'.");
                }
                segments.remove(segments.size() - 1);
            } else if (!segment.equals(".")) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private String listing() {
        return routes.functions().stream()
                .map(f -> f.methodList() + " " + settings.path(f.route().text()))
                .collect(Collectors.joining(", "));
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

    /** A 4xx decided before any function runs. */
    private static final class BadRequest extends RuntimeException {
        private final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** What goes back to the client. */
    private static boolean isAdminPath(Request request) {
        String path = request.getHttpURI().getPath();
        return path != null && path.toLowerCase(Locale.ROOT).startsWith("/admin/");
    }

    private record Reply(int status, Map<String, String> headers, ResponseBody body) {

        /** This reply with {@code more} headers, those the function set winning. */
        Reply withHeaders(Map<String, String> more) {
            if (more.isEmpty()) {
                return this;
            }
            Map<String, String> merged = new LinkedHashMap<>(more);
            merged.putAll(headers);
            return new Reply(status, merged, body);
        }

        static Reply text(int status, String message) {
            return new Reply(status, Map.of(), ResponseBody.of(message.isEmpty() ? null : message));
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
}
