package dev.funclab.runtime.invoke;

import dev.funclab.runtime.function.ArgumentSource;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.OutputBindingSpec;
import dev.funclab.runtime.log.HostLog;

import dev.funclab.runtime.storage.TimeSpans;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls functions the way the Java worker does: a new instance of the class per call, the app's
 * class loader as the thread's context class loader, outputs delivered only after success, and
 * Core Tools' {@code Executing}/{@code Executed} lines around every call.
 */
public final class FunctionInvoker {

    private final HostLog log;
    private final UserLogLevels logLevels;
    private final Duration functionTimeout;
    private final List<InvocationObserver> observers = new CopyOnWriteArrayList<>();
    /** Calls in the function's code now: a host that switches apps must wait until none of the old app's run. */
    private final AtomicInteger running = new AtomicInteger();

    /**
     * @param functionTimeout host.json's {@code functionTimeout}, or null for none
     */
    public FunctionInvoker(HostLog log, UserLogLevels logLevels, Duration functionTimeout) {
        this.log = log;
        this.logLevels = logLevels;
        this.functionTimeout = functionTimeout;
    }

    public FunctionInvoker(HostLog log) {
        this(log, UserLogLevels.defaults(), null);
    }

    public InvocationResult invoke(Invocation invocation, String reason) {
        return invoke(invocation, reason, null);
    }

    /** How many calls are in a function's code right now. */
    public int running() {
        return running.get();
    }

    /** From now on {@code observer} hears of every call. */
    public void observe(InvocationObserver observer) {
        observers.add(observer);
    }

    /**
     * @param details what identifies the trigger's event, logged right under the Executing line as the
     *                Azure host does ({@code Trigger Details: MessageId: ..., DequeueCount: 1, ...}); may be null
     */
    public InvocationResult invoke(Invocation invocation, String reason, String details) {
        FunctionDefinition function = invocation.function();
        String name = function.name();
        invocation.context(new HostExecutionContext(FunctionLoggers.forInvocation(log, name, logLevels.forFunction(name),
                line -> observers.forEach(o -> o.logged(invocation, line))), invocation.id(), name,
                invocation.newTrace(), invocation.retry()));
        String executing = "Executing 'Functions." + name + "' (Reason='" + reason + "', Id=" + invocation.id() + ")";
        log.info(details == null ? executing : executing + System.lineSeparator() + "Trigger Details: " + details);
        observers.forEach(o -> o.started(invocation, reason));
        long started = System.nanoTime();

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(function.method().getDeclaringClass().getClassLoader());
        running.incrementAndGet();
        InvocationResult result;
        try (InvocationTimeout timeout = InvocationTimeout.start(functionTimeout, () -> log.info("Timeout value of "
                + TimeSpans.format(functionTimeout) + " exceeded by function 'Functions." + name + "' (Id: '" + invocation.id()
                + "'). Initiating cancellation."))) {
            result = call(invocation, timeout);
        } finally {
            running.decrementAndGet();
            thread.setContextClassLoader(previous);
        }

        long nanos = System.nanoTime() - started;
        long millis = nanos / 1_000_000;
        log.info("Executed 'Functions." + name + "' (" + (result.succeeded() ? "Succeeded" : "Failed")
                + ", Id=" + invocation.id() + ", Duration=" + millis + "ms)");
        if (result.bindingFailed()) {
            log.info("Binding failed for 'Functions." + name + "' (Id=" + invocation.id() + "): " + result.failure().getMessage());
        } else if (!result.succeeded()) {
            log.error("Exception while executing function: Functions." + name + " (Id=" + invocation.id() + ")", result.failure());
        }
        observers.forEach(o -> o.finished(invocation, result, nanos));
        return result;
    }

    private InvocationResult call(Invocation invocation, InvocationTimeout timeout) {
        FunctionDefinition function = invocation.function();
        Object[] arguments;
        try {
            arguments = arguments(function.arguments(), invocation);
        } catch (RuntimeException | LinkageError e) {
            // Data that does not fit (ConversionException), a type the worker cannot fill, a class of the
            // app that does not link: either way the function never ran, and the reason is what the caller needs.
            return new InvocationResult(invocation, Map.of(), e, true);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        try {
            Object target = function.isStatic() ? null : function.instances().newInstance();
            Object returned = function.method().invoke(target, arguments);
            if (timeout.expired()) {
                return failed(invocation, new TimeoutException("Timeout value of " + TimeSpans.format(functionTimeout)
                        + " was exceeded by function: Functions." + function.name() + " (host.json functionTimeout); "
                        + "what it returned and set is discarded"));
            }
            invocation.outputs().forEach((name, slot) -> {
                if (slot.getValue() != null) {
                    outputs.put(name, slot.getValue());
                }
            });
            if (returned != null) {
                outputs.put(OutputBindingSpec.RETURN, returned);
            }
            deliver(invocation, outputs);
        } catch (InvocationTargetException e) {
            if (timeout.expired()) {
                return failed(invocation, new TimeoutException("Timeout value of " + TimeSpans.format(functionTimeout)
                        + " was exceeded by function: Functions." + function.name() + " (host.json functionTimeout); it "
                        + "was interrupted and ended with " + e.getCause()));
            }
            return failed(invocation, e.getCause());
        } catch (Exception | LinkageError e) {
            return failed(invocation, e);
        }
        return new InvocationResult(invocation, Map.copyOf(outputs), null, false);
    }

    private static Object[] arguments(List<ArgumentSource> sources, Invocation invocation) {
        Object[] arguments = new Object[sources.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = sources.get(i).resolve(invocation);
        }
        return arguments;
    }

    /**
     * Writes the outputs one after the other, in the order of the function's parameters, then the return
     * value: a function can rely on one output being written before the next (a row before the blob
     * that triggers a function reading it).
     */
    private static void deliver(Invocation invocation, Map<String, Object> outputs) throws Exception {
        for (Map.Entry<String, Object> output : outputs.entrySet()) {
            OutputBindingSpec spec = invocation.function().outputs().get(output.getKey());
            if (spec != null && spec.writer() != null) {
                spec.writer().write(invocation, output.getValue());
            }
        }
    }

    private static InvocationResult failed(Invocation invocation, Throwable failure) {
        return new InvocationResult(invocation, Map.of(), failure, false);
    }
}
