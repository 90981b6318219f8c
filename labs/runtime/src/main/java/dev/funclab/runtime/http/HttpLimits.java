package dev.funclab.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.app.AppLoadException;
import dev.funclab.runtime.app.HostJson;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How much HTTP work the host takes on at once, so that a flood of calls or of slow senders slows the
 * host down instead of exhausting it.
 *
 * @param maxConcurrentRequests  HTTP functions running at once ({@code extensions.http.maxConcurrentRequests})
 * @param maxOutstandingRequests running plus waiting for a turn; more are answered 429 at once, as in Azure
 *                               ({@code extensions.http.maxOutstandingRequests})
 * @param bodyTimeout            how long a request body may take to arrive before the host answers 408
 * @param bodyMemory             bytes of request bodies held at once across all requests; more are answered 503
 */
public record HttpLimits(int maxConcurrentRequests, int maxOutstandingRequests, Duration bodyTimeout, long bodyMemory) {

    /** One running call takes one of the server's threads; the rest stay free for the admin endpoints. */
    public static final int SERVER_THREADS = 200;
    static final int DEFAULT_CONCURRENT = 100;
    static final int DEFAULT_OUTSTANDING = 400;
    static final int MAX_CONCURRENT = SERVER_THREADS - 20;
    static final int MAX_OUTSTANDING = 2_000;
    /** Open connections at most; more wait in the operating system's accept queue. */
    public static final int MAX_CONNECTIONS = 4_000;
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(60);
    /** The app setting that changes {@link #bodyTimeout}, in seconds (the kit's own; Azure has no such setting). */
    public static final String BODY_TIMEOUT_SETTING = "FUNCLAB_REQUEST_BODY_TIMEOUT";

    public static HttpLimits defaults() {
        return new HttpLimits(DEFAULT_CONCURRENT, DEFAULT_OUTSTANDING, DEFAULT_BODY_TIMEOUT, defaultBodyMemory());
    }

    /**
     * The limits of host.json; -1 (Azure's "no limit") is capped here, with a note, because each running
     * call holds a thread of a fixed pool.
     *
     * @throws AppLoadException when a value is not a whole number
     */
    public static HttpLimits of(HostJson hostJson, Duration bodyTimeout, Consumer<String> notes) {
        JsonNode http = hostJson.extension("http");
        int concurrent = count(http, "maxConcurrentRequests", DEFAULT_CONCURRENT, MAX_CONCURRENT,
                "each running call holds one of the host's " + SERVER_THREADS + " threads", notes);
        int outstanding = count(http, "maxOutstandingRequests", Math.max(DEFAULT_OUTSTANDING, concurrent), MAX_OUTSTANDING,
                "each waiting call holds its connection and its body", notes);
        if (outstanding < concurrent) {
            notes.accept("Note: host.json extensions.http.maxOutstandingRequests (" + outstanding + ") is below "
                    + "maxConcurrentRequests (" + concurrent + "): at most " + outstanding + " run at once.");
            concurrent = outstanding;
        }
        return new HttpLimits(concurrent, outstanding, bodyTimeout, defaultBodyMemory());
    }

    private static int count(JsonNode http, String name, int fallback, int cap, String why, Consumer<String> notes) {
        JsonNode value = http.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || (value.asInt() < 1 && value.asInt() != -1)) {
            throw new AppLoadException("host.json extensions.http." + name + " must be a whole number of at least 1, "
                    + "or -1 for no limit; it is " + value);
        }
        if (value.asInt() == -1 || value.asInt() > cap) {
            notes.accept("Note: host.json extensions.http." + name + " = " + value.asInt() + " is capped at " + cap
                    + " here: " + why + ".");
            return cap;
        }
        return value.asInt();
    }

    /** A quarter of the heap: enough for 100 MB uploads, never enough for many of them to exhaust memory. */
    private static long defaultBodyMemory() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    public HttpLimits withBodyMemory(long bytes) {
        return new HttpLimits(maxConcurrentRequests, maxOutstandingRequests, bodyTimeout, bytes);
    }
}
