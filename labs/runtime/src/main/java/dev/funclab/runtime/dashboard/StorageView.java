package dev.funclab.runtime.dashboard;

import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.azure.storage.queue.models.PeekedMessageItem;
import com.azure.storage.queue.models.QueueMessageItem;
import dev.funclab.runtime.storage.QueueNames;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the app's storage holds, for the dashboard: queues with their depth and poison count, containers
 * with their first blobs, tables with their first rows; and the few things a student does to it (peek,
 * requeue from poison, clear). Bounded everywhere: a page shows the first {@value #SHOWN} of each.
 */
final class StorageView {

    static final int SHOWN = 50;

    private final BlobServiceClient blobs;
    private final QueueServiceClient queues;
    private final TableServiceClient tables;

    StorageView(String connectionString) {
        this.blobs = new BlobServiceClientBuilder().connectionString(connectionString).buildClient();
        this.queues = new QueueServiceClientBuilder().connectionString(connectionString).buildClient();
        this.tables = new TableServiceClientBuilder().connectionString(connectionString).buildClient();
    }

    record Queue(String name, int depth, int poison) {
    }

    record Blob(String name, long size, String contentType) {
    }

    record Container(String name, List<Blob> blobs) {
    }

    record Table(String name, List<Map<String, Object>> rows) {
    }

    record Overview(List<Queue> queues, List<Container> containers, List<Table> tables) {
    }

    Overview overview() {
        List<String> queueNames = QueueNames.of(queues);
        List<Queue> queueList = new ArrayList<>();
        for (String name : queueNames) {
            if (name.endsWith("-poison")) {
                continue;
            }
            String poison = name + "-poison";
            queueList.add(new Queue(name, depth(name), queueNames.contains(poison) ? depth(poison) : 0));
        }
        List<Container> containers = new ArrayList<>();
        blobs.listBlobContainers().forEach(c -> {
            List<Blob> items = new ArrayList<>();
            for (BlobItem item : blobs.getBlobContainerClient(c.getName())
                    .listBlobs(new ListBlobsOptions().setMaxResultsPerPage(SHOWN), null)) {
                items.add(new Blob(item.getName(), item.getProperties().getContentLength(),
                        item.getProperties().getContentType()));
                if (items.size() >= SHOWN) {
                    break;
                }
            }
            containers.add(new Container(c.getName(), items));
        });
        List<Table> tableList = new ArrayList<>();
        tables.listTables().forEach(t -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TableEntity entity : tables.getTableClient(t.getName())
                    .listEntities(new ListEntitiesOptions().setTop(SHOWN), null, null)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("PartitionKey", entity.getPartitionKey());
                row.put("RowKey", entity.getRowKey());
                entity.getProperties().forEach((key, value) -> {
                    if (!key.startsWith("odata.") && !key.equals("PartitionKey") && !key.equals("RowKey")) {
                        row.put(key, value == null ? null : value.toString());
                    }
                });
                rows.add(row);
                if (rows.size() >= SHOWN) {
                    break;
                }
            }
            tableList.add(new Table(t.getName(), rows));
        });
        return new Overview(queueList, containers, tableList);
    }

    private int depth(String queue) {
        return queues.getQueueClient(queue).getProperties().getApproximateMessagesCount();
    }

    /** Up to 32 messages, decoded from base64 where they are, without taking them. */
    List<String> peek(String queue) {
        List<String> texts = new ArrayList<>();
        for (PeekedMessageItem message : queues.getQueueClient(queue).peekMessages(32, null, null)) {
            texts.add(decoded(message.getBody().toString()));
        }
        return texts;
    }

    /** Moves every message of {@code <queue>-poison} back to {@code <queue>}, unchanged; how many moved. */
    int requeue(String queue) {
        QueueClient poison = queues.getQueueClient(queue + "-poison");
        QueueClient target = queues.getQueueClient(queue);
        target.createIfNotExists();
        int moved = 0;
        List<QueueMessageItem> batch;
        do {
            batch = poison.receiveMessages(32, Duration.ofMinutes(1), null, null).stream().toList();
            for (QueueMessageItem message : batch) {
                target.sendMessage(message.getBody().toString());
                poison.deleteMessage(message.getMessageId(), message.getPopReceipt());
                moved++;
            }
        } while (!batch.isEmpty());
        return moved;
    }

    void clear(String queue) {
        queues.getQueueClient(queue).clearMessages();
    }

    /** A blob's bytes and content type, for thumbnails, players and downloads. */
    record Content(byte[] bytes, String contentType) {
    }

    Content download(String container, String name) {
        var blob = blobs.getBlobContainerClient(container).getBlobClient(name);
        byte[] bytes = blob.downloadContent().toBytes();
        String type = blob.getProperties().getContentType();
        boolean untyped = type == null || type.isBlank() || type.equals("application/octet-stream");
        return new Content(bytes, untyped ? guessType(name) : type);
    }

    /** Blobs uploaded without a content type (the SDK's default is octet-stream) still show: a picture as a picture, a recording as sound. */
    private static String guessType(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "image/jpeg" : lower.endsWith(".png") ? "image/png"
                : lower.endsWith(".wav") ? "audio/wav" : lower.endsWith(".json") ? "application/json"
                : lower.endsWith(".txt") ? "text/plain; charset=utf-8" : "application/octet-stream";
    }

    private static String decoded(String text) {
        try {
            return new String(Base64.getDecoder().decode(text.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return text;
        }
    }
}
