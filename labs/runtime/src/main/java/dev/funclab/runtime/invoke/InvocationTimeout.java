package dev.funclab.runtime.invoke;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * host.json's {@code functionTimeout} for one invocation: when it runs out, the invocation is marked
 * as timed out, {@code onExpiry} runs (the log line) and the invoking thread is interrupted, so that a
 * function that waits or sleeps stops; whatever it then returns is discarded and the invocation fails.
 * Java cannot stop a thread that ignores interrupts: such a function runs on until it returns.
 */
final class InvocationTimeout implements AutoCloseable {

    private static final ScheduledExecutorService ALARMS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "function-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    private final Thread thread;
    private final ScheduledFuture<?> alarm;
    private boolean finished;
    private boolean expired;

    private InvocationTimeout(Duration limit, Runnable onExpiry) {
        this.thread = Thread.currentThread();
        this.alarm = limit == null ? null : ALARMS.schedule(() -> expire(onExpiry), limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts the clock for the calling thread; a null limit never runs out. */
    static InvocationTimeout start(Duration limit, Runnable onExpiry) {
        return new InvocationTimeout(limit, onExpiry);
    }

    private synchronized void expire(Runnable onExpiry) {
        if (finished) {
            return;
        }
        expired = true;
        onExpiry.run();
        thread.interrupt();
    }

    synchronized boolean expired() {
        return expired;
    }

    /** Stops the clock; clears the interrupt it may have caused, so the thread serves on. */
    @Override
    public synchronized void close() {
        finished = true;
        if (alarm != null) {
            alarm.cancel(false);
        }
        if (expired) {
            Thread.interrupted();
        }
    }
}
