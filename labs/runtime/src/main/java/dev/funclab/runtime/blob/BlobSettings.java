package dev.funclab.runtime.blob;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.app.HostJson;

/**
 * {@code extensions.blobs} of host.json, as the Storage extension 5.x reads it: how many times a blob
 * is tried before a message naming it goes to the poison queue ({@code poisonBlobThreshold}, 5), and
 * how many blob-triggered invocations run at once ({@code maxDegreeOfParallelism}, 8 x cores).
 */
record BlobSettings(int poisonBlobThreshold, int maxDegreeOfParallelism) {

    static BlobSettings from(HostJson hostJson) {
        JsonNode blobs = hostJson.extension("blobs");
        int threshold = blobs.path("poisonBlobThreshold").asInt(5);
        if (threshold < 1) {
            throw new IllegalArgumentException("host.json extensions.blobs.poisonBlobThreshold must be 1 or more, not "
                    + blobs.path("poisonBlobThreshold").asText());
        }
        int parallelism = blobs.path("maxDegreeOfParallelism").asInt(8 * Runtime.getRuntime().availableProcessors());
        if (parallelism < 1) {
            throw new IllegalArgumentException("host.json extensions.blobs.maxDegreeOfParallelism must be 1 or more, not "
                    + blobs.path("maxDegreeOfParallelism").asText());
        }
        return new BlobSettings(threshold, parallelism);
    }
}
