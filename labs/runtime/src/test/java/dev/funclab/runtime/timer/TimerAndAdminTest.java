package dev.funclab.runtime.timer;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.TestStorage;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.funclab.runtime.TestStorage.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Timer triggers on their schedule, retry policies, and functions run through the admin endpoint. */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ)
class TimerAndAdminTest {

    @TempDir
    static Path folder;

    static FunctionHost host;
    static final List<String> logLines = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startHost() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.timers");
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(logLines::add);
        host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withKeys("fk", "mk")
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())), log);
    }

    @AfterAll
    static void stopHost() throws Exception {
        host.close();
    }

    private static int post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(host.baseUri().resolve(path))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aTimerFiresOnItsScheduleWithTimerInfo() {
        await("two ticks", Duration.ofSeconds(15),
                () -> logLines.stream().filter(l -> l.contains("Executed 'Functions.tick' (Succeeded")).count() >= 2);
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("tick {\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":{\"Last\":\"")
                .contains("\"IsPastDue\":false"));
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("Executing 'Functions.tick' (Reason='Timer fired at "));
    }

    @Test
    void aFailingTimerIsRetriedAsItsPolicySays() {
        await("the second retry of 'flaky'", Duration.ofSeconds(15),
                () -> logLines.stream().anyMatch(l -> l.contains("Retrying 'Functions.flaky' in 100ms (retry 2 of 2)")));
        await("the function's own view of its second retry", Duration.ofSeconds(15), () -> logLines.stream().anyMatch(
                l -> l.contains("the flaky timer failed on retry 2 of 2 after [the flaky timer failed on retry 1 of 2 after")));
        assertThat(logLines).as("the first try knows the policy and has no previous failure")
                .anySatisfy(l -> assertThat(l).contains("the flaky timer failed on retry 0 of 2 after []"));
    }

    @Test
    void maxRetryCountMinusOneRetriesUntilTheFunctionSucceeds() {
        await("the sixth retry of 'persistent', then success", Duration.ofSeconds(20),
                () -> logLines.stream().anyMatch(l -> l.contains("Retrying 'Functions.persistent' in 50ms (retry 6 of unlimited)"))
                        && logLines.stream().anyMatch(l -> l.contains("Executed 'Functions.persistent' (Succeeded")));
        assertThat(logLines).as("the function sees -1 as the maximum, as Azure passes it")
                .anySatisfy(l -> assertThat(l).contains("not yet, retry 5 of -1"));
    }

    @Test
    void theAdminEndpointRunsATimerFunctionNow() throws Exception {
        assertThat(post("admin/functions/nightly?code=mk", "{}")).isEqualTo(202);

        List<String> reports = new ArrayList<>();
        await("the nightly report", Duration.ofSeconds(15), () -> reports.addAll(TestStorage.drain("nightly-reports")) || !reports.isEmpty());
        assertThat(reports).singleElement().satisfies(r -> assertThat(r).startsWith("report {\"Schedule\""));
    }

    @Test
    void theAdminEndpointPassesInputAsTheQueueMessage() throws Exception {
        assertThat(post("admin/functions/echoQueue?code=mk", "{\"input\": \"hi there\"}")).isEqualTo(202);

        List<String> echoed = new ArrayList<>();
        await("the echo", Duration.ofSeconds(15), () -> echoed.addAll(TestStorage.drain("echoed")) || !echoed.isEmpty());
        assertThat(echoed).containsExactly("echo: hi there");
    }

    @Test
    void theAdminEndpointNeedsTheMasterKeyAndAKnownNonHttpFunction() throws Exception {
        assertThat(post("admin/functions/nightly", "{}")).isEqualTo(401);
        assertThat(post("admin/functions/nightly?code=fk", "{}")).as("the function key is not enough").isEqualTo(401);
        assertThat(post("admin/functions/nobody?code=mk", "{}")).isEqualTo(404);
        assertThat(post("admin/functions/web?code=mk", "{}")).isEqualTo(400);
        assertThat(post("admin/functions/echoQueue?code=mk", "[1, 2]")).isEqualTo(400);
    }

    @Test
    void theAdminEndpointDescribesEachFunctionWithItsBindings() throws Exception {
        HttpResponse<String> one = get("admin/functions/echoQueue?code=mk");
        assertThat(one.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode echo = dev.funclab.runtime.convert.Json.MAPPER.readTree(one.body());
        assertThat(echo.path("name").asText()).isEqualTo("echoQueue");
        assertThat(echo.path("config").path("bindings")).anySatisfy(b -> {
            assertThat(b.path("type").asText()).isEqualTo("queueTrigger");
            assertThat(b.path("direction").asText()).isEqualTo("in");
            assertThat(b.path("queueName").asText()).isNotEmpty();
        });
        assertThat(echo.path("config").path("bindings")).anySatisfy(b -> {
            assertThat(b.path("type").asText()).isEqualTo("queue");
            assertThat(b.path("direction").asText()).isEqualTo("out");
        });

        HttpResponse<String> all = get("admin/functions?code=mk");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(dev.funclab.runtime.convert.Json.MAPPER.readTree(all.body()).findValuesAsText("name")).contains("echoQueue", "nightly");
        assertThat(get("admin/functions/echoQueue?code=fk").statusCode()).as("the function key is not enough").isEqualTo(401);
        assertThat(get("admin/functions/nobody?code=mk").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(host.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
