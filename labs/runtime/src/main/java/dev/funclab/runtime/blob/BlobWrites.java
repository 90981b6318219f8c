package dev.funclab.runtime.blob;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobStorageException;

/**
 * Writes a blob into a container that may not exist yet: one request when it does, as nearly always, instead of
 * asking to create the container before every write (each ask a request, and an error answer, for the emulator).
 */
final class BlobWrites {

    private BlobWrites() {
    }

    static void upload(BlobContainerClient container, String name, BinaryData content) {
        BlobClient blob = container.getBlobClient(name);
        try {
            blob.upload(content, true);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() != 404) {
                throw e;
            }
            // No container: the first write to it, or the storage was emptied since. Make it and write again.
            container.createIfNotExists();
            blob.upload(content, true);
        }
    }
}
