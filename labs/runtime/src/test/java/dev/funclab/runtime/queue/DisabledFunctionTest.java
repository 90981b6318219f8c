package dev.funclab.runtime.queue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code AzureWebJobs.<name>.Disabled}: the function's trigger does not run; the rest of the app does. */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ)
@ResourceLock("fixtures.queues")
class DisabledFunctionTest {

    @TempDir
    Path folder;

    @Test
    void aDisabledFunctionLeavesItsMessagesOnTheQueue() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.queues");
        List<String> lines = new CopyOnWriteArrayList<>();
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(lines::add);
        TestStorage.drain("numbers");
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of(
                "AzureWebJobsStorage", TestStorage.connectionString(), "AzureWebJobs.double.Disabled", "true")), log)) {
            String id = UUID.randomUUID().toString();
            TestStorage.send("numbers", "{\"id\": \"" + id + "\", \"value\": 1}");
            // Another function of the same host shows that the listeners have started.
            TestStorage.send("fan-in", "1");
            List<String> parts = new ArrayList<>();
            TestStorage.await("a message on 'fan-out-1'", Duration.ofSeconds(20),
                    () -> parts.addAll(TestStorage.drain("fan-out-1")) || !parts.isEmpty());

            assertThat(lines).anySatisfy(line -> assertThat(line).contains("double: queueTrigger (disabled)"));
            assertThat(TestStorage.drain("numbers")).singleElement().asString().contains(id);
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains("Executing 'Functions.double'"));
        }
    }
}
