package dev.funclab.runtime.queue;

import com.azure.storage.queue.QueueClient;
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

/** A call that outlasts its message's visibility keeps the message hidden: it is delivered once. */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ)
class VisibilityRenewalTest {

    @TempDir
    Path folder;

    @Test
    void aMessageWhoseFunctionOutlastsItsVisibilityIsDeliveredOnceAndThenDeleted() throws Exception {
        QueueClient queue = TestStorage.queues().getQueueClient("long-work");
        queue.createIfNotExists();
        queue.clearMessages();
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.longqueue", "{\"version\": \"2.0\"}",
                Map.of(QueueSettings.PROCESSING_VISIBILITY_SETTING, "2"));
        List<String> lines = new CopyOnWriteArrayList<>();
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(lines::add);
        String job = "job-" + UUID.randomUUID();
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())), log)) {
            TestStorage.send("long-work", job);
            TestStorage.await("the 5 s call to finish", Duration.ofSeconds(30),
                    () -> lines.stream().anyMatch(l -> l.contains("Executed 'Functions.longWork' (Succeeded")));
            TestStorage.await("the message to be deleted with its renewed pop receipt", Duration.ofSeconds(10),
                    () -> queue.getProperties().getApproximateMessagesCount() == 0);
        }
        assertThat(lines.stream().filter(l -> l.contains("Executing 'Functions.longWork'")))
                .as("a 5 s call with a 2 s visibility, renewed every second, runs once").hasSize(1);
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("Could not settle"));
    }
}
