package dev.funclab.runtime.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.app.HostJson;
import dev.funclab.runtime.storage.TimeSpans;

import java.time.Duration;

/**
 * {@code extensions.queues} of host.json, with the Functions defaults: batch of 16 (at most 32), a new
 * batch when at most batchSize/2 x cores are running, 5 tries before the poison queue, and retries
 * made visible at once. Idle polling here starts at 10 ms and is capped at 50 ms (or a lower
 * {@code maxPollingInterval}), so that new messages are picked up within tens of milliseconds; after a quiet
 * spell ({@link dev.funclab.runtime.function.IdlePacing}) at 1 s (or a lower {@code maxPollingInterval}).
 * {@code messageEncoding} is {@code base64} (the default) or {@code none} (plain text), as in Azure.
 */
public record QueueSettings(int batchSize, int newBatchThreshold, int maxDequeueCount, Duration visibilityTimeout,
                            Duration maxPollingInterval, Duration quietPollingInterval, boolean base64,
                            Duration processingVisibility) {

    static final Duration POLL_CAP = Duration.ofMillis(50);
    static final Duration QUIET_POLL_CAP = Duration.ofSeconds(1);
    /** Azure's default maxPollingInterval. */
    static final Duration AZURE_POLL_CAP = Duration.ofMinutes(1);
    /** How long a message stays hidden while its function runs, renewed at half of it, as in the Functions extension. */
    static final Duration PROCESSING_VISIBILITY = Duration.ofMinutes(10);
    /** The app setting that shortens {@link #processingVisibility()} (seconds), to see renewals happen; the kit's own. */
    public static final String PROCESSING_VISIBILITY_SETTING = "FUNCLAB_QUEUE_PROCESSING_VISIBILITY";

    public static QueueSettings from(HostJson hostJson) {
        JsonNode queues = hostJson.extension("queues");
        int batchSize = queues.path("batchSize").asInt(16);
        if (batchSize < 1 || batchSize > 32) {
            throw new IllegalArgumentException("host.json extensions.queues.batchSize must be from 1 to 32, not " + batchSize);
        }
        int threshold = queues.has("newBatchThreshold") ? queues.get("newBatchThreshold").asInt()
                : batchSize / 2 * Runtime.getRuntime().availableProcessors();
        int maxDequeueCount = queues.path("maxDequeueCount").asInt(5);
        if (maxDequeueCount < 1) {
            throw new IllegalArgumentException("host.json extensions.queues.maxDequeueCount must be 1 or more");
        }
        Duration visibility = queues.has("visibilityTimeout") ? TimeSpans.parse(queues.get("visibilityTimeout").asText()) : Duration.ZERO;
        Duration polling = queues.has("maxPollingInterval") ? TimeSpans.parse(queues.get("maxPollingInterval").asText())
                : AZURE_POLL_CAP;
        String encoding = queues.path("messageEncoding").asText("base64").strip().toLowerCase(java.util.Locale.ROOT);
        if (!encoding.equals("base64") && !encoding.equals("none")) {
            throw new IllegalArgumentException("host.json extensions.queues.messageEncoding must be base64 or none, not '"
                    + queues.path("messageEncoding").asText() + "'");
        }
        return new QueueSettings(batchSize, Math.max(0, threshold), maxDequeueCount, visibility,
                shorter(polling, POLL_CAP), shorter(polling, QUIET_POLL_CAP), encoding.equals("base64"), PROCESSING_VISIBILITY);
    }

    /**
     * These settings with the processing visibility of {@value #PROCESSING_VISIBILITY_SETTING}, if set.
     *
     * @throws IllegalArgumentException when the setting is not a whole number of seconds from 2 to 600
     */
    public QueueSettings withProcessingVisibility(java.util.Optional<String> seconds) {
        if (seconds.isEmpty()) {
            return this;
        }
        try {
            long value = Long.parseLong(seconds.get().strip());
            if (value >= 2 && value <= 600) {
                return new QueueSettings(batchSize, newBatchThreshold, maxDequeueCount, visibilityTimeout, maxPollingInterval,
                        quietPollingInterval, base64, Duration.ofSeconds(value));
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("the app setting " + PROCESSING_VISIBILITY_SETTING + " must be a number of "
                + "seconds from 2 to 600, not '" + seconds.get() + "'");
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
