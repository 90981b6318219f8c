package dev.funclab.runtime.storage;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.data.tables.models.TableEntity;
import dev.funclab.runtime.TestStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One step empties the emulator's account, and never touches a real one. */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ_WRITE)
class StorageResetTest {

    @Test
    void everyContainerQueueAndTableIsEmptiedAndStaysInPlace() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestStorage.upload("reset-" + suffix, "a.txt", "a");
        TestStorage.send("reset-" + suffix, "hello");
        TableClient table = new TableServiceClientBuilder().connectionString(TestStorage.connectionString()).buildClient()
                .createTableIfNotExists("Reset" + suffix);
        table.createEntity(new TableEntity("p", "r"));

        StorageReset.Emptied emptied = StorageReset.emptyAll(TestStorage.connectionString());

        assertThat(emptied.containers()).contains("reset-" + suffix);
        assertThat(emptied.queues()).contains("reset-" + suffix);
        assertThat(emptied.tables()).contains("Reset" + suffix);
        assertThat(TestStorage.blobs().getBlobContainerClient("reset-" + suffix).listBlobs()).isEmpty();
        assertThat(TestStorage.queues().getQueueClient("reset-" + suffix).getProperties().getApproximateMessagesCount()).isZero();
        assertThat(table.listEntities()).isEmpty();
        assertThat(emptied.describe()).startsWith("Emptied ");
    }

    @Test
    void aRealAccountIsRefused() {
        assertThatThrownBy(() -> StorageReset.emptyAll(
                "DefaultEndpointsProtocol=https;AccountName=mystorage;AccountKey=a2V5;EndpointSuffix=core.windows.net"))
                .hasMessageContaining("never a real storage account");
    }
}
