package dev.funclab.runtime.convert;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function's objects are read and written as the Java worker does it (its Gson), through HTTP
 * calls to an app written for Azure: what Azure accepts is accepted, what Azure refuses is refused
 * with a message that says why.
 */
class PojoConversionTest {

    @TempDir
    static Path folder;

    static final ByteArrayOutputStream console = new ByteArrayOutputStream();
    static FunctionHost host;

    @BeforeAll
    static void startHost() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.pojos");
        host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()),
                new HostLog(new PrintStream(console, true, StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void stopHost() throws Exception {
        host.close();
    }

    private static String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(host.baseUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClassWithoutANoArgumentConstructorIsFilledByItsSerializedNames() throws Exception {
        HttpResponse<String> response = post("api/signup", "{\"user_name\": \"kim\", \"seats\": 2, \"unknown\": [1, 2]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"user_name\":\"KIM\",\"seats\":3}");
    }

    @Test
    void lenientJsonThatAzureAcceptsIsAcceptedHere() throws Exception {
        HttpResponse<String> response = post("api/signup", "{user_name: kim, 'seats': 1}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"user_name\":\"KIM\"");
    }

    @Test
    void textIsWrittenWithGsonsHtmlEscapingAsAzureSendsIt() throws Exception {
        HttpResponse<String> response = post("api/signup", "{\"user_name\": \"<b>&'\"}");
        assertThat(response.body()).isEqualTo("{\"user_name\":\"\\u003cB\\u003e\\u0026\\u0027\",\"seats\":1}");
    }

    @Test
    void anEmptyBodyIsANullObjectAsInTheWorker() throws Exception {
        HttpResponse<String> response = post("api/signup", "");
        assertThat(response.statusCode()).as("the function dereferences null: %s", response.body()).isEqualTo(500);
        assertThat(console()).contains("Exception while executing function: Functions.signup")
                .contains("NullPointerException");
    }

    @Test
    void brokenJsonIs500NamingWhereItBroke() throws Exception {
        HttpResponse<String> response = post("api/signup", "{\"user_name\": \"kim\", \"seats\": }");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("not valid JSON for Signup").contains("line 1 column").contains("$.seats");
    }

    @Test
    void aWrongTypeIs500NamingTheValue() throws Exception {
        HttpResponse<String> response = post("api/signup", "{\"seats\": \"many\"}");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("not valid JSON for Signup").contains("many");
    }

    @Test
    void anArrayOfObjectsBoundToStringsGivesEachObjectsJson() throws Exception {
        assertThat(post("api/tags", "[\"a\", \"b\"]").body()).isEqualTo("a | b");
        assertThat(post("api/tags", "[{\"id\": 1}, {\"id\": 2}]").body()).isEqualTo("{\"id\":1} | {\"id\":2}");
    }

    @Test
    void jsonNestedDeeperThanGsonCanRecurseIs500AndTheHostCarriesOn() throws Exception {
        HttpResponse<String> response = post("api/depth", "[".repeat(200_000));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("nested too deeply");
        assertThat(post("api/depth", "[[1], 2]").body()).isEqualTo("2 items");
    }

    @Test
    void aRecordIsRefusedAsTheWorkersGsonRefusesIt() throws Exception {
        HttpResponse<String> response = post("api/point", "{\"x\": 1, \"y\": 2}");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Point is a record").contains("declare a class with fields");
    }

    @Test
    void aJavaTimeFieldIsRefusedWithTheWayOut() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(host.baseUri().resolve("api/stamped")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).as("a failing function's 500 is empty, as in Azure").isEmpty();
        assertThat(console()).contains("Stamped cannot be written as JSON").contains("keep times as a String or a long");
    }
}
