package dev.funclab.runtime.http;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the host's keys come from, and turning the check off. */
class KeySourcesTest {

    @TempDir
    Path folder;

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private FunctionHost start(Map<String, String> values, HostOptions options) throws Exception {
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(lines::add);
        return FunctionHost.start(options, log);
    }

    private Path app(Map<String, String> values) throws Exception {
        return TestApps.packaged(folder.resolve("app"), "fixtures.http", "{\"version\":\"2.0\"}", values);
    }

    private static int status(FunctionHost host, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(host.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void keyCanComeFromLocalSettings() throws Exception {
        Map<String, String> values = Map.of(FunctionHost.FUNCTION_KEY_SETTING, "from-settings");
        try (FunctionHost host = start(values, HostOptions.forApp(app(values)).withPort(0).withEnvironment(Map.of()))) {
            assertThat(status(host, "api/secret?code=from-settings")).isEqualTo(200);
            assertThat(lines).contains("Function key: from-settings");
        }
    }

    @Test
    void withoutAnyKeyGivenTheHostMakesAndPrintsOne() throws Exception {
        try (FunctionHost host = start(Map.of(), HostOptions.forApp(app(Map.of())).withPort(0).withEnvironment(Map.of()))) {
            String key = host.keys().functionKey();
            assertThat(key).hasSizeGreaterThanOrEqualTo(40);
            assertThat(lines).contains("Function key: " + key);
            assertThat(status(host, "api/secret?code=" + key)).isEqualTo(200);
            assertThat(status(host, "api/secret")).isEqualTo(401);
        }
    }

    @Test
    void noAuthOpensEveryFunction() throws Exception {
        HostOptions options = HostOptions.forApp(app(Map.of())).withPort(0).withEnvironment(Map.of()).withCheckKeys(false);
        try (FunctionHost host = start(Map.of(), options)) {
            assertThat(status(host, "api/secret")).isEqualTo(200);
            assertThat(status(host, "api/adminOnly")).isEqualTo(200);
        }
    }
}
