package dev.funclab.runtime.queue;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.azure.storage.queue.models.QueueStorageException;
import dev.funclab.runtime.convert.JsonProperties;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.OutageReport;
import dev.funclab.runtime.function.PollingListener;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.invoke.InvocationResult;
import dev.funclab.runtime.log.HostLog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;

/**
 * Feeds one queue to one function, at least once: a message is deleted only after the function
 * succeeds; a failure makes it visible again after {@code visibilityTimeout}; after
 * {@code maxDequeueCount} tries it moves, unchanged, to {@code <queue>-poison}. While its function
 * runs a message stays hidden ({@link MessageLease}). A queue that does not exist yet is waited for.
 */
final class QueueListener extends PollingListener {

    private static final Duration FIRST_POLL = Duration.ofMillis(10);
    /** Renews the visibility of messages whose functions are still running; one thread for all queues. */
    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "queue-visibility-renewal");
        thread.setDaemon(true);
        return thread;
    });

    private final FunctionDefinition function;
    private final FunctionInvoker invoker;
    private final QueueClient queue;
    private final QueueClient poison;
    private final QueueSettings settings;
    private final HostLog log;
    private final Semaphore slots;
    private Duration idleWait = FIRST_POLL;
    private final OutageReport outage;
    /** Messages received and not yet settled (deleted, poisoned or put back): released at once on shutdown. */
    private final Map<String, MessageLease> unsettled = new java.util.concurrent.ConcurrentHashMap<>();

    QueueListener(FunctionDefinition function, FunctionInvoker invoker, QueueClient queue, QueueClient poison,
                  QueueSettings settings, HostLog log) {
        super("queue-" + queue.getQueueName(), 0);
        this.function = function;
        this.invoker = invoker;
        this.queue = queue;
        this.poison = poison;
        this.settings = settings;
        this.log = log;
        this.slots = new Semaphore(settings.batchSize() + settings.newBatchThreshold());
        this.outage = new OutageReport("Queue '" + queue.getQueueName() + "'", "read", log::info);
    }

    @Override
    protected Duration poll() throws InterruptedException {
        try {
            int room = Math.min(settings.batchSize(), slots.availablePermits());
            if (room == 0) {
                slots.acquire(); // wait for a call to end
                slots.release();
                return Duration.ZERO;
            }
            List<QueueMessageItem> batch = queue.receiveMessages(room, settings.processingVisibility(), null, null)
                    .stream().toList();
            outage.succeeded();
            if (batch.isEmpty()) {
                Duration wait = idleWait;
                Duration cap = pacing.interval(settings.maxPollingInterval(), settings.quietPollingInterval());
                Duration doubled = idleWait.multipliedBy(2);
                idleWait = doubled.compareTo(cap) > 0 ? cap : doubled;
                return wait;
            }
            pacing.worked();
            idleWait = FIRST_POLL;
            for (QueueMessageItem message : batch) {
                slots.acquireUninterruptibly();
                MessageLease lease = MessageLease.of(queue, message, settings.processingVisibility(), RENEWALS);
                unsettled.put(message.getMessageId(), lease);
                submit(() -> {
                    try {
                        if (running()) { // after close() began, a message not started yet is released instead
                            process(lease);
                            unsettled.remove(message.getMessageId());
                        }
                    } finally {
                        slots.release();
                    }
                });
            }
            return Duration.ZERO;
        } catch (QueueStorageException e) {
            if (e.getStatusCode() == 404) {
                return Duration.ofMillis(250); // the queue does not exist yet: wait for it
            }
            report("(" + e.getStatusCode() + "): " + e.getServiceMessage());
            return Duration.ofMillis(500);
        } catch (RuntimeException e) {
            report(": " + e.getMessage());
            return Duration.ofMillis(500);
        }
    }

    private void report(String problem) {
        if (running()) {
            outage.failed(problem);
        }
    }

    private void process(MessageLease lease) {
        QueueMessageItem message = lease.message();
        String text = lease.text();
        byte[] content;
        try {
            content = QueueMessages.decode(text, settings.base64());
        } catch (IllegalArgumentException e) {
            log.info("Message " + message.getMessageId() + " on queue '" + queue.getQueueName() + "' is not base64, as "
                    + "Functions expects (send it with the Azure SDK's QueueMessageEncoding.BASE64, or set host.json "
                    + "extensions.queues.messageEncoding to none). Moving it to queue '"
                    + poison.getQueueName() + "'.");
            settle(lease, () -> lease.moveTo(poison));
            return;
        }
        Map<String, Object> data = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        data.putAll(JsonProperties.of(content));
        data.put("QueueTrigger", new String(content, java.nio.charset.StandardCharsets.UTF_8));
        data.put("Id", message.getMessageId());
        data.put("DequeueCount", message.getDequeueCount());
        data.put("InsertionTime", message.getInsertionTime());
        data.put("ExpirationTime", message.getExpirationTime());
        data.put("NextVisibleTime", message.getTimeNextVisible());
        data.put("PopReceipt", message.getPopReceipt());
        Invocation invocation = new Invocation(function, new QueueDelivery(content, text), data);
        InvocationResult result = invoker.invoke(invocation, "New queue message detected on '" + queue.getQueueName() + "'.",
                "MessageId: " + message.getMessageId() + ", DequeueCount: " + message.getDequeueCount()
                        + ", InsertedOn: " + message.getInsertionTime());
        if (result.succeeded()) {
            settle(lease, lease::delete);
        } else if (message.getDequeueCount() >= settings.maxDequeueCount()) {
            log.info("Message has reached MaxDequeueCount of " + settings.maxDequeueCount() + ". Moving message to queue '"
                    + poison.getQueueName() + "'.");
            settle(lease, () -> lease.moveTo(poison));
        } else {
            settle(lease, () -> lease.putBack(settings.visibilityTimeout()));
        }
    }

    private void settle(MessageLease lease, Runnable outcome) {
        try {
            outcome.run();
        } catch (RuntimeException e) {
            // The message stays hidden until its visibility ends, then it is tried again: nothing is lost.
            log.info("Could not settle message " + lease.message().getMessageId() + " on queue '" + queue.getQueueName()
                    + "': " + e.getMessage());
        }
    }

    /**
     * Stops polling, lets the calls under way finish for a while, then makes every message received but not
     * settled visible again at once, so that the next host run takes it now rather than when its
     * ten-minute processing visibility ends.
     */
    @Override
    public void close() {
        super.close();
        int released = 0;
        for (MessageLease lease : unsettled.values()) {
            try {
                lease.putBack(Duration.ZERO);
                released++;
            } catch (RuntimeException e) {
                // Settled meanwhile, or storage is gone: it becomes visible when its visibility ends.
            }
        }
        unsettled.clear();
        if (released > 0) {
            log.info("Released " + released + " unfinished message" + (released == 1 ? "" : "s") + " on queue '"
                    + queue.getQueueName() + "' for the next run.");
        }
    }
}
