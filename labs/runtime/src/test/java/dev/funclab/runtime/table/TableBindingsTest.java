package dev.funclab.runtime.table;

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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Table output from a queue trigger, table input into HTTP functions, through Azurite. */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ)
class TableBindingsTest {

    @TempDir
    Path folder;

    private static String get(FunctionHost host, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(host.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    @Test
    void entitiesWrittenByOneFunctionAreReadByAnother() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.tables");
        String player = "p" + UUID.randomUUID().toString().substring(0, 8);
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())),
                new HostLog(new PrintStream(new ByteArrayOutputStream())))) {
            TestStorage.send("results", "{\"player\": \"" + player + "\", \"points\": 7}");
            TestStorage.await("the score of " + player, Duration.ofSeconds(20), () -> {
                try {
                    return get(host, "api/scores/" + player).startsWith("200");
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(get(host, "api/scores/" + player)).contains("\"RowKey\":\"" + player + "\"").contains("\"Points\":7");

            TestStorage.send("results", "{\"player\": \"" + player + "\", \"points\": 9}");
            TestStorage.await("the new score of " + player, Duration.ofSeconds(20), () -> {
                try {
                    return get(host, "api/scores/" + player).contains("\"Points\":9");
                } catch (Exception e) {
                    return false;
                }
            });
            String board = get(host, "api/leaderboard");
            assertThat(board).startsWith("200").contains(player);
            assertThat(board.split("\"RowKey\":\"" + player + "\"", -1)).as("one entity per player: writes replace").hasSize(2);
            assertThat(get(host, "api/scores/nobody")).startsWith("404");
        }
    }

    @Test
    void readingManyRowsOfATableThatDoesNotExistFailsWithALineThatSaysSo() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.tables");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())),
                new HostLog(new PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8)))) {
            assertThat(get(host, "api/neverWritten")).as("Azure's Tables extension fails here too").startsWith("500");
            assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("TableNotFound: table 'NeverWritten' does not exist yet");
        }
    }

    @Test
    void boundValuesInAFilterAreQuotedSoNoValueCanChangeTheQuery() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.tables");
        String player = "O'Brien-" + UUID.randomUUID().toString().substring(0, 8);
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())),
                new HostLog(new PrintStream(new ByteArrayOutputStream())))) {
            TestStorage.send("results", "{\"player\": \"" + player + "\", \"points\": 3}");
            String path = "api/search/" + java.net.URLEncoder.encode(player, java.nio.charset.StandardCharsets.UTF_8);
            TestStorage.await(player + " found by a filter", Duration.ofSeconds(20), () -> {
                try {
                    // The worker's Gson writes ' as \u0027 (HTML-safe JSON), so the answer does too.
                    return get(host, path).contains("\"RowKey\":\"" + player.replace("'", "\\u0027") + "\"");
                } catch (Exception e) {
                    return false;
                }
            });
            String injection = java.net.URLEncoder.encode("x' or RowKey ne '", java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20");
            assertThat(get(host, "api/search/" + injection)).as("a value cannot widen the query").isEqualTo("200 []");
        }
    }
}
