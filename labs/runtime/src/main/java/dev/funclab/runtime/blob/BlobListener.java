package dev.funclab.runtime.blob;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.DownloadRetryOptions;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import dev.funclab.runtime.convert.Json;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.OutageReport;
import dev.funclab.runtime.function.PollingListener;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.invoke.InvocationResult;
import dev.funclab.runtime.log.HostLog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches one container for one function. Each blob version (ETag) that fits the pattern is
 * processed once: a receipt is written after success. A failing version is tried
 * {@code poisonBlobThreshold} times (host.json, 5 by default), then a message naming it goes to
 * {@value #POISON_QUEUE}.
 * The container is listed every 200 ms (less often for a container so large that listing it takes
 * longer than 50 ms: the listener then spends at most a fifth of its time listing), and at once when a
 * function of this host writes to it, so new blobs are picked up well within a second; not at all while blobs
 * found earlier still wait for a worker, as nothing it found could start sooner. What it remembers
 * is bounded by the blobs the container holds now, not by all it ever held.
 */
final class BlobListener extends PollingListener {

    static final String POISON_QUEUE = "webjobs-blobtrigger-poison";
    private static final Duration SCAN_INTERVAL = Duration.ofMillis(200);
    /** Between scans after a quiet spell, when nothing new has come for a while. */
    private static final Duration QUIET_SCAN_INTERVAL = Duration.ofSeconds(1);
    private static final Duration LONGEST_INTERVAL = Duration.ofSeconds(10);

    private final FunctionDefinition function;
    private final FunctionInvoker invoker;
    private final BlobContainerClient container;
    private final BlobPattern pattern;
    private final BlobReceipts receipts;
    private final QueueServiceClient queues;
    private final HostLog log;
    private final int maxTries;
    /** Blob name to the version (ETag) processed last; names the container no longer holds are dropped. */
    private final Map<String, String> handled = new ConcurrentHashMap<>();
    private final Set<String> underWay = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final OutageReport outage;

    BlobListener(FunctionDefinition function, FunctionInvoker invoker, BlobContainerClient container, BlobPattern pattern,
                 BlobReceipts receipts, QueueServiceClient queues, BlobSettings settings, HostLog log) {
        super("blob-" + container.getBlobContainerName(), Math.min(settings.maxDegreeOfParallelism(),
                Math.max(2, Runtime.getRuntime().availableProcessors() * 2)));
        this.maxTries = settings.poisonBlobThreshold();
        this.function = function;
        this.invoker = invoker;
        this.container = container;
        this.pattern = pattern;
        this.receipts = receipts;
        this.queues = queues;
        this.log = log;
        this.outage = new OutageReport("Container '" + container.getBlobContainerName() + "'", "listed", log::info);
    }

    @Override
    protected Duration poll() {
        if (underWay.size() > workerCount()) {
            // Every worker is busy and found blobs wait their turn: what a listing finds now could not start sooner,
            // and listing a large container costs storage and this host more than the wait.
            return SCAN_INTERVAL;
        }
        long started = System.nanoTime();
        boolean found = false;
        try {
            found = scan();
            outage.succeeded();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() != 404) { // 404: the container does not exist yet
                report("(" + e.getStatusCode() + "): " + e.getServiceMessage());
            }
        } catch (RuntimeException e) {
            report(": " + e.getMessage());
        }
        Duration shortest = pacing.interval(SCAN_INTERVAL, QUIET_SCAN_INTERVAL);
        if (found) {
            return shortest;
        }
        // A large container takes long to list: listing then takes at most a fifth of the time.
        Duration fifth = Duration.ofNanos((System.nanoTime() - started) * 4);
        return fifth.compareTo(shortest) < 0 ? shortest : fifth.compareTo(LONGEST_INTERVAL) > 0 ? LONGEST_INTERVAL : fifth;
    }

    /** How many blob versions the listener remembers as processed: at most the blobs the container holds. */
    int remembered() {
        return handled.size();
    }

    private void report(String problem) {
        if (running()) {
            outage.failed(problem);
        }
    }

    /** @return whether there were new blobs (uploads come in bursts: the next scan comes soon) */
    private boolean scan() {
        Set<String> present = new HashSet<>();
        boolean found = false;
        for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(pattern.prefix()), null)) {
            if (!running()) {
                return found;
            }
            var parts = pattern.match(item.getName());
            if (parts.isEmpty()) {
                continue;
            }
            present.add(item.getName());
            String eTag = item.getProperties().getETag();
            String key = item.getName() + "|" + eTag;
            if (eTag.equals(handled.get(item.getName())) || !underWay.add(key)) {
                continue;
            }
            found = true;
            // The receipt (processed before this host started?) is read by the worker: one storage call per new
            // blob would otherwise hold up the scan, and the calls of a burst of uploads, one after another.
            submit(() -> {
                try {
                    if (receipts.has(eTag, container.getBlobContainerName(), item.getName())) {
                        handled.put(item.getName(), eTag);
                    } else {
                        process(item, eTag, key, parts.get());
                    }
                } finally {
                    underWay.remove(key);
                }
            });
        }
        if (found) {
            pacing.worked();
        }
        // Forget what the container no longer holds, so memory follows its size, not its history.
        handled.keySet().retainAll(present);
        failures.keySet().removeIf(key -> !present.contains(key.substring(0, key.lastIndexOf('|'))));
        return found;
    }

    private void process(BlobItem item, String eTag, String key, Map<String, String> parts) {
        BlobClient blob = container.getBlobClient(item.getName());
        byte[] content;
        try {
            content = blob.downloadContentWithResponse(new DownloadRetryOptions(),
                    new BlobRequestConditions().setIfMatch(eTag), null, null).getValue().toBytes();
        } catch (BlobStorageException e) {
            return; // changed or deleted since it was listed: the next scan sees the new version, if any
        }
        Map<String, Object> data = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        data.putAll(parts);
        data.put("BlobTrigger", container.getBlobContainerName() + "/" + item.getName());
        data.put("Uri", blob.getBlobUrl());
        data.put("Metadata", item.getMetadata() == null ? Map.of() : item.getMetadata());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("Length", item.getProperties().getContentLength());
        properties.put("ContentType", item.getProperties().getContentType());
        properties.put("ETag", eTag);
        properties.put("LastModified", String.valueOf(item.getProperties().getLastModified()));
        data.put("Properties", properties);

        Invocation invocation = new Invocation(function, new BlobDelivery(container.getBlobContainerName(), item.getName(), eTag, content), data);
        InvocationResult result = invoker.invoke(invocation, "New blob detected: " + container.getBlobContainerName() + "/" + item.getName());
        try {
            if (result.succeeded()) {
                receipts.write(eTag, container.getBlobContainerName(), item.getName());
                handled.put(item.getName(), eTag);
                failures.remove(key);
            } else if (failures.merge(key, 1, Integer::sum) >= maxTries) {
                poison(item.getName(), eTag);
                receipts.write(eTag, container.getBlobContainerName(), item.getName());
                handled.put(item.getName(), eTag);
                failures.remove(key);
            }
        } catch (RuntimeException e) {
            log.info("Could not record the outcome for blob '" + item.getName() + "': " + e.getMessage() + ". It will be tried again.");
        }
    }

    private void poison(String blobName, String eTag) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("Type", "BlobTrigger");
        message.put("FunctionId", "Host.Functions." + function.name());
        message.put("BlobType", "BlockBlob");
        message.put("ContainerName", container.getBlobContainerName());
        message.put("BlobName", blobName);
        message.put("ETag", eTag);
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QueueClient poison = queues.getQueueClient(POISON_QUEUE);
        poison.createIfNotExists();
        poison.sendMessage(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        log.info("Blob '" + container.getBlobContainerName() + "/" + blobName + "' failed " + maxTries
                + " times in 'Functions." + function.name() + "'. Moved a message naming it to queue '" + POISON_QUEUE + "'.");
    }
}
