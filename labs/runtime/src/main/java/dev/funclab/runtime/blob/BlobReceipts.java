package dev.funclab.runtime.blob;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;

/**
 * Which blob versions a function has handled, kept where the Azure host keeps them, so that a
 * restart does not process them again: container {@code azure-webjobs-hosts}, blob
 * {@code blobreceipts/{hostId}/{functionId}/{eTag}/{container}/{blob}}.
 */
final class BlobReceipts {

    static final String CONTAINER = "azure-webjobs-hosts";

    private final BlobContainerClient receipts;
    private final String prefix;

    BlobReceipts(BlobServiceClient blobs, String hostId, String functionId) {
        this.receipts = blobs.getBlobContainerClient(CONTAINER);
        this.prefix = "blobreceipts/" + hostId + "/" + functionId + "/";
    }

    boolean has(String eTag, String container, String blob) {
        return receipts.getBlobClient(path(eTag, container, blob)).exists(); // false without the container too
    }

    void write(String eTag, String container, String blob) {
        BlobWrites.upload(receipts, path(eTag, container, blob), BinaryData.fromString(""));
    }

    private String path(String eTag, String container, String blob) {
        return prefix + eTag.replace("\"", "") + "/" + container + "/" + blob;
    }
}
