package dev.funclab.runtime.storage;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;
import dev.funclab.azurite.Azurite;
import dev.funclab.azurite.StorageEmulator;
import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.TestStorage;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Azurite dies under a running host: HTTP keeps answering, the host starts Azurite again on the same
 * ports, and the queue trigger carries on without a restart of the host.
 */
class StorageOutageTest {

    @TempDir
    Path folder;

    @Test
    void anAzuriteTheHostStartedIsStartedAgainWhenItDiesAndTriggersResume() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(lines::add);
        AtomicReference<StorageEmulator> first = new AtomicReference<>();
        Set<Long> azuritesBefore = azurites().map(ProcessHandle::pid).collect(Collectors.toSet());
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.outage", "{\"version\": \"2.0\"}",
                Map.of("AzureWebJobsStorage", "UseDevelopmentStorage=true"));
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()), log,
                () -> {
                    first.set(Azurite.provide(null, Map.of(), false, log::info));
                    return first.get();
                })) {
            String connection = first.get().connectionString();
            send(connection, "before");
            TestStorage.await("the first note", Duration.ofSeconds(30), () -> lines.stream().anyMatch(l -> l.contains("noted before")));

            killAzuriteStartedSince(azuritesBefore);
            HttpResponse<String> ping = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(host.baseUri().resolve("api/ping")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ping.body()).as("HTTP needs no storage and keeps answering").isEqualTo("pong");
            TestStorage.await("the host to start Azurite again", Duration.ofSeconds(60),
                    () -> lines.stream().anyMatch(l -> l.contains("started again")));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("Storage stopped:").contains("is no longer running"));

            send(connection, "after");
            TestStorage.await("a note sent after the restart", Duration.ofSeconds(30),
                    () -> lines.stream().anyMatch(l -> l.contains("noted after")));
        }
    }

    private static void send(String connection, String text) {
        QueueClient queue = new QueueClientBuilder().connectionString(connection).queueName("notes")
                .messageEncoding(QueueMessageEncoding.BASE64).buildClient();
        queue.createIfNotExists();
        queue.sendMessage(text + "-" + UUID.randomUUID());
    }

    private static Stream<ProcessHandle> azurites() {
        return ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains("azurite.js"));
    }

    /**
     * Ends the Azurite this test had the host start, as a crash would: every one that was not running before (no
     * other test runs meanwhile, see {@code @Isolated}; in a parallel run one more than the host's own was seen).
     */
    private static void killAzuriteStartedSince(Set<Long> before) {
        List<ProcessHandle> azurite = azurites().filter(p -> !before.contains(p.pid())).toList();
        assertThat(azurite).as("the Azurite process the host started").isNotEmpty();
        azurite.forEach(ProcessHandle::destroyForcibly);
    }
}
