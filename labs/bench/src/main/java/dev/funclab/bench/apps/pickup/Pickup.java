package dev.funclab.bench.apps.pickup;

import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueOutput;
import com.microsoft.azure.functions.annotation.QueueTrigger;

/**
 * The pickup benchmark's functions: a message from outside, a message this host writes itself (passed on
 * by the first function), and a new blob.
 */
public class Pickup {

    @FunctionName("pickupFirst")
    public void first(@QueueTrigger(name = "message", queueName = "pickup-in", connection = "AzureWebJobsStorage") String message,
                      @QueueOutput(name = "next", queueName = "pickup-next", connection = "AzureWebJobsStorage")
                      OutputBinding<String> next) {
        next.setValue(message);
    }

    @FunctionName("pickupSecond")
    public void second(@QueueTrigger(name = "message", queueName = "pickup-next", connection = "AzureWebJobsStorage")
                       String message) {
    }

    @FunctionName("pickupBlob")
    public void blob(@BlobTrigger(name = "content", path = "pickup-blobs/{name}", connection = "AzureWebJobsStorage")
                     byte[] content) {
    }
}
