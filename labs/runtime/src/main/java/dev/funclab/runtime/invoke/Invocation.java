package dev.funclab.runtime.invoke;

import com.microsoft.azure.functions.ExecutionContext;
import dev.funclab.runtime.function.FunctionDefinition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One call of one function: its id, what triggered it, the binding data that {@code @BindingName}
 * and binding expressions read (case-insensitive, as in Azure), and the outputs it sets.
 */
public final class Invocation {

    private final String id = RandomIds.uuid();
    private final FunctionDefinition function;
    private final Object triggerPayload;
    private final Map<String, Object> bindingData = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, OutputSlot<Object>> outputs = new LinkedHashMap<>();
    private ExecutionContext context;
    private String traceparent;
    private String tracestate;
    private InvocationRetry retry = InvocationRetry.NONE;

    public Invocation(FunctionDefinition function, Object triggerPayload, Map<String, ?> bindingData) {
        this.function = function;
        this.triggerPayload = triggerPayload;
        this.bindingData.putAll(bindingData);
    }

    public String id() {
        return id;
    }

    public FunctionDefinition function() {
        return function;
    }

    /** What the trigger delivered: an HTTP request, a queue message, a blob... */
    public Object triggerPayload() {
        return triggerPayload;
    }

    public Optional<Object> bindingValue(String name) {
        return Optional.ofNullable(bindingData.get(name));
    }

    public Map<String, Object> bindingData() {
        return Collections.unmodifiableMap(bindingData);
    }

    /** The slot behind an {@code OutputBinding<T>} parameter; one per binding name. */
    public OutputSlot<Object> output(String name) {
        return outputs.computeIfAbsent(name, n -> new OutputSlot<>());
    }

    Map<String, OutputSlot<Object>> outputs() {
        return outputs;
    }

    /** The caller's W3C trace context (an HTTP request's headers); the invocation continues its trace. */
    public Invocation tracedBy(String traceparent, String tracestate) {
        this.traceparent = traceparent;
        this.tracestate = tracestate;
        return this;
    }

    /**
     * This is try {@code retryCount} (0 = the first) under a retry policy of {@code maxRetryCount}
     * retries (-1 = unlimited); {@code previous} is the last try's failure, or null.
     */
    public Invocation retrying(int retryCount, int maxRetryCount, Throwable previous) {
        this.retry = InvocationRetry.of(retryCount, maxRetryCount, previous);
        return this;
    }

    InvocationTrace newTrace() {
        return InvocationTrace.childOf(traceparent, tracestate);
    }

    InvocationRetry retry() {
        return retry;
    }

    public ExecutionContext context() {
        return context;
    }

    void context(ExecutionContext context) {
        this.context = context;
    }
}
