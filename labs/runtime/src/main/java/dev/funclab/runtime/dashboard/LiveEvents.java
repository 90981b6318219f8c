package dev.funclab.runtime.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funclab.runtime.convert.Json;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.invoke.InvocationObserver;
import dev.funclab.runtime.invoke.InvocationResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The calls of this run as the dashboard shows them: the latest ones kept (with their log lines) for a
 * page that opens now, and every change sent at once to the pages that are open, as JSON events.
 */
public final class LiveEvents implements InvocationObserver {

    static final int KEPT = 200;
    static final int LINES_PER_CALL = 100;
    /** An event a subscriber gets after the stream closed: stop writing. */
    static final String END = "";

    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final Deque<String> order = new ArrayDeque<>();
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();

    /** One call: what started it (when: milliseconds since 1970, as a page's Date takes them), what it logged, how it ended. */
    record Call(String id, String function, String reason, long started, List<String> lines, String status, long millis,
                String error) {

        Call finished(String status, long millis, String error) {
            return new Call(id, function, reason, started, lines, status, millis, error);
        }
    }

    @Override
    public void started(Invocation invocation, String reason) {
        Call call = new Call(invocation.id(), invocation.function().name(), reason, System.currentTimeMillis(), new ArrayList<>(),
                "Running", 0, null);
        synchronized (this) {
            calls.put(call.id(), call);
            order.addLast(call.id());
            while (order.size() > KEPT) {
                calls.remove(order.removeFirst());
            }
        }
        publish(() -> event("started", call));
    }

    @Override
    public void logged(Invocation invocation, String line) {
        synchronized (this) {
            Call call = calls.get(invocation.id());
            if (call != null && call.lines().size() < LINES_PER_CALL) {
                call.lines().add(line);
            }
        }
        publish(() -> Json.MAPPER.createObjectNode().put("type", "log").put("id", invocation.id()).put("line", line));
    }

    @Override
    public void finished(Invocation invocation, InvocationResult result, long nanos) {
        Call call;
        String error = result.succeeded() ? null : String.valueOf(result.failure());
        synchronized (this) {
            Call running = calls.get(invocation.id());
            if (running == null) {
                return;
            }
            call = running.finished(result.succeeded() ? "Succeeded" : "Failed", nanos / 1_000_000, error);
            calls.put(call.id(), call);
        }
        Call finished = call;
        publish(() -> event("finished", finished));
    }

    /** Something the host wants every open page to know (a compile error, a reload), as a line. */
    public void notice(String kind, String text) {
        publish(() -> Json.MAPPER.createObjectNode().put("type", "notice").put("kind", kind).put("text", text));
    }

    /** The app was replaced (a hot reload): open pages fetch its functions again. */
    public void appChanged() {
        publish(() -> Json.MAPPER.createObjectNode().put("type", "app"));
    }

    /** The kept calls, oldest first, as the page draws them when it opens. */
    synchronized List<Call> recent() {
        return order.stream().map(calls::get).map(c -> new Call(c.id(), c.function(), c.reason(), c.started(),
                List.copyOf(c.lines()), c.status(), c.millis(), c.error())).toList();
    }

    private static ObjectNode event(String type, Call call) {
        ObjectNode event = Json.MAPPER.valueToTree(call);
        event.put("type", type);
        return event;
    }

    /** Sends the event to the open pages; with none open (most of the time) it is not even built. */
    private void publish(Supplier<ObjectNode> event) {
        if (subscribers.isEmpty()) {
            return;
        }
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(event.get());
        } catch (JsonProcessingException cannotHappen) {
            return;
        }
        for (Subscription subscriber : subscribers) {
            subscriber.offer(json);
        }
    }

    Subscription subscribe() {
        Subscription subscription = new Subscription();
        subscribers.add(subscription);
        return subscription;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** Ends every open stream, so that the server can stop without waiting for pages to go away. */
    public void close() {
        subscribers.forEach(Subscription::end);
    }

    /** One open page's queue of events; a page too slow to keep up is dropped rather than buffered forever. */
    final class Subscription implements AutoCloseable {
        private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(1_000);

        void offer(String json) {
            if (!queue.offer(json)) {
                end();
            }
        }

        void end() {
            queue.clear();
            queue.offer(END);
        }

        /** The next event, null when there was none for {@code seconds}, {@link #END} when the stream is over. */
        String next(long seconds) throws InterruptedException {
            return queue.poll(seconds, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }
}
