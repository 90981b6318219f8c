package dev.funclab.runtime;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.azure.storage.queue.models.QueueMessageItem;
import dev.funclab.azurite.Azurite;
import dev.funclab.azurite.StorageEmulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** One Azurite for this test JVM, on free ports, and helpers to read what functions wrote. */
public final class TestStorage {

    /**
     * Test classes run side by side (junit-platform.properties) and share this Azurite, each with its own queue and
     * container names: they take this lock to READ; a class that empties the whole account takes it to READ_WRITE
     * and runs alone. Classes whose apps listen on the same names also share a lock named after that fixture.
     */
    public static final String LOCK = "funclab.test-storage";

    private static StorageEmulator azurite;

    private TestStorage() {
    }

    public static synchronized String connectionString() {
        if (azurite == null) {
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.remove("FUNCLAB_STORAGE");
            azurite = Azurite.provide(null, environment, false, System.out::println);
        }
        return azurite.connectionString();
    }

    public static QueueServiceClient queues() {
        return new QueueServiceClientBuilder().connectionString(connectionString()).buildClient();
    }

    public static BlobServiceClient blobs() {
        return new BlobServiceClientBuilder().connectionString(connectionString()).buildClient();
    }

    public static void upload(String container, String name, String text) {
        BlobContainerClient client = blobs().getBlobContainerClient(container);
        client.createIfNotExists();
        client.getBlobClient(name).upload(BinaryData.fromString(text), true);
    }

    /** The blob's text, or null when there is none. */
    public static String download(String container, String name) {
        BlobClient blob = blobs().getBlobContainerClient(container).getBlobClient(name);
        return blob.exists() ? blob.downloadContent().toString() : null;
    }

    /** Sends a message as Functions tools do: base64. */
    public static void send(String queueName, String text) {
        QueueClient queue = queues().getQueueClient(queueName);
        queue.createIfNotExists();
        queue.sendMessage(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Takes every message now on the queue, decoded. */
    public static List<String> drain(String queueName) {
        QueueClient queue = queues().getQueueClient(queueName);
        List<String> texts = new ArrayList<>();
        if (!exists(queue)) {
            return texts;
        }
        List<QueueMessageItem> batch;
        do {
            batch = queue.receiveMessages(32).stream().toList();
            for (QueueMessageItem message : batch) {
                texts.add(new String(Base64.getDecoder().decode(message.getBody().toString()), StandardCharsets.UTF_8));
                queue.deleteMessage(message.getMessageId(), message.getPopReceipt());
            }
        } while (!batch.isEmpty());
        return texts;
    }

    private static boolean exists(QueueClient queue) {
        try {
            queue.getProperties();
            return true;
        } catch (com.azure.storage.queue.models.QueueStorageException e) {
            return false;
        }
    }

    /** Polls until the condition holds, failing with {@code what} after the deadline. */
    public static void await(String what, Duration deadline, BooleanSupplier condition) {
        Instant end = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Timed out after " + deadline.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }
}
