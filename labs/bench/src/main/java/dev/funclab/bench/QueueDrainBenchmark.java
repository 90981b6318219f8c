package dev.funclab.bench;

import com.azure.storage.queue.QueueAsyncClient;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.azure.storage.queue.models.QueueMessageItem;
import dev.funclab.azurite.StorageEmulator;
import dev.funclab.bench.apps.drain.Drain;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.app.HostJson;
import dev.funclab.runtime.queue.QueueSettings;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Queue drain: a queue of messages emptied by a function that does nothing, through the host, against a raw Azure
 * SDK loop that receives and deletes them with the host's batch size and concurrency, on the same Azurite. Both
 * are timed from a full queue to an empty one. The 5,000 messages go in rounds of 500: Azurite slows down
 * sharply with thousands of messages in one queue (the two sides would then measure Azurite's backlog, not
 * their own work), and each round's queue is deleted after it.
 */
final class QueueDrainBenchmark implements Benchmark {

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public String description() {
        return "queue drain: a do-nothing queue function vs a raw SDK receive/delete loop, same batch and concurrency";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        try (StorageEmulator azurite = context.ownStorage()) {
            return run(context, azurite.connectionString());
        }
    }

    private List<Figure> run(BenchContext context, String storage) throws Exception {
        int messages = 500;
        int rounds = context.rounds(10);
        var service = new QueueServiceClientBuilder().connectionString(storage).buildClient();
        var asyncService = new QueueServiceClientBuilder().connectionString(storage).buildAsyncClient();
        Path app = FunctionApps.packaged(context.folder("queue-app"), Drain.class);
        QueueSettings settings = QueueSettings.from(HostJson.read(app.resolve("host.json")));
        List<Double> host = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            String name = "drain-" + round + "-" + System.nanoTime() % 100_000;
            // Each goes first every other round, so that neither always meets an Azurite the other just churned;
            // each queue is filled just before its drain, so that Azurite holds one backlog at a time.
            double rawRate = 0;
            double hostRate = 0;
            for (int turn = 0; turn < 2; turn++) {
                boolean hostTurn = (round + turn) % 2 == 1;
                QueueClient queue = service.getQueueClient(name + (hostTurn ? "-host" : "-raw"));
                fill(asyncService.getQueueAsyncClient(queue.getQueueName()), messages);
                if (hostTurn) {
                    hostRate = messages / drainThroughHost(app, storage, queue, messages);
                } else {
                    rawRate = messages / drainRaw(queue, settings, messages);
                }
                queue.delete();
            }
            raw.add(rawRate);
            host.add(hostRate);
            context.progress(String.format("queue: round %d/%d: %,d messages, host %,.0f msg/s, raw loop %,.0f msg/s",
                    round, rounds, messages, hostRate, rawRate));
        }
        return List.of(Figure.rate("queue: drain " + messages + "-message rounds, host vs raw SDK loop", "msg/s", new Samples(host), new Samples(raw),
                Goal.ratioAtLeast(0.8)));
    }

    /** Sends {@code count} base64 messages, as Functions tools do, many at once. */
    private static void fill(QueueAsyncClient queue, int count) {
        queue.createIfNotExists().block();
        Flux.range(0, count)
                .flatMap(i -> queue.sendMessage(Base64.getEncoder().encodeToString(("message " + i).getBytes(StandardCharsets.UTF_8))), 32)
                .blockLast();
    }

    /**
     * Seconds from the host's start on a full queue (its listeners start last) until every message was processed
     * and the queue is empty. Calls are counted from the host's console; the queue is asked only at the end, as
     * counting a large queue costs Azurite more than a receive.
     */
    private static double drainThroughHost(Path app, String storage, QueueClient queue, int messages) throws Exception {
        AtomicInteger done = new AtomicInteger();
        try (HostRun ignored = HostRun.start(HostOptions.forApp(app).withEnvironment(Map.of("AzureWebJobsStorage", storage,
                "DRAIN_QUEUE", queue.getQueueName())), app.resolve(queue.getQueueName() + ".log"), line -> {
                    if (line.contains("Executed 'Functions.drain' (Succeeded")) {
                        done.incrementAndGet();
                    }
                })) {
            long started = System.nanoTime();
            await("the host to process " + messages + " messages", () -> done.get() >= messages, 10);
            awaitEmpty(queue);
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /**
     * The host's queue listener without the host: receive up to a batch while fewer than batch + threshold are in
     * flight, hand each message to a worker that decodes and deletes it.
     */
    private static double drainRaw(QueueClient queue, QueueSettings settings, int messages) throws InterruptedException {
        long started = System.nanoTime();
        AtomicInteger deleted = new AtomicInteger();
        Semaphore slots = new Semaphore(settings.batchSize() + settings.newBatchThreshold());
        ExecutorService workers = Executors.newCachedThreadPool();
        try {
            while (true) {
                int room = Math.min(settings.batchSize(), Math.max(1, slots.availablePermits()));
                List<QueueMessageItem> batch = queue.receiveMessages(room, settings.processingVisibility(), null, null)
                        .stream().toList();
                if (batch.isEmpty()) {
                    slots.acquire(settings.batchSize() + settings.newBatchThreshold()); // every call done
                    slots.release(settings.batchSize() + settings.newBatchThreshold());
                    if (deleted.get() >= messages) {
                        break;
                    }
                    continue;
                }
                for (QueueMessageItem message : batch) {
                    slots.acquire();
                    workers.execute(() -> {
                        try {
                            Base64.getDecoder().decode(message.getBody().toString());
                            queue.deleteMessage(message.getMessageId(), message.getPopReceipt());
                            deleted.incrementAndGet();
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
            awaitEmpty(queue);
            return (System.nanoTime() - started) / 1e9;
        } finally {
            workers.shutdown();
        }
    }

    private static void awaitEmpty(QueueClient queue) throws InterruptedException {
        await("queue " + queue.getQueueName() + " to be empty", () -> queue.getProperties().getApproximateMessagesCount() == 0, 100);
    }

    private static void await(String what, BooleanSupplier condition, long pollMillis) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited 5 minutes for " + what);
            }
            Thread.sleep(pollMillis);
        }
    }
}
