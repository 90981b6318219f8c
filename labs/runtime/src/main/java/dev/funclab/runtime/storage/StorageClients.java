package dev.funclab.runtime.storage;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.storage.queue.QueueServiceClientBuilder;

import java.time.Duration;

/**
 * The Azure SDK clients of one storage account. Queue messages are encoded by the host itself
 * (base64, as the Functions extension does), so the queue client passes text through as it is.
 *
 * <p>Retries are short and explicit: the SDK's defaults (no per-try timeout, delays growing to two
 * minutes) would leave a listener or an invocation hanging for minutes when the emulator stops; here a
 * call gives up within about a minute and the listener's own loop tries again.
 */
public final class StorageClients {

    /** Three tries, each within 20 s (a 100 MB blob to a local emulator takes far less), 0.2-2 s apart. */
    private static final RequestRetryOptions STORAGE_RETRIES = new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 3,
            Duration.ofSeconds(20), Duration.ofMillis(200), Duration.ofSeconds(2), null);
    private static final RetryOptions TABLE_RETRIES = new RetryOptions(new ExponentialBackoffOptions()
            .setMaxRetries(2).setBaseDelay(Duration.ofMillis(200)).setMaxDelay(Duration.ofSeconds(2)));

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
                    blobs = new BlobServiceClientBuilder().connectionString(connectionString).retryOptions(STORAGE_RETRIES)
                            .buildClient();
                }
            }
        }
        return blobs;
    }

    public QueueServiceClient queues() {
        if (queues == null) {
            synchronized (this) {
                if (queues == null) {
                    queues = new QueueServiceClientBuilder().connectionString(connectionString).retryOptions(STORAGE_RETRIES)
                            .buildClient();
                }
            }
        }
        return queues;
    }

    public TableServiceClient tables() {
        if (tables == null) {
            synchronized (this) {
                if (tables == null) {
                    tables = new TableServiceClientBuilder().connectionString(connectionString).retryOptions(TABLE_RETRIES)
                            .buildClient();
                }
            }
        }
        return tables;
    }
}
