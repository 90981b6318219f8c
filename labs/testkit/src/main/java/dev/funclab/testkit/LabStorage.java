package dev.funclab.testkit;

import com.azure.core.util.BinaryData;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.data.tables.models.TableEntity;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.azure.storage.queue.models.QueueMessageItem;
import com.azure.storage.queue.models.QueueStorageException;
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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The storage the lab's host uses in tests: one Azurite per test JVM, on free ports, stopped when
 * the JVM ends (or the storage the run names, see {@link RunSettings#storage()}). Tests use it as a student would use Storage Explorer: upload a blob, send a
 * message, read what the functions wrote, waiting with a deadline.
 */
public final class LabStorage {

    private static LabStorage shared;
    private static final Map<String, LabStorage> byConnection = new HashMap<>();

    private final String connectionString;
    private final BlobServiceClient blobs;
    private final QueueServiceClient queues;
    private final TableServiceClient tables;

    private LabStorage(String connectionString) {
        this.connectionString = connectionString;
        this.blobs = new BlobServiceClientBuilder().connectionString(connectionString).buildClient();
        this.queues = new QueueServiceClientBuilder().connectionString(connectionString).buildClient();
        this.tables = new TableServiceClientBuilder().connectionString(connectionString).buildClient();
    }

    /** This JVM's storage, started on first use. */
    public static synchronized LabStorage shared() {
        if (shared == null) {
            Map<String, String> environment = new HashMap<>(System.getenv());
            StorageEmulator emulator = Azurite.provide(null, environment, false, System.out::println);
            shared = new LabStorage(emulator.connectionString());
        }
        return shared;
    }

    /** Storage that is already running, such as the Azurite the grader starts for one submission. */
    public static synchronized LabStorage of(String connectionString) {
        return byConnection.computeIfAbsent(connectionString, LabStorage::new);
    }

    /** Drops the clients kept for a storage that has stopped (the grader, after each submission). */
    public static synchronized void forget(String connectionString) {
        byConnection.remove(connectionString);
    }

    public String connectionString() {
        return connectionString;
    }

    public BlobServiceClient blobs() {
        return blobs;
    }

    public QueueServiceClient queues() {
        return queues;
    }

    public TableServiceClient tables() {
        return tables;
    }

    /** Uploads (or replaces) a blob, creating the container. */
    public void upload(String container, String name, byte[] content) {
        BlobContainerClient client = blobs.getBlobContainerClient(container);
        client.createIfNotExists();
        client.getBlobClient(name).upload(BinaryData.fromBytes(content), true);
    }

    public Optional<byte[]> download(String container, String name) {
        BlobClient blob = blobs.getBlobContainerClient(container).getBlobClient(name);
        return blob.exists() ? Optional.of(blob.downloadContent().toBytes()) : Optional.empty();
    }

    /** Waits for a blob to appear and returns its content. */
    public byte[] awaitBlob(String container, String name, Duration deadline) {
        return await("blob " + container + "/" + name, deadline, () -> download(container, name));
    }

    /**
     * Sends a message the way Functions tools do: base64, creating the queue. Returns its id, which the
     * host logs as {@code Trigger Details: MessageId: <id>} (see {@link RunningHost#awaitInvocation}).
     */
    public String send(String queue, String text) {
        QueueClient client = queues.getQueueClient(queue);
        client.createIfNotExists();
        return client.sendMessage(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))).getMessageId();
    }

    /** Removes and returns every message now on the queue, decoded. */
    public List<String> receiveAll(String queue) {
        QueueClient client = queues.getQueueClient(queue);
        List<String> texts = new ArrayList<>();
        try {
            List<QueueMessageItem> batch;
            do {
                batch = client.receiveMessages(32).stream().toList();
                for (QueueMessageItem message : batch) {
                    texts.add(decode(message.getBody().toString()));
                    client.deleteMessage(message.getMessageId(), message.getPopReceipt());
                }
            } while (!batch.isEmpty());
        } catch (QueueStorageException e) {
            if (e.getStatusCode() != 404) {
                throw e;
            }
        }
        return texts;
    }

    /** The entity, if the table and the entity exist. */
    public Optional<TableEntity> entity(String table, String partitionKey, String rowKey) {
        try {
            TableClient client = tables.getTableClient(table);
            return Optional.of(client.getEntity(partitionKey, rowKey));
        } catch (com.azure.data.tables.models.TableServiceException e) {
            return Optional.empty();
        }
    }

    /**
     * Polls until {@code probe} gives a value, every 50 ms; fails with {@code what} after the deadline.
     */
    public static <T> T await(String what, Duration deadline, Supplier<Optional<T>> probe) {
        Instant end = Instant.now().plus(deadline);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Waited " + deadline.toSeconds() + " s for " + what + ", but it did not come. "
                        + "Is the function running? Its host log is in the lab's folder: labs/<lab>/target/host-logs/.");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what);
            }
        }
    }

    private static String decode(String text) {
        try {
            return new String(Base64.getDecoder().decode(text.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return text;
        }
    }
}
