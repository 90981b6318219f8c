package dev.funclab.bench.apps.drain;

import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;

/** The queue benchmark's function: it takes each message and does nothing, so that what is measured is the host. */
public class Drain {

    @FunctionName("drain")
    public void drain(@QueueTrigger(name = "message", queueName = "%DRAIN_QUEUE%", connection = "AzureWebJobsStorage")
                      String message) {
    }
}
