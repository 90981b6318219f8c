package dev.funclab.runtime.invoke;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.app.AppLoadException;
import dev.funclab.runtime.convert.Json;
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
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** host.json's logging.logLevel decides what functions' log lines are shown, as in Azure. */
class UserLogLevelsTest {

    @TempDir
    Path folder;

    @Test
    void theLongestMatchingCategoryWins() throws Exception {
        UserLogLevels levels = UserLogLevels.of(Json.MAPPER.readTree("""
                {"logging": {"logLevel": {"default": "Warning", "Function": "Error",
                 "Function.verbose": "Information", "Function.verbose.User": "Trace"}}}"""));
        assertThat(levels.forFunction("verbose")).isEqualTo(Level.ALL);
        assertThat(levels.forFunction("quiet")).isEqualTo(Level.SEVERE);
        assertThat(levels.forFunction("verboseAndMore")).as("a category is matched by whole segments").isEqualTo(Level.SEVERE);
        assertThat(UserLogLevels.of(Json.MAPPER.readTree("{}")).forFunction("any")).isEqualTo(Level.INFO);
    }

    @Test
    void functionsLogWhatHostJsonLetsThrough() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.logging", """
                {"version": "2.0", "logging": {"logLevel": {"Function.quiet.User": "Warning", "Function.verbose": "Trace"}}}""",
                Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()),
                new HostLog(new PrintStream(out, true, StandardCharsets.UTF_8)))) {
            for (String function : new String[] {"quiet", "verbose"}) {
                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(host.baseUri().resolve("api/" + function)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.body()).isEqualTo("logged");
            }
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("quiet warning line").doesNotContain("quiet information line").doesNotContain("quiet debug line")
                .contains("verbose trace line").contains("verbose debug line").contains("verbose information line")
                .contains("verbose warning line");
    }

    @Test
    void aLevelThatIsNotOneOfDotNetsStopsTheHostNamingTheCategory() throws Exception {
        Path app = TestApps.packaged(folder.resolve("bad"), "fixtures.logging",
                "{\"version\": \"2.0\", \"logging\": {\"logLevel\": {\"default\": \"Verbose\"}}}", Map.of());
        assertThatThrownBy(() -> FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()),
                new HostLog(new PrintStream(new ByteArrayOutputStream()))).close())
                .isInstanceOf(AppLoadException.class)
                .hasMessageContaining("logging.logLevel.default is 'Verbose'");
    }
}
