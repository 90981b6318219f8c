package dev.funclab.runtime.soak;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.models.QueueMessageItem;
import com.azure.storage.queue.models.QueueStorageException;
import com.azure.core.util.BinaryData;
import dev.funclab.azurite.Azurite;
import dev.funclab.azurite.StorageEmulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

/**
 * Proves that nothing the host accepted is lost: a generated app whose queue function fails at random
 * takes thousands of messages and a few hundred blobs; the host is killed (SIGKILL) half-way and started
 * again; at the end every message was processed at least once or is in the poison queue, every blob
 * version was processed, and duplicates are counted. Then an HTTP fuzz pass. Run with {@code scripts/soak}.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, description = "Messages, blobs, a crash and a restart, and HTTP fuzz.")
public final class Soak implements Callable<Integer> {

    private static final String KEY = "soak-function-key";
    /**
     * Messages sent and not yet processed, at most: Azurite slows down as a queue grows (it scans it on
     * each receive), and a real producer keeps pace too. All messages are still sent, during the crash too.
     */
    private static final int BACKLOG = 1_000;

    @Option(names = "--messages", defaultValue = "10000", description = "Queue messages (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--blobs", defaultValue = "400", description = "Blobs; a fifth are written again after the restart "
            + "(default: ${DEFAULT-VALUE}).")
    int blobs;

    @Option(names = "--failure-rate", defaultValue = "0.2", description = "How often the queue function fails (default: ${DEFAULT-VALUE}).")
    double failureRate;

    @Option(names = "--fuzz-rounds", defaultValue = "5", description = "Rounds of the HTTP fuzz cases (default: ${DEFAULT-VALUE}).")
    int fuzzRounds;

    @Option(names = "--short", description = "The CI version: 1,000 messages, 60 blobs, one fuzz round.")
    boolean quick;

    @Option(names = "--work", description = "Where to keep the app and the host's console (default: a new temporary folder).")
    Path work;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Soak()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (quick) {
            messages = 1_000;
            blobs = 60;
            fuzzRounds = 1;
        }
        if (messages < 2 || blobs < 0 || fuzzRounds < 0 || failureRate < 0 || failureRate >= 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--messages needs 2 or more (the host is "
                    + "killed half-way), --blobs and --fuzz-rounds 0 or more, --failure-rate from 0 up to (not including) 1");
        }
        Path folder = work != null ? Files.createDirectories(work) : Files.createTempDirectory("soak");
        Path app = SoakApp.build(folder);
        Path console = folder.resolve("host-console.log");
        long started = System.nanoTime();
        say("Storage: starting Azurite");
        try (StorageEmulator azurite = Azurite.provide(null, System.getenv(), false, Soak::say)) {
            Storage storage = new Storage(azurite.connectionString());
            Map<String, String> settings = Map.of("AzureWebJobsStorage", azurite.connectionString(),
                    "SOAK_FAILURE_RATE", String.valueOf(failureRate),
                    // after the crash, messages the dead host held come back in 10 s, not 10 minutes
                    "FUNCLAB_QUEUE_PROCESSING_VISIBILITY", "10",
                    "FUNCLAB_REQUEST_BODY_TIMEOUT", "3");
            int port = freePort();
            say("App: " + app + " (the host's console: " + console + ")");

            HostProcess first = HostProcess.start(app, port, KEY, settings, console);
            say("Sending " + messages + " messages (at most " + BACKLOG + " waiting at a time) and " + blobs + " blobs");
            Results results = new Results();
            Tally processed = results.processed;
            Tally blobsSeen = results.blobs;
            Thread sender = storage.sendInBackground(messages, () -> processed.distinct() + results.poisoned.distinct());
            storage.upload(blobs, 0, "v1");
            awaitProgress("half of the messages", processed::distinct, messages / 2, storage, results);
            int inFlightAtKill = messages - processed.distinct();
            say("Killing the host (SIGKILL) with " + processed.distinct() + " of " + messages + " messages done");
            first.kill();

            HostProcess second = HostProcess.start(app, port, KEY, settings, console);
            say("Host started again; writing " + (blobs / 5) + " blobs a second time");
            storage.upload(blobs / 5, 0, "v2");
            int expectedBlobs = blobs + blobs / 5;
            awaitProgress("every message", () -> processed.distinct() + results.poisoned.distinct(), messages, storage, results);
            sender.join();
            awaitProgress("every blob version", blobsSeen::distinct, expectedBlobs, storage, results);

            say("HTTP fuzz: " + fuzzRounds + " round(s)");
            HttpFuzz.Result fuzz = new HttpFuzz("127.0.0.1", port, KEY).run(fuzzRounds, 42);
            boolean alive = second.isAlive();
            List<String> faults = second.faults();
            second.close();

            Tally poisoned = results.poisoned;
            List<String> lost = IntStream.range(0, messages).mapToObj(Storage::message)
                    .filter(m -> processed.count(m) == 0 && poisoned.count(m) == 0).toList();
            List<String> blobsLost = storage.blobVersions(blobs, blobs / 5).stream().filter(v -> blobsSeen.count(v) == 0).toList();
            int blobDuplicates = blobsSeen.duplicates();

            say("");
            say(String.format("Messages: %d sent, %d processed, %d in the poison queue, %d lost; %d processed more than "
                    + "once (%d extra runs)", messages, processed.distinct(), poisoned.distinct(), lost.size(),
                    processed.repeated(), processed.duplicates()));
            say(String.format("Blobs: %d versions written, %d processed, %d lost, %d processed twice", expectedBlobs,
                    blobsSeen.distinct(), blobsLost.size(), blobDuplicates));
            say(String.format("HTTP fuzz: %d requests, answers %s, %d findings, host %s, %d host faults in its log",
                    fuzz.requests(), fuzz.statuses(), fuzz.findings().size(), alive ? "alive" : "DEAD", faults.size()));
            fuzz.findings().stream().distinct().limit(20).forEach(f -> say("  finding: " + f));
            faults.stream().limit(10).forEach(f -> say("  host fault: " + f));
            say(String.format("Took %d s; when the host was killed, %d messages were not processed yet",
                    (System.nanoTime() - started) / 1_000_000_000L, inFlightAtKill));
            // A blob run twice can only be one the dead host was running when killed.
            int blobWorkers = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
            boolean passed = lost.isEmpty() && blobsLost.isEmpty() && blobDuplicates <= blobWorkers
                    && fuzz.findings().isEmpty() && faults.isEmpty() && alive;
            say(passed ? "PASS: nothing accepted was lost" : "FAIL" + (lost.isEmpty() ? "" : ": lost messages " + lost.stream().limit(10).toList())
                    + (blobsLost.isEmpty() ? "" : ": lost blobs " + blobsLost.stream().limit(10).toList()));
            return passed ? 0 : 1;
        }
    }

    /** Drains the result queues until {@code progress} reaches {@code goal}, saying how far it got every few seconds. */
    private void awaitProgress(String what, IntSupplier progress, int goal, Storage storage, Results results)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        long nextReport = 0;
        while (progress.getAsInt() < goal) {
            if (System.nanoTime() > deadline) {
                say("Gave up waiting for " + what + " after 8 minutes");
                return;
            }
            int drained = storage.drain(SoakApp.DONE_QUEUE, results.processed)
                    + storage.drain(SoakApp.BLOB_DONE_QUEUE, results.blobs)
                    + storage.drain(SoakApp.INPUT_QUEUE + "-poison", results.poisoned);
            if (System.nanoTime() > nextReport) {
                say(String.format("  %d/%d messages processed, %d poisoned, %d blob versions", results.processed.distinct(),
                        messages, results.poisoned.distinct(), results.blobs.distinct()));
                nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            }
            if (drained == 0) {
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }

    /** What came back: messages processed, messages poisoned, blob versions seen. */
    static final class Results {
        final Tally processed = new Tally();
        final Tally poisoned = new Tally();
        final Tally blobs = new Tally();
    }

    /** How often each result was seen. */
    static final class Tally {
        private final Map<String, Integer> counts = new ConcurrentHashMap<>();

        void add(String result) {
            counts.merge(result, 1, Integer::sum);
        }

        int count(String result) {
            return counts.getOrDefault(result, 0);
        }

        int distinct() {
            return counts.size();
        }

        /** Results seen more than once. */
        int repeated() {
            return (int) counts.values().stream().filter(c -> c > 1).count();
        }

        /** Extra sightings beyond the first. */
        int duplicates() {
            return counts.values().stream().mapToInt(c -> c - 1).sum();
        }
    }

    /** The soak's side of Azurite: what it sends, what it reads back. */
    private static final class Storage {
        private final String connection;
        private final BlobContainerClient container;
        private final Map<String, QueueClient> queues = new ConcurrentHashMap<>();

        Storage(String connection) {
            this.connection = connection;
            this.container = new BlobServiceClientBuilder().connectionString(connection).buildClient()
                    .getBlobContainerClient(SoakApp.BLOB_CONTAINER);
            container.createIfNotExists();
        }

        static String message(int i) {
            return String.format("m-%05d", i);
        }

        QueueClient queue(String name) {
            return queues.computeIfAbsent(name, n -> {
                QueueClient queue = new QueueClientBuilder().connectionString(connection).queueName(n)
                        .messageEncoding(QueueMessageEncoding.BASE64).buildClient();
                queue.createIfNotExists();
                return queue;
            });
        }

        /** Sends {@code count} messages from a background thread, keeping at most {@link #BACKLOG} unprocessed. */
        Thread sendInBackground(int count, IntSupplier done) {
            QueueClient queue = queue(SoakApp.INPUT_QUEUE);
            Thread sender = new Thread(() -> {
                ExecutorService senders = Executors.newFixedThreadPool(8);
                try {
                    for (int i = 0; i < count; i++) {
                        while (i - done.getAsInt() >= BACKLOG) {
                            Thread.sleep(20);
                        }
                        String text = message(i);
                        senders.execute(() -> queue.sendMessage(text));
                    }
                    senders.shutdown();
                    senders.awaitTermination(10, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "soak-sender");
            sender.setDaemon(true);
            sender.start();
            return sender;
        }

        void upload(int count, int from, String version) throws InterruptedException {
            ExecutorService uploaders = Executors.newFixedThreadPool(8);
            for (int i = from; i < from + count; i++) {
                String name = String.format("b-%04d.txt", i);
                uploaders.execute(() -> container.getBlobClient(name).upload(BinaryData.fromString(name + ":" + version), true));
            }
            uploaders.shutdown();
            uploaders.awaitTermination(10, TimeUnit.MINUTES);
        }

        List<String> blobVersions(int count, int rewritten) {
            List<String> versions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                versions.add(String.format("b-%04d.txt:v1", i));
            }
            for (int i = 0; i < rewritten; i++) {
                versions.add(String.format("b-%04d.txt:v2", i));
            }
            return versions;
        }

        /** Reads and deletes what is on a result queue now, counting it; how many were read. */
        int drain(String name, Tally tally) {
            QueueClient queue = queue(name);
            int read = 0;
            // Hidden long enough that a slow Azurite never shows one twice to this reader (a false duplicate).
            for (QueueMessageItem item : queue.receiveMessages(32, Duration.ofMinutes(10), null, null)) {
                tally.add(item.getBody().toString());
                try {
                    queue.deleteMessage(item.getMessageId(), item.getPopReceipt());
                } catch (QueueStorageException e) {
                    if (e.getStatusCode() != 404) { // 404: a retried delete that had worked the first time
                        throw e;
                    }
                }
                read++;
            }
            return read;
        }
    }
}
