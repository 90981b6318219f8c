package dev.funclab.runtime.http;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Host.CORS and Host.CORSCredentials of local.settings.json, as Core Tools applies them. */
class CorsTest {

    @TempDir
    static Path folder;

    static FunctionHost host;

    @BeforeAll
    static void startHost() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.http");
        Files.writeString(app.resolve("local.settings.json"), """
                {"IsEncrypted": false, "Values": {},
                 "Host": {"CORS": "https://app.example, http://localhost:3000/", "CORSCredentials": true}}""");
        host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()),
                new HostLog(new PrintStream(new ByteArrayOutputStream())));
    }

    @AfterAll
    static void stopHost() throws Exception {
        host.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAllowedOriginGetsTheHeadersThatLetItsPageReadTheAnswer() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(host.baseUri().resolve("api/hello?name=Cors"))
                .header("Origin", "https://app.example"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
        HttpResponse<String> local = send(HttpRequest.newBuilder(host.baseUri().resolve("api/hello?name=Cors"))
                .header("Origin", "http://localhost:3000"));
        assertThat(local.headers().firstValue("Access-Control-Allow-Origin")).as("a trailing / in the setting does not matter")
                .hasValue("http://localhost:3000");
    }

    @Test
    void anotherOriginGetsNoCorsHeadersSoTheBrowserKeepsTheAnswerFromThePage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(host.baseUri().resolve("api/hello?name=Cors"))
                .header("Origin", "https://elsewhere.example"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithWhatItAskedFor() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(host.baseUri().resolve("api/hello"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-functions-key"));
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("content-type, x-functions-key");
    }
}
