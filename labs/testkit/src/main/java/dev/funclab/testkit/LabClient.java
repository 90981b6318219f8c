package dev.funclab.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.funclab.runtime.convert.Json;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls the lab's functions over HTTP, as curl would. Immutable: {@link #withKey()} and
 * {@link #header} return a new client. Every call has a time limit, so a hanging function fails
 * its test instead of hanging the run.
 */
public final class LabClient {

    private static final int MAX_BODY = 10_000_000;
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset=\"?([^\";\\s]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final RunningHost host;
    private final Duration timeout;
    private final Map<String, String> headers;

    LabClient(RunningHost host, Duration timeout) {
        this(host, timeout, Map.of());
    }

    private LabClient(RunningHost host, Duration timeout, Map<String, String> headers) {
        this.host = host;
        this.timeout = timeout;
        this.headers = Map.copyOf(headers);
    }

    /** A client that sends the host's function key in the {@code x-functions-key} header. */
    public LabClient withKey() {
        return header("x-functions-key", host.keys().functionKey());
    }

    /** A client that sends the host's master key: admin requests and ADMIN functions. */
    public LabClient withMasterKey() {
        return header("x-functions-key", host.keys().masterKey());
    }

    /**
     * Runs a function that has no HTTP trigger now, as Core Tools' {@code POST /admin/functions/<name>}
     * does (with the master key); the host answers 202 and runs it in the background.
     */
    public LabResponse runNow(String functionName, String input) {
        return withMasterKey().postJson("/admin/functions/" + functionName, java.util.Map.of("input", input));
    }

    public LabClient header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new LabClient(host, timeout, more);
    }

    /** The function key the host was started with. */
    public String functionKey() {
        return host.keys().functionKey();
    }

    public LabResponse get(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    public LabResponse delete(String path) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    /** POSTs text as it is (content type text/plain). */
    public LabResponse post(String path, String body) {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(body), "text/plain; charset=utf-8");
    }

    /** POSTs a JSON document: a String is sent as it is, anything else is written as JSON. */
    public LabResponse postJson(String path, Object json) {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(asJson(json)), "application/json");
    }

    public LabResponse putJson(String path, Object json) {
        return send("PUT", path, HttpRequest.BodyPublishers.ofString(asJson(json)), "application/json");
    }

    public LabResponse send(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        URI uri = host.baseUri().resolve(path.startsWith("/") ? path.substring(1) : path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body);
        headers.forEach(request::header);
        if (contentType != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", contentType);
        }
        String described = method + " " + path;
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new LabResponse(described, response.statusCode(), response.headers(), bodyOf(response));
        } catch (java.net.http.HttpTimeoutException e) {
            throw new AssertionError(described + " got no answer within " + timeout.toSeconds()
                    + " s. Does the function loop or wait forever? Host log: " + host.logFile());
        } catch (IOException e) {
            throw new AssertionError(described + " failed: " + e.getMessage() + (host.isAlive() ? ""
                    : ". The host process has stopped (did a function call System.exit?). Host log: " + host.logFile()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(described + " was interrupted");
        }
    }

    /** The body as text, at most {@value #MAX_BODY} bytes of it: an endless answer must not fill the test JVM. */
    private static String bodyOf(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            String text = new String(bytes, 0, Math.min(bytes.length, MAX_BODY), charsetOf(response));
            return bytes.length > MAX_BODY ? text + "...(cut at " + MAX_BODY / 1_000_000 + " MB)" : text;
        }
    }

    /** The charset the Content-Type names, else UTF-8 (as {@code BodyHandlers.ofString()} decides). */
    private static Charset charsetOf(HttpResponse<?> response) {
        Matcher charset = CHARSET.matcher(response.headers().firstValue("Content-Type").orElse(""));
        try {
            return charset.find() ? Charset.forName(charset.group(1)) : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String asJson(Object json) {
        if (json instanceof String text) {
            return text;
        }
        try {
            return Json.MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + json + " as JSON", e);
        }
    }
}
