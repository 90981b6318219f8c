package dev.funclab.runtime.reload;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestStorage;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Maven function project served with --watch: a saved change to a function is compiled and live without a
 * restart, for HTTP and queue triggers alike; a change that does not compile is reported while the code from
 * before keeps answering.
 */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ)
class HotReloadTest {

    @TempDir
    Path folder;

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private static String source(String greeting, String queue) {
        return """
                package demo;

                import com.microsoft.azure.functions.*;
                import com.microsoft.azure.functions.annotation.*;

                public class Greeter {
                    @FunctionName("greet")
                    public String greet(@HttpTrigger(name = "req", methods = HttpMethod.GET,
                            authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<String> request) {
                        return "%s";
                    }

                    @FunctionName("note")
                    public void note(@QueueTrigger(name = "text", queueName = "%s-in", connection = "AzureWebJobsStorage") String text,
                                     @QueueOutput(name = "out", queueName = "%s-out", connection = "AzureWebJobsStorage")
                                     OutputBinding<String> out) {
                        out.setValue("%s:" + text);
                    }
                }
                """.formatted(greeting, queue, queue, greeting);
    }

    private static String get(FunctionHost host) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(host.baseUri().resolve("api/greet")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Polls the function until it answers with the saved change's greeting. */
    private static void awaitGreeting(FunctionHost host, String greeting) throws InterruptedException {
        TestStorage.await("the greeting '" + greeting + "' after saving", Duration.ofSeconds(30), () -> {
            try {
                return get(host).equals(greeting);
            } catch (Exception e) {
                return false;
            }
        });
    }

    private void awaitLine(String what, String text) throws InterruptedException {
        TestStorage.await(what, Duration.ofSeconds(30), () -> lines.stream().anyMatch(l -> l.contains(text)));
    }

    @Test
    void aSavedChangeIsLiveWithoutARestartAndABrokenOneLeavesTheOldCodeRunning() throws Exception {
        String queue = "reload-" + UUID.randomUUID().toString().substring(0, 8);
        WatchedProject project = WatchedProject.create(folder, source("Hello v1", queue));
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(lines::add);
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(project.root()).withPort(0).withWatch(true)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())), log)) {
            assertThat(get(host)).isEqualTo("Hello v1");
            List<String> results = new ArrayList<>();
            TestStorage.send(queue + "-in", "a");
            TestStorage.await("the first note", Duration.ofSeconds(30), () -> {
                results.addAll(TestStorage.drain(queue + "-out"));
                return results.contains("Hello v1:a");
            });

            project.saveGreeter(source("Howdy v2", queue));
            awaitGreeting(host, "Howdy v2");
            awaitLine("the reload to be reported", "Reloaded 2 function(s)");
            TestStorage.send(queue + "-in", "b");
            TestStorage.await("a note by the new code", Duration.ofSeconds(30), () -> {
                results.addAll(TestStorage.drain(queue + "-out"));
                return results.contains("Howdy v2:b");
            });
            assertThat(results).as("the old listener is gone").doesNotContain("Hello v1:b");

            // The dashboard's event stream (what an open page reads) carries the compile error too.
            List<String> events = new CopyOnWriteArrayList<>();
            HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(host.baseUri().resolve("admin/dashboard/events")).build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(events::add));
            TestStorage.await("the dashboard's stream to open", Duration.ofSeconds(10), () -> !events.isEmpty());
            project.saveGreeter(source("Broken v3\";", queue));
            awaitLine("the compile error", "does not compile");
            TestStorage.await("the compile error on the dashboard's stream", Duration.ofSeconds(10),
                    () -> events.stream().anyMatch(e -> e.contains("\"type\":\"notice\"") && e.contains("does not compile")
                            && e.contains("Greeter.java:")));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("src/main/java/demo/Greeter.java:"));
            assertThat(get(host)).as("the code from before keeps answering").isEqualTo("Howdy v2");

            project.saveGreeter(source("Hello v4", queue));
            awaitGreeting(host, "Hello v4");
        }
    }
}
