package dev.funclab.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import dev.funclab.runtime.convert.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/host/app}: a host that runs already serves another app, so that a test kit can keep one warm JVM
 * for many test classes instead of starting one per class (the kit's own endpoint; Azure has none like it).
 * <ul>
 *   <li>{@code POST /admin/host/app} with {@code {"folder": "/path/to/app"}} stops the current app's triggers,
 *   loads the app in that folder in a new class loader and serves it: 200 with its functions' names, 400 when it
 *   cannot be loaded (the current app goes on answering HTTP), 409 when calls of the current app are still running.</li>
 *   <li>{@code DELETE /admin/host/app} stops the current app's triggers and waits for their calls: 200 when nothing
 *   runs any more, 409 when something still does (a call that does not end, which only a new JVM gets rid of).</li>
 * </ul>
 * Both need the master key and a caller on this machine.
 */
public final class AppSwitchHandler extends Handler.Wrapper {

    private static final String PATH = "/admin/host/app";

    /** What the host does for this endpoint. */
    public interface AppSwitch {

        /** Serves the app in {@code folder} from now on; returns its functions' names. */
        List<String> serve(Path folder) throws CallsStillRunning;

        /** Stops the current app's triggers and waits for their calls. */
        void stopTriggers() throws CallsStillRunning;
    }

    /** Calls of the app served now have not ended, so that another app cannot be served cleanly by this JVM. */
    public static final class CallsStillRunning extends Exception {
        public CallsStillRunning(String message) {
            super(message);
        }
    }

    private final HttpSettings settings;
    private final AppSwitch apps;

    public AppSwitchHandler(Handler next, HttpSettings settings, AppSwitch apps) {
        super(next);
        this.settings = settings;
        this.apps = apps;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!PATH.equalsIgnoreCase(request.getHttpURI().getPath())) {
            return super.handle(request, response, callback);
        }
        String method = request.getMethod();
        if (!LocalCallers.isLoopback(request) || LocalCallers.crossSiteProblem(request, true) != null) {
            send(response, callback, 403, Map.of("error", "An app is switched by a caller on this machine only."));
        } else if (settings.checkKeys() && !settings.keys().allows(AuthorizationLevel.ADMIN, RequestParts.presentedKey(
                RequestParts.headers(request), RequestParts.queryValues(RequestParts.queryFields(request), false)))) {
            send(response, callback, 401, Map.of("error", "Switching the app needs the master key in the 'x-functions-key' header."));
        } else if (method.equals("DELETE")) {
            stop(response, callback);
        } else if (method.equals("POST")) {
            serve(request, response, callback);
        } else {
            send(response, callback, 405, Map.of("error", "Use POST " + PATH + " with {\"folder\": \"...\"}, or DELETE " + PATH + "."));
        }
        return true;
    }

    private void stop(Response response, Callback callback) {
        try {
            apps.stopTriggers();
            send(response, callback, 200, Map.of("stopped", true));
        } catch (CallsStillRunning e) {
            send(response, callback, 409, Map.of("error", e.getMessage()));
        }
    }

    private void serve(Request request, Response response, Callback callback) {
        Path folder;
        try {
            JsonNode body = Json.MAPPER.readTree(RequestBodies.of(request));
            String named = body == null ? null : body.path("folder").asText(null);
            if (named == null || named.isBlank()) {
                throw new IOException("no folder");
            }
            folder = Path.of(named);
        } catch (IOException | RuntimeException e) {
            send(response, callback, 400, Map.of("error", "Send a JSON object such as {\"folder\": \"/path/to/app\"}."));
            return;
        }
        if (!Files.isDirectory(folder)) {
            send(response, callback, 400, Map.of("error", "No folder " + folder + " on this machine."));
            return;
        }
        try {
            send(response, callback, 200, Map.of("functions", apps.serve(folder)));
        } catch (CallsStillRunning e) {
            send(response, callback, 409, Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            send(response, callback, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static void send(Response response, Callback callback, int status, Object body) {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
