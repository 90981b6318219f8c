package dev.funclab.runtime.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets {@link HttpLimits#maxConcurrentRequests()} function calls run at once and holds up to
 * {@link HttpLimits#maxOutstandingRequests()} in all; the rest are answered 429 at once, as Azure's
 * HTTP throttle does. A waiting call holds no thread, and one that waits longer than {@code maxWait} is
 * answered 503. The host's own endpoints ({@code /admin/...} and the status page) are never held back, so
 * a health check answers even when every seat is taken.
 * <p>
 * Jetty's QoSHandler does the same job, but takes a read-write lock twice and wraps the request's stream
 * for every call; with 16 connections on 2 cores that cost the host a seventh of its requests per second
 * (scripts/bench http), while a call that finds a free seat here costs one atomic decrement and increment.
 */
final class HttpThrottle extends Handler.Wrapper {

    private final HttpLimits limits;
    private final Duration maxWait;
    /** Free seats when positive; when negative, how many calls wait for one (some perhaps not queued yet). */
    private final AtomicInteger seats;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();

    HttpThrottle(Handler next, HttpLimits limits, Duration maxWait) {
        super(next);
        this.limits = limits;
        this.maxWait = maxWait;
        this.seats = new AtomicInteger(limits.maxConcurrentRequests());
    }

    /** Seats free now; negative: how many calls wait for one. */
    int freeSeats() {
        return seats.get();
    }

    private static boolean isHostEndpoint(Request request) {
        String path = request.getHttpURI().getPath();
        return path == null || path.equals("/") || path.isEmpty() || AdminEndpoints.isAdminPath(request);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (isHostEndpoint(request)) {
            return super.handle(request, response, callback);
        }
        int free = seats.decrementAndGet();
        if (free >= 0) {
            return run(request, response, callback);
        }
        if (-free > limits.maxOutstandingRequests() - limits.maxConcurrentRequests()) {
            seats.incrementAndGet();
            reject(request, response, callback);
            return true;
        }
        Waiting call = new Waiting(request, response, callback);
        waiting.add(call);
        call.expiry = request.getComponents().getScheduler().schedule(call::expire, maxWait.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    /** Runs a call that holds a seat; the seat is given back when its response is done. */
    private boolean run(Request request, Response response, Callback callback) throws Exception {
        boolean handled;
        try {
            handled = super.handle(request, response, Callback.from(this::release, callback));
        } catch (Throwable e) {
            release();
            throw e;
        }
        if (!handled) {
            // The callback was not taken, so it will never give the seat back.
            release();
        }
        return handled;
    }

    /**
     * Gives a seat back, or hands it to the call that waited longest. A call counted as waiting may not be in the
     * queue yet (it is counted first, then queued): then this waits the few instructions until it is. A call that
     * expired meanwhile still counts until taken from the queue, so the seat goes round again.
     */
    private void release() {
        while (seats.incrementAndGet() <= 0) {
            Waiting next;
            while ((next = waiting.poll()) == null) {
                Thread.onSpinWait();
            }
            if (next.take()) {
                // Another thread runs it: the one giving back the seat may be deep in another call's stack.
                next.request.getComponents().getExecutor().execute(next::resume);
                return;
            }
        }
    }

    private void reject(Request request, Response response, Callback callback) {
        String message = "The host is busy: " + limits.maxOutstandingRequests() + " calls are running or waiting for "
                + "a turn (host.json extensions.http.maxOutstandingRequests; at most " + limits.maxConcurrentRequests()
                + " run at once, maxConcurrentRequests). Try again in a moment.";
        response.getHeaders().put("Retry-After", "1");
        Reply.text(429, message).send(request, response, callback);
    }

    /** A call waiting for a seat: either a seat is handed to it or it expires, whichever comes first. */
    private final class Waiting {

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile Scheduler.Task expiry;

        Waiting(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        /** True when this call gets the seat; false when it expired before. */
        boolean take() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            Scheduler.Task task = expiry;
            if (task != null) {
                task.cancel();
            }
            return true;
        }

        void resume() {
            try {
                if (!run(request, response, callback)) {
                    Reply.text(404, "").send(request, response, callback);
                }
            } catch (Throwable e) {
                callback.failed(e);
            }
        }

        /** Answers 503; the call stays counted in the queue until a seat given back finds it settled. */
        void expire() {
            if (settled.compareAndSet(false, true)) {
                Reply.text(503, "The call waited " + maxWait.toSeconds() + " s for one of the "
                        + limits.maxConcurrentRequests() + " seats (host.json extensions.http.maxConcurrentRequests) and "
                        + "gave up, as Azure's front end does. Try again in a moment.").send(request, response, callback);
            }
        }
    }
}
