package dev.funclab.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The host as a user starts it: a separate process, reading its app folder like {@code func start}. */
class CommandLineTest {

    @TempDir
    Path folder;

    @Test
    void servesAPackagedAppAndExposesLocalSettingsAsEnvironment() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.http",
                "{\"version\":\"2.0\",\"extensions\":{\"http\":{\"routePrefix\":\"v1\"}}}",
                Map.of("GREETING_STYLE", "formal"));
        Process process = new ProcessBuilder(TestApps.javaCommand("--port", "0", "--key", "-Vk1", app.toString()))
                .redirectErrorStream(true).start();
        try {
            List<String> output = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String listening = null;
            Instant deadline = Instant.now().plusSeconds(60);
            String line;
            while (listening == null && Instant.now().isBefore(deadline) && (line = reader.readLine()) != null) {
                output.add(line);
                if (line.startsWith("Listening on ")) {
                    listening = line.substring("Listening on ".length());
                }
            }
            assertThat(listening).as("host output: %s", output).isNotNull();
            assertThat(output).contains("Functions:").as("a key that starts with '-' (generated keys can) is the option's value").contains("Function key: -Vk1")
                    .anySatisfy(l -> assertThat(l).matches("\\thello: \\[GET,POST] http://localhost:\\d+/v1/hello"));

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> env = client.send(HttpRequest.newBuilder(URI.create(listening + "v1/env/GREETING_STYLE")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(env.body()).isEqualTo("GREETING_STYLE=formal");
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aFolderThatIsNotAnAppIsRefusedWithAHint() throws Exception {
        Process process = new ProcessBuilder(TestApps.javaCommand(folder.toString())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("neither a Maven project").contains("target/azure-functions/<app>");
    }

    @Test
    void helpDescribesTheOptions() throws Exception {
        Process process = new ProcessBuilder(TestApps.javaCommand("--help")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("--port").contains("--no-auth").contains("--key");
    }
}
