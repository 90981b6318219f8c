package dev.funclab.runtime.storage;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;

import java.util.List;

/**
 * Empties every container, queue and table of a development storage account in one step, what Azurite's
 * users have long asked for. The containers, queues and tables stay (a running host keeps listening to
 * them); what they hold goes, the host's own bookkeeping (blob receipts, poison queues) included.
 * Refused for any account but the emulator's: this is for a laptop, never for Azure.
 */
public final class StorageReset {

    /** What was removed. */
    public record Emptied(int blobs, int rows, List<String> containers, List<String> queues,
                          List<String> tables) {

        public String describe() {
            return "Emptied " + containers.size() + " container(s) (" + blobs + " blob(s)), " + queues.size()
                    + " queue(s) and " + tables.size() + " table(s) (" + rows + " row(s)).";
        }
    }

    private StorageReset() {
    }

    /**
     * @throws IllegalArgumentException for an account that is not the storage emulator's
     */
    public static Emptied emptyAll(String connectionString) {
        if (!connectionString.contains("AccountName=devstoreaccount1")) {
            throw new IllegalArgumentException("storage reset empties the emulator's account (devstoreaccount1) only, "
                    + "never a real storage account");
        }
        BlobServiceClient blobs = new BlobServiceClientBuilder().connectionString(connectionString).buildClient();
        QueueServiceClient queues = new QueueServiceClientBuilder().connectionString(connectionString).buildClient();
        TableServiceClient tables = new TableServiceClientBuilder().connectionString(connectionString).buildClient();
        int blobCount = 0;
        List<String> containerNames = blobs.listBlobContainers().stream().map(c -> c.getName()).toList();
        for (String name : containerNames) {
            BlobContainerClient container = blobs.getBlobContainerClient(name);
            for (BlobItem blob : container.listBlobs()) {
                container.getBlobClient(blob.getName()).deleteIfExists();
                blobCount++;
            }
        }
        List<String> queueNames = QueueNames.of(queues);
        for (String name : queueNames) {
            queues.getQueueClient(name).clearMessages();
        }
        int rows = 0;
        List<String> tableNames = tables.listTables().stream().map(t -> t.getName()).toList();
        for (String name : tableNames) {
            TableClient table = tables.getTableClient(name);
            for (TableEntity entity : table.listEntities(new ListEntitiesOptions().setSelect(List.of("PartitionKey", "RowKey")),
                    null, null)) {
                table.deleteEntity(entity.getPartitionKey(), entity.getRowKey());
                rows++;
            }
        }
        return new Emptied(blobCount, rows, containerNames, queueNames, tableNames);
    }
}
