package dev.funclab.runtime.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads each request's body before the request goes further, without holding a thread while the bytes
 * trickle in: a slow sender costs its socket and the bytes it sent, never one of the host's threads or
 * one of the seats of {@link HttpThrottle}. Bodies are bounded three ways: per request (the body size
 * limit: 413), across all requests in flight ({@link HttpLimits#bodyMemory()}: 503) and in time
 * ({@link HttpLimits#bodyTimeout()}: 408). Every such refusal closes the connection, so no unread byte
 * is taken for the next request.
 */
final class RequestBodies extends Handler.Wrapper {

    private static final String ATTRIBUTE = RequestBodies.class.getName();
    private static final byte[] EMPTY = new byte[0];

    private final long sizeLimit;
    private final HttpLimits limits;
    private final AtomicLong held = new AtomicLong();

    RequestBodies(Handler next, long sizeLimit, HttpLimits limits) {
        super(next);
        this.sizeLimit = sizeLimit;
        this.limits = limits;
    }

    /** The body this handler read for {@code request}; empty when it had none. */
    static byte[] of(Request request) {
        Object body = request.getAttribute(ATTRIBUTE);
        return body instanceof byte[] bytes ? bytes : EMPTY;
    }

    /** Bytes of request bodies held right now, for tests and the dashboard. */
    long heldBytes() {
        return held.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long declared = request.getLength();
        if (declared > sizeLimit) {
            refuse(request, response, callback, 413, tooLarge());
            return true;
        }
        new Reading(request, response, callback, declared).run();
        return true;
    }

    private String tooLarge() {
        return "The request body is larger than the limit of " + sizeLimit + " bytes. Send less, or raise the limit with "
                + "the app setting FUNCTIONS_REQUEST_BODY_SIZE_LIMIT.";
    }

    private static void refuse(Request request, Response response, Callback callback, int status, String message) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        if (status == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        Reply.text(status, message).send(request, response, callback);
    }

    /** One body on its way in: read whenever bytes arrive, then handed on once, or refused once. */
    private final class Reading implements Runnable {

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body;
        private final AtomicBoolean settled = new AtomicBoolean();
        /** Set only when the body keeps the request waiting: most bodies (and every GET's) are there at once. */
        private volatile Scheduler.Task deadline;
        private long reserved;

        Reading(Request request, Response response, Callback callback, long declared) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.body = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 32), 65_536));
        }

        @Override
        public void run() {
            while (!settled.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (deadline == null) {
                        deadline = request.getComponents().getScheduler().schedule(() -> settle(408, "The request body "
                                + "did not arrive within " + limits.bodyTimeout().toSeconds() + " s. Send the whole body at "
                                + "once; the limit is the app setting " + HttpLimits.BODY_TIMEOUT_SETTING + " (seconds)."),
                                limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    }
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    settle(400, "The request body could not be read: " + chunk.getFailure().getMessage());
                    return;
                }
                int size = chunk.remaining();
                try {
                    if (size > 0 && !take(chunk)) {
                        return;
                    }
                } finally {
                    chunk.release();
                }
                if (chunk.isLast()) {
                    handOn();
                    return;
                }
            }
        }

        /** Keeps the chunk's bytes, or refuses the request when they break a limit. */
        private boolean take(Content.Chunk chunk) {
            int size = chunk.remaining();
            if (body.size() + (long) size > sizeLimit) {
                settle(413, tooLarge());
                return false;
            }
            if (held.addAndGet(size) > limits.bodyMemory()) {
                held.addAndGet(-size);
                settle(503, "The host is holding " + (held.get() >> 20) + " MB of request bodies, its limit; "
                        + "try again in a moment.");
                return false;
            }
            synchronized (this) {
                if (settled.get()) {
                    // Refused meanwhile (the deadline): these bytes are not kept.
                    held.addAndGet(-size);
                    return false;
                }
                reserved += size;
            }
            try {
                BufferUtil.writeTo(chunk.getByteBuffer(), body);
            } catch (IOException cannotHappen) {
                throw new IllegalStateException(cannotHappen);
            }
            return true;
        }

        private void handOn() {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            cancelDeadline();
            request.setAttribute(ATTRIBUTE, body.toByteArray());
            Callback releasing = Callback.from(this::release, callback);
            try {
                if (!getHandler().handle(request, response, releasing)) {
                    Reply.text(404, "").send(request, response, releasing);
                }
            } catch (Throwable e) {
                releasing.failed(e);
            }
        }

        private void cancelDeadline() {
            Scheduler.Task task = deadline;
            if (task != null) {
                task.cancel();
            }
        }

        /** The one refusal: later bytes, a later deadline, a later failure change nothing. */
        private void settle(int status, String message) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            cancelDeadline();
            release();
            refuse(request, response, callback, status, message);
        }

        private synchronized void release() {
            held.addAndGet(-reserved);
            reserved = 0;
        }
    }
}
