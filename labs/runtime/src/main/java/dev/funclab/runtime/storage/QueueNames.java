package dev.funclab.runtime.storage;

import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.models.QueueItem;
import com.azure.storage.queue.models.QueuesSegmentOptions;

import java.util.List;

/** The queues of an account by name. */
public final class QueueNames {

    private QueueNames() {
    }

    public static List<String> of(QueueServiceClient queues) {
        // Azurite (3.37) answers 400 to the SDK's plain listing, whose include parameter is empty; asking for
        // the metadata too is accepted by Azurite and Azure alike.
        return queues.listQueues(new QueuesSegmentOptions().setIncludeMetadata(true), null, null).stream()
                .map(QueueItem::getName).toList();
    }
}
