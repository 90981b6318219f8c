package dev.funclab.runtime.queue;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.azure.storage.queue.models.QueueStorageException;
import dev.funclab.runtime.convert.JsonProperties;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.TriggerListener;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.invoke.InvocationResult;
import dev.funclab.runtime.log.HostLog;
import dev.funclab.runtime.storage.Doorbell;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Feeds one queue to one function, at least once: a message is deleted only after the function
 * succeeds; a failure makes it visible again after {@code visibilityTimeout}; after
 * {@code maxDequeueCount} tries it moves, unchanged, to {@code <queue>-poison}. A queue that does
 * not exist yet is waited for.
 */
final class QueueListener implements TriggerListener {

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
    private final ExecutorService workers;
    private final Doorbell doorbell = new Doorbell();
    private volatile boolean running;
    private Thread poller;

    QueueListener(FunctionDefinition function, FunctionInvoker invoker, QueueClient queue, QueueClient poison,
                  QueueSettings settings, HostLog log) {
        this.function = function;
        this.invoker = invoker;
        this.queue = queue;
        this.poison = poison;
        this.settings = settings;
        this.log = log;
        this.slots = new Semaphore(settings.batchSize() + settings.newBatchThreshold());
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "queue-" + queue.getQueueName() + "-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void start() {
        running = true;
        poller = new Thread(this::poll, "queue-" + queue.getQueueName());
        poller.setDaemon(true);
        poller.start();
    }

    /** Someone just wrote to this queue: look now. */
    void wakeUp() {
        doorbell.ring();
    }

    private void poll() {
        Duration wait = FIRST_POLL;
        boolean reported = false;
        while (running) {
            try {
                int room = Math.min(settings.batchSize(), slots.availablePermits());
                if (room == 0) {
                    slots.acquire();
                    slots.release();
                    continue;
                }
                List<QueueMessageItem> batch = queue.receiveMessages(room, PROCESSING_VISIBILITY, null, null).stream().toList();
                reported = false;
                if (batch.isEmpty()) {
                    pause(wait);
                    wait = wait.multipliedBy(2).compareTo(settings.maxPollingInterval()) > 0 ? settings.maxPollingInterval() : wait.multipliedBy(2);
                    continue;
                }
                wait = FIRST_POLL;
                for (QueueMessageItem message : batch) {
                    slots.acquireUninterruptibly();
                    workers.execute(() -> {
                        try {
                            process(message);
                        } finally {
                            slots.release();
                        }
                    });
                }
            } catch (QueueStorageException e) {
                if (e.getStatusCode() == 404) {
                    pause(Duration.ofMillis(250)); // the queue does not exist yet: wait for it
                    continue;
                }
                if (!reported) {
                    log.info("Queue '" + queue.getQueueName() + "' could not be read (" + e.getStatusCode() + "): "
                            + e.getServiceMessage() + ". Retrying.");
                    reported = true;
                }
                pause(Duration.ofMillis(500));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running && !reported) {
                    log.info("Queue '" + queue.getQueueName() + "' could not be read: " + e.getMessage() + ". Retrying.");
                    reported = true;
                }
                pause(Duration.ofMillis(500));
            }
        }
    }

    private void process(QueueMessageItem message) {
        String text = message.getBody().toString();
        byte[] content;
        try {
            content = QueueMessages.decode(text);
        } catch (IllegalArgumentException e) {
            log.info("Message " + message.getMessageId() + " on queue '" + queue.getQueueName() + "' is not base64, as "
                    + "Functions expects (send it with the Azure SDK's QueueMessageEncoding.BASE64). Moving it to queue '"
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

    private void pause(Duration duration) {
        try {
            doorbell.await(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        wakeUp();
        workers.shutdown();
        try {
            if (poller != null) {
                poller.join(5_000);
            }
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
