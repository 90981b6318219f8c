package dev.funclab.runtime.invoke;

import com.microsoft.azure.functions.TraceContext;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The W3C trace context of one invocation, as the Functions host gives it to the Java worker: a
 * {@code traceparent} of its own (a new span), continuing the caller's trace when an HTTP request
 * brought a valid {@code traceparent} header, else starting a new trace.
 */
record InvocationTrace(String traceparent, String tracestate, Map<String, String> attributes) implements TraceContext {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE = "0".repeat(32);

    /** A new span under {@code incoming} (a traceparent header, may be null or invalid: then a new trace). */
    static InvocationTrace childOf(String incoming, String incomingState) {
        String traceId = null;
        if (incoming != null) {
            var match = TRACEPARENT.matcher(incoming.strip());
            if (match.matches() && !match.group(1).equals(INVALID_TRACE)) {
                traceId = match.group(1);
            }
        }
        boolean continued = traceId != null;
        String trace = continued ? traceId : RandomIds.hex(16);
        return new InvocationTrace("00-" + trace + "-" + RandomIds.hex(8) + "-01",
                continued && incomingState != null ? incomingState : "", Map.of());
    }

    @Override
    public String getTraceparent() {
        return traceparent;
    }

    @Override
    public String getTracestate() {
        return tracestate;
    }

    @Override
    public Map<String, String> getAttributes() {
        return attributes;
    }
}
