package dev.funclab.runtime.invoke;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.app.AppLoadException;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** host.json functionTimeout cancels a runaway invocation, logs it, and the host serves on. */
class FunctionTimeoutTest {

    @TempDir
    Path folder;

    @Test
    void anInvocationLongerThanFunctionTimeoutIsCancelledAndFails() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.slow",
                "{\"version\": \"2.0\", \"functionTimeout\": \"00:00:01\"}", Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()),
                new HostLog(new PrintStream(out, true, StandardCharsets.UTF_8)))) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> slow = client.send(HttpRequest.newBuilder(host.baseUri().resolve("api/sleepy"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(slow.statusCode()).as("the sleeping function was cut off, not waited for").isEqualTo(500);
            HttpResponse<String> quick = client.send(HttpRequest.newBuilder(host.baseUri().resolve("api/quick")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(quick.body()).as("the thread that ran it serves on").isEqualTo("done");
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Timeout value of 00:00:01 exceeded by function 'Functions.sleepy'")
                .contains("Timeout value of 00:00:01 was exceeded by function: Functions.sleepy");
    }

    @Test
    void aFunctionTimeoutThatIsNotATimeSpanStopsTheHost() throws Exception {
        Path app = TestApps.packaged(folder.resolve("bad"), "fixtures.slow",
                "{\"version\": \"2.0\", \"functionTimeout\": \"5 minutes\"}", Map.of());
        assertThatThrownBy(() -> FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()),
                new HostLog(new PrintStream(new ByteArrayOutputStream()))).close())
                .isInstanceOf(AppLoadException.class)
                .hasMessageContaining("host.json functionTimeout: '5 minutes' is not a time span");
    }
}
