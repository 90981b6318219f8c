package dev.funclab.runtime.queue;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.azure.storage.queue.models.QueueStorageException;
import dev.funclab.runtime.convert.JsonProperties;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.PollingListener;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.invoke.InvocationResult;
import dev.funclab.runtime.log.HostLog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;

/**
 * Feeds one queue to one function, at least once: a message is deleted only after the function
 * succeeds; a failure makes it visible again after {@code visibilityTimeout}; after
 * {@code maxDequeueCount} tries it moves, unchanged, to {@code <queue>-poison}. A queue that does
 * not exist yet is waited for.
 */
final class QueueListener extends PollingListener {

    /** How long a message stays hidden while a function works on it, as in the Functions extension. */
    private static final Duration PROCESSING_VISIBILITY = Duration.ofMinutes(10);
    private static final Duration FIRST_POLL = Duration.ofMillis(10);

    private final FunctionDefinition function;
    private final FunctionInvoker invoker;
    private final QueueClient queue;
    private final QueueClient poison;
    private final QueueSettings settings;
    private final HostLog log;
    private final Semaphore slots;
    private Duration idleWait = FIRST_POLL;
    private boolean reported;
    /** Messages received and not yet settled (deleted, poisoned or put back): released at once on shutdown. */
    private final Map<String, QueueMessageItem> unsettled = new java.util.concurrent.ConcurrentHashMap<>();

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
            List<QueueMessageItem> batch = queue.receiveMessages(room, PROCESSING_VISIBILITY, null, null).stream().toList();
            reported = false;
            if (batch.isEmpty()) {
                Duration wait = idleWait;
                Duration doubled = idleWait.multipliedBy(2);
                idleWait = doubled.compareTo(settings.maxPollingInterval()) > 0 ? settings.maxPollingInterval() : doubled;
                return wait;
            }
            idleWait = FIRST_POLL;
            for (QueueMessageItem message : batch) {
                slots.acquireUninterruptibly();
                unsettled.put(message.getMessageId(), message);
                submit(() -> {
                    try {
                        if (running()) { // after close() began, a message not started yet is released instead
                            process(message);
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
        if (running() && !reported) {
            log.info("Queue '" + queue.getQueueName() + "' could not be read " + problem + ". Retrying.");
            reported = true;
        }
    }

    private void process(QueueMessageItem message) {
        String text = message.getBody().toString();
        byte[] content;
        try {
            content = QueueMessages.decode(text, settings.base64());
        } catch (IllegalArgumentException e) {
            log.info("Message " + message.getMessageId() + " on queue '" + queue.getQueueName() + "' is not base64, as "
                    + "Functions expects (send it with the Azure SDK's QueueMessageEncoding.BASE64, or set host.json "
                    + "extensions.queues.messageEncoding to none). Moving it to queue '"
                    + poison.getQueueName() + "'.");
            moveToPoison(message, text);
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
        try {
            if (result.succeeded()) {
                queue.deleteMessage(message.getMessageId(), message.getPopReceipt());
            } else if (message.getDequeueCount() >= settings.maxDequeueCount()) {
                log.info("Message has reached MaxDequeueCount of " + settings.maxDequeueCount() + ". Moving message to queue '"
                        + poison.getQueueName() + "'.");
                moveToPoison(message, text);
            } else {
                queue.updateMessage(message.getMessageId(), message.getPopReceipt(), text, settings.visibilityTimeout());
            }
        } catch (RuntimeException e) {
            // The message stays hidden until its visibility ends, then it is tried again: nothing is lost.
            log.info("Could not settle message " + message.getMessageId() + " on queue '" + queue.getQueueName() + "': "
                    + e.getMessage());
        }
    }

    private void moveToPoison(QueueMessageItem message, String text) {
        poison.createIfNotExists();
        poison.sendMessage(text);
        queue.deleteMessage(message.getMessageId(), message.getPopReceipt());
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
        for (QueueMessageItem message : unsettled.values()) {
            try {
                queue.updateMessage(message.getMessageId(), message.getPopReceipt(), message.getBody().toString(), Duration.ZERO);
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
