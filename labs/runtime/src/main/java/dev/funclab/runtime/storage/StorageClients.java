package dev.funclab.runtime.storage;

import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;

/**
 * The Azure SDK clients of one storage account. Queue messages are encoded by the host itself
 * (base64, as the Functions extension does), so the queue client passes text through as it is.
 */
public final class StorageClients {

    private final String connectionString;
    private volatile BlobServiceClient blobs;
    private volatile QueueServiceClient queues;
    private volatile TableServiceClient tables;

    StorageClients(String connectionString) {
        this.connectionString = connectionString;
    }

    public BlobServiceClient blobs() {
        if (blobs == null) {
            synchronized (this) {
                if (blobs == null) {
                    blobs = new BlobServiceClientBuilder().connectionString(connectionString).buildClient();
                }
            }
        }
        return blobs;
    }

    public QueueServiceClient queues() {
        if (queues == null) {
            synchronized (this) {
                if (queues == null) {
                    queues = new QueueServiceClientBuilder().connectionString(connectionString).buildClient();
                }
            }
        }
        return queues;
    }

    public TableServiceClient tables() {
        if (tables == null) {
            synchronized (this) {
                if (tables == null) {
                    tables = new TableServiceClientBuilder().connectionString(connectionString).buildClient();
                }
            }
        }
        return tables;
    }
}
