package dev.funclab.runtime.http;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest {

    @TempDir
    Path folder;

    private FunctionHost start() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.http");
        return FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()),
                new HostLog(new PrintStream(new ByteArrayOutputStream())));
    }

    @Test
    void requestsRunInParallel() throws Exception {
        // 'together' returns only when 8 calls are inside it at once: served one by one, each would say "alone".
        try (FunctionHost host = start()) {
            HttpClient client = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 8)
                    .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(host.baseUri().resolve("api/together")).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            assertThat(calls).allSatisfy(call -> assertThat(call.get().body()).isEqualTo("together"));
        }
    }

    @Test
    void aRequestRefusedBeforeItsBodyWasReadLeavesTheConnectionUsable() throws Exception {
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(TestApps.packaged(folder.resolve("app"), "fixtures.http"))
                .withPort(0).withEnvironment(Map.of()), new HostLog(new PrintStream(new ByteArrayOutputStream())));
             Socket socket = new Socket("127.0.0.1", host.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String body = "{\"name\": \"no key\"}";
            out.write(("POST /api/secret HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawHttp.readResponse(in)).startsWith("HTTP/1.1 404");
            out.write("GET /api/secret HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawHttp.readResponse(in)).startsWith("HTTP/1.1 401");
            out.write("GET /api/hello?name=Again HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawHttp.readResponse(in)).startsWith("HTTP/1.1 200").endsWith("Hello, Again");
        }
    }

    @Test
    void oneConnectionCarriesManyRequests() throws Exception {
        try (FunctionHost host = start(); Socket socket = new Socket("127.0.0.1", host.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (String name : List.of("Ann", "Bo", "Cy")) {
                out.write(("GET /api/hello?name=" + name + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = RawHttp.readResponse(in);
                assertThat(response).startsWith("HTTP/1.1 200").endsWith("Hello, " + name);
            }
        }
    }
}
