package dev.funclab.runtime;

import dev.funclab.runtime.function.FunctionConfigurationException;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A function the host cannot run stops the host at start-up, and the message says where and why. */
class StartupErrorsTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unannotated | parameter 'stray' | has no binding annotation",
            "twotriggers | parameter 'b' | is a second trigger",
            "notrigger   | Function 'idle' | has no trigger",
            "duplicate   | Two functions are named | must be unique",
            "badroute    | route 'things/{id:integer}' is not valid | not a route constraint",
            "badoutput   | parameter 'res' | needs the type OutputBinding<T>",
            "conflict    | Functions 'first' and 'second' both answer [GET] | Give them different routes",
            "noconnection | parameter 'message' | the storage connection 'OrdersStorage' names no app setting",
            "badqueue    | parameter 'message' | 'Orders_Queue' is not a valid queue name",
            "badschedule | parameter 'timer' | is not an NCRONTAB schedule: write six fields",
    })
    void badFunctionsStopTheHostWithAClearMessage(String fixture, String where, String why) throws Exception {
        Path app = TestApps.packaged(folder.resolve(fixture), "fixtures.broken." + fixture);
        HostOptions options = HostOptions.forApp(app).withPort(0).withEnvironment(Map.of());
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        assertThatThrownBy(() -> FunctionHost.start(options, log).close())
                .isInstanceOf(FunctionConfigurationException.class)
                .hasMessageContaining("The host cannot start")
                .hasMessageContaining(where)
                .hasMessageContaining(why);
    }

    @Test
    void withStrictAFunctionWithABindingTheHostDoesNotRunStopsTheHost() throws Exception {
        Path app = TestApps.packaged(folder.resolve("strict"), "fixtures.partlyunsupported");
        HostOptions options = HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()).withStrict(true);
        assertThatThrownBy(() -> FunctionHost.start(options, new HostLog(new PrintStream(new ByteArrayOutputStream()))).close())
                .isInstanceOf(FunctionConfigurationException.class)
                .hasMessageContaining("The host cannot start")
                .hasMessageContaining("Function 'changes'")
                .as("the parameter is named by its binding, not by its Java name")
                .hasMessageContaining("parameter 'docs'")
                .hasMessageContaining("@com.microsoft.azure.functions.annotation.CosmosDBTrigger (binding 'docs')");
    }

    @Test
    void byDefaultFunctionsWithBindingsTheHostDoesNotRunAreInErrorAndTheOthersRun() throws Exception {
        Path app = TestApps.packaged(folder.resolve("partly"), "fixtures.partlyunsupported");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HostLog log = new HostLog(new PrintStream(out, true, StandardCharsets.UTF_8));
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()), log)) {
            HttpResponse<String> pong = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(host.baseUri().resolve("api/ping")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(pong.statusCode()).isEqualTo(200);
            assertThat(pong.body()).isEqualTo("pong");
            HttpResponse<String> forward = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(host.baseUri().resolve("api/forward")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forward.statusCode()).as("a function in error does not answer").isEqualTo(404);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Error: The following 2 functions are in error")
                .contains("Function 'changes'").contains("parameter 'docs'").contains("CosmosDBTrigger (binding 'docs')")
                .contains("Function 'forward'").contains("parameter 'events'").contains("EventHubOutput (binding 'events')");
    }

    @Test
    void aClassThatCannotBeLinkedIsAnErrorLineAndTheOthersRun() throws Exception {
        Path app = TestApps.packaged(folder.resolve("missinglib"), "fixtures.missinglib");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()),
                new HostLog(new PrintStream(out, true, StandardCharsets.UTF_8)))) {
            HttpResponse<String> pong = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(host.baseUri().resolve("api/ping")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(pong.body()).isEqualTo("pong");
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Error: The following 1 function is in error")
                .contains("class fixtures.missinglib.NeedsLibrary cannot be loaded")
                .contains("fixtures/elsewhere/Library");

        HostOptions strict = HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()).withStrict(true);
        assertThatThrownBy(() -> FunctionHost.start(strict, new HostLog(new PrintStream(new ByteArrayOutputStream()))).close())
                .hasMessageContaining("class fixtures.missinglib.NeedsLibrary cannot be loaded");
    }

    @Test
    void aBindingExpressionTheTriggerCannotFillStopsTheHost() throws Exception {
        Path app = TestApps.packaged(folder.resolve("unknownname"), "fixtures.broken.unknownname");
        HostOptions options = HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString()));
        assertThatThrownBy(() -> FunctionHost.start(options, new HostLog(new PrintStream(new ByteArrayOutputStream()))).close())
                .isInstanceOf(FunctionConfigurationException.class)
                .hasMessageContaining("Function 'resize'").hasMessageContaining("parameter 'card'")
                .hasMessageContaining("@BlobOutput(path = \"card-output/{name}.jpg\") uses {name}, which the trigger does not "
                        + "provide; it provides {filename}, {BlobTrigger}, {Uri}, {Properties}, {Metadata}")
                .hasMessageContaining("Function 'nightly'")
                .hasMessageContaining("uses {name}, which the trigger does not provide; it provides nothing but the built-ins")
                .as("the built-ins need nothing from the trigger").satisfies(e -> assertThat(e.getMessage()).doesNotContain("stamped"));
    }
}
