package dev.funclab.runtime.queue;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.TestStorage;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A message the host received but did not finish is visible again as soon as the host has stopped. */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ)
class ShutdownTest {

    @TempDir
    Path folder;

    @Test
    void anUnfinishedMessageIsReleasedAtShutdownNotAfterItsVisibilityTimeout() throws Exception {
        QueueClient queue = TestStorage.queues().getQueueClient("slow-work");
        queue.createIfNotExists();
        queue.clearMessages();
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.slowqueue");
        List<String> lines = new CopyOnWriteArrayList<>();
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(lines::add);
        String job = "job-" + UUID.randomUUID();
        FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())), log);
        try {
            TestStorage.send("slow-work", job);
            TestStorage.await("the slow function to start", Duration.ofSeconds(20),
                    () -> lines.stream().anyMatch(l -> l.contains("Executing 'Functions.slowWork'")));
        } finally {
            host.close();
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Released 1 unfinished message on queue 'slow-work'"));
        QueueMessageItem again = queue.receiveMessage();
        assertThat(again).as("visible at once, not in ten minutes").isNotNull();
        assertThat(again.getDequeueCount()).as("taken once by the host, now by this test").isEqualTo(2);
        queue.deleteMessage(again.getMessageId(), again.getPopReceipt());
    }
}
