package dev.funclab.runtime;

import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.AfterEach;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /admin/host/app}: a running host serves another app, as the test kit's warm hosts do. */
class AppSwitchTest {

    @TempDir
    Path folder;

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private FunctionHost host;

    @AfterEach
    void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    private void start(Path app) throws Exception {
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(lines::add);
        host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()), log);
    }

    @Test
    void servesTheAppInAnotherFolderWithoutANewJvm() throws Exception {
        start(TestApps.packaged(folder.resolve("first"), "fixtures.slowhttp"));
        Path second = TestApps.packaged(folder.resolve("second"), "fixtures.http");

        HttpResponse<String> switched = switchTo(second, host.keys().masterKey());

        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
        assertThat(switched.body()).contains("\"hello\"", "\"items\"").doesNotContain("unhurried");
        assertThat(get("api/hello?name=Kim").body()).contains("Kim");
        assertThat(get("api/unhurried").statusCode()).as("the first app's function is gone").isEqualTo(404);
        assertThat(lines).anyMatch(l -> l.contains("Serving " + second));
    }

    @Test
    void waitsForACallUnderWayBeforeTheSwitch() throws Exception {
        start(TestApps.packaged(folder.resolve("first"), "fixtures.slowhttp"));
        CompletableFuture<HttpResponse<String>> call = client.sendAsync(
                HttpRequest.newBuilder(host.baseUri().resolve("api/unhurried")).build(), HttpResponse.BodyHandlers.ofString());
        TestStorage.await("the call to start", Duration.ofSeconds(10),
                () -> lines.stream().anyMatch(l -> l.contains("Executing 'Functions.unhurried'")));

        HttpResponse<String> switched = switchTo(TestApps.packaged(folder.resolve("second"), "fixtures.http"), host.keys().masterKey());

        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
        assertThat(call.join().body()).as("the call under way finished first").isEqualTo("finished");
    }

    @Test
    void refusesWhenACallOfTheCurrentAppDoesNotEnd() throws Exception {
        start(TestApps.packaged(folder.resolve("first"), "fixtures.stuck"));
        client.sendAsync(HttpRequest.newBuilder(host.baseUri().resolve("api/stuck")).build(), HttpResponse.BodyHandlers.ofString());
        TestStorage.await("the call to start", Duration.ofSeconds(10),
                () -> lines.stream().anyMatch(l -> l.contains("Executing 'Functions.stuck'")));

        HttpResponse<String> stopped = client.send(HttpRequest.newBuilder(host.baseUri().resolve("admin/host/app"))
                .header("x-functions-key", host.keys().masterKey()).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(stopped.statusCode()).isEqualTo(409);
        assertThat(stopped.body()).contains("have not ended", "start a new host");
    }

    @Test
    void refusesWithoutTheMasterKeyAndExplainsABadFolder() throws Exception {
        start(TestApps.packaged(folder.resolve("first"), "fixtures.http"));
        Path second = TestApps.packaged(folder.resolve("second"), "fixtures.slowhttp");

        assertThat(switchTo(second, host.keys().functionKey()).statusCode()).isEqualTo(401);
        HttpResponse<String> missing = switchTo(folder.resolve("nowhere"), host.keys().masterKey());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("No folder");
        HttpResponse<String> broken = switchTo(TestApps.packaged(folder.resolve("broken"), "fixtures.broken.duplicate"), host.keys().masterKey());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(get("api/hello?name=Lee").body()).as("the app from before still answers").contains("Lee");
    }

    private HttpResponse<String> switchTo(Path app, String key) throws Exception {
        String body = dev.funclab.runtime.convert.Json.MAPPER.writeValueAsString(Map.of("folder", app.toString()));
        return client.send(HttpRequest.newBuilder(host.baseUri().resolve("admin/host/app")).header("x-functions-key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).header("x-functions-key", host.keys().functionKey())
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
