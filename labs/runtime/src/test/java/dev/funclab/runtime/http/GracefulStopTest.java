package dev.funclab.runtime.http;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the host lets an HTTP call under way finish and answer, instead of cutting its connection. */
class GracefulStopTest {

    @TempDir
    Path folder;

    @Test
    void aRequestUnderWayWhenTheHostStopsStillGetsItsAnswer() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.slowhttp");
        List<String> lines = new CopyOnWriteArrayList<>();
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(lines::add);
        FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()), log);
        CompletableFuture<HttpResponse<String>> call;
        try {
            call = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(host.baseUri().resolve("api/unhurried")).build(),
                    HttpResponse.BodyHandlers.ofString());
            TestStorage.await("the call to start", Duration.ofSeconds(10),
                    () -> lines.stream().anyMatch(l -> l.contains("Executing 'Functions.unhurried'")));
        } finally {
            host.close();
        }
        HttpResponse<String> response = call.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
    }
}
