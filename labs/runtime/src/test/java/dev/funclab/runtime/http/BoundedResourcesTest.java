package dev.funclab.runtime.http;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.log.HostLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host takes on a bounded amount of HTTP work: slow senders cost no thread and are cut off, calls
 * beyond the outstanding limit are answered 429 at once, bodies share a memory budget, and through
 * all of it the health check answers.
 */
class BoundedResourcesTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path folder;

    private FunctionHost start(String hostJson, Map<String, String> settings) throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.gate", hostJson, settings);
        return FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()),
                new HostLog(new PrintStream(new ByteArrayOutputStream())));
    }

    private static HttpResponse<String> get(FunctionHost host, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a connection that sends its headers and a few bytes of a longer body, then nothing more. */
    private static Socket slowSender(int port) throws IOException {
        Socket socket = new Socket("localhost", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/size HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(10))
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    @Test
    void fiveHundredSlowSendersLeaveTheHostAnsweringHealthChecksAndCalls() throws Exception {
        try (FunctionHost host = start("{\"version\": \"2.0\"}", Map.of())) {
            List<Socket> senders = new ArrayList<>();
            try {
                for (int i = 0; i < 500; i++) {
                    senders.add(slowSender(host.port()));
                }
                HttpResponse<String> status = get(host, "admin/host/status");
                assertThat(status.statusCode()).as("the health check under 500 slow senders").isEqualTo(200);
                HttpResponse<String> call = CLIENT.send(HttpRequest.newBuilder(host.baseUri().resolve("api/size"))
                        .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(call.statusCode()).as("a function call under 500 slow senders: %s", call.body()).isEqualTo(200);
                assertThat(call.body()).isEqualTo("received 5 bytes");
            } finally {
                for (Socket sender : senders) {
                    sender.close();
                }
            }
        }
    }

    @Test
    void aSenderSlowerThanTheBodyTimeoutIsAnswered408AndDisconnected() throws Exception {
        try (FunctionHost host = start("{\"version\": \"2.0\"}", Map.of(HttpLimits.BODY_TIMEOUT_SETTING, "1"));
             Socket sender = slowSender(host.port())) {
            sender.setSoTimeout(20_000);
            String answer = readAll(sender.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 408").contains("did not arrive within 1 s")
                    .contains(HttpLimits.BODY_TIMEOUT_SETTING).containsIgnoringCase("connection: close");
        }
    }

    @Test
    void callsBeyondTheOutstandingLimitAre429AtOnceWhileTheHealthCheckAnswers() throws Exception {
        String hostJson = "{\"version\": \"2.0\", \"extensions\": {\"http\": "
                + "{\"maxConcurrentRequests\": 1, \"maxOutstandingRequests\": 2}}}";
        Path gate = folder.resolve("gate");
        try (FunctionHost host = start(hostJson, Map.of())) {
            HttpRequest waiting = HttpRequest.newBuilder(host.baseUri().resolve("api/wait?gate=" + gate.toUri().getPath()))
                    .build();
            // Calls wait at the gate until it opens; send them one by one until the host turns one away.
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            HttpResponse<String> refused = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (refused == null && System.nanoTime() < deadline) {
                CompletableFuture<HttpResponse<String>> call = CLIENT.sendAsync(waiting, HttpResponse.BodyHandlers.ofString());
                calls.add(call);
                try {
                    refused = call.get(300, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException admitted) {
                    // Let in: it runs or waits for its turn at the gate.
                }
            }
            assertThat(refused).as("a call beyond maxOutstandingRequests (2) is turned away").isNotNull();
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("maxOutstandingRequests").contains("maxConcurrentRequests");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(get(host, "admin/host/status").statusCode()).as("the health check is never held back").isEqualTo(200);

            Files.writeString(gate, "open");
            List<String> answers = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
                answers.add(response.statusCode() + " " + (response.statusCode() == 429 ? "busy" : response.body()));
            }
            assertThat(answers).as("exactly two calls were let in (one ran, one waited its turn), and both ran")
                    .filteredOn(answer -> !answer.equals("429 busy")).containsExactly("200 through", "200 through");
        }
    }

    @Test
    void bodiesBeyondTheMemoryBudgetAre503AndTheBudgetIsGivenBack() throws Exception {
        Handler echo = new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                  Callback callback) {
                Reply.text(200, "kept " + RequestBodies.of(request).length).send(request, response, callback);
                return true;
            }
        };
        HttpLimits limits = HttpLimits.defaults().withBodyMemory(1_000);
        RequestBodies bodies = new RequestBodies(echo, 10_000, limits);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(bodies);
        server.start();
        try (Socket held = new Socket("localhost", connector.getLocalPort())) {
            held.getOutputStream().write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2000\r\n\r\n"
                    + "x".repeat(900)).getBytes(StandardCharsets.US_ASCII));
            awaitHeld(bodies, 900);
            HttpResponse<String> refused = post(connector.getLocalPort(), "y".repeat(500));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("MB of request bodies");
            held.close();
            awaitHeld(bodies, 0);
            HttpResponse<String> accepted = post(connector.getLocalPort(), "y".repeat(500));
            assertThat(accepted.body()).as("the held body's budget came back when its sender left").isEqualTo("kept 500");
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> post(int port, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitHeld(RequestBodies bodies, long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (bodies.heldBytes() != bytes && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(bodies.heldBytes()).as("bytes of request bodies held").isEqualTo(bytes);
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
