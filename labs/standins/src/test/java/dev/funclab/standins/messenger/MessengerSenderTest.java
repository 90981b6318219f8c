package dev.funclab.standins.messenger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class MessengerSenderTest {

    private static final String SECRET = "local-app-secret";

    /** A webhook like the lab's: checks the signature over the raw bytes, 403 when it does not match. */
    private HttpServer webhook;
    private final AtomicReference<Received> received = new AtomicReference<>();

    @TempDir
    Path folder;

    private record Received(String method, String path, String contentType, String userAgent, String signature, byte[] body) {
    }

    @BeforeEach
    void startWebhook() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/", this::handle);
        webhook.start();
    }

    @AfterEach
    void stopWebhook() {
        webhook.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst("X-Hub-Signature-256");
        received.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("User-Agent"),
                signature, body));
        boolean valid = signature != null && MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
                MessengerSignature.of(body, SECRET).getBytes(StandardCharsets.US_ASCII));
        byte[] answer = (valid ? "EVENT_RECEIVED" : "INVALID SIGNATURE").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(valid ? 200 : 403, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private int port() {
        return webhook.getAddress().getPort();
    }

    @Test
    void sendPostsTheExactBytesWithTheSignatureHeader() throws Exception {
        MessengerEvents page = MessengerEvents.forPage(MessengerEvents.TEST_PAGE_ID);
        byte[] body = page.body(page.text(MessengerEvents.TEST_PSID, "m_send", "안녕하세요"));
        String signature = MessengerSignature.of(body, SECRET);

        MessengerSender.Result result = MessengerSender.send(URI.create("http://localhost:" + port() + "/api/messenger"),
                body, signature);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("EVENT_RECEIVED");
        Received request = received.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/messenger");
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.signature()).isEqualTo(signature);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.userAgent()).isEqualTo("facebookexternalua");
    }

    @Test
    void sendWithoutASignatureSendsNoSignatureHeader() throws Exception {
        MessengerSender.Result result = MessengerSender.send(URI.create("http://localhost:" + port() + "/api/messenger"),
                "{}".getBytes(StandardCharsets.US_ASCII), null);

        assertThat(result.status()).isEqualTo(403);
        assertThat(received.get().signature()).isNull();
    }

    @Test
    void runSendsOneSignedTextMessageAndReportsTheAnswer() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int code = MessengerSender.run(port(), "m_fixed", "5550001", false, "음성으로 읽어 주세요", settings(SECRET),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        Received request = received.get();
        assertThat(request.path()).isEqualTo("/api/messenger");
        assertThat(request.signature()).isEqualTo(MessengerSignature.of(request.body(), SECRET));
        var event = new ObjectMapper().readTree(request.body()).at("/entry/0/messaging/0");
        assertThat(event.at("/message/mid").asText()).isEqualTo("m_fixed");
        assertThat(event.at("/sender/id").asText()).isEqualTo("5550001");
        assertThat(event.at("/message/text").asText()).isEqualTo("음성으로 읽어 주세요");
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("m_fixed", "200", "EVENT_RECEIVED");
    }

    @Test
    void runDefaultsToANewMidAndTheTestSender() throws Exception {
        int code = MessengerSender.run(port(), null, null, false, null, settings(SECRET), new PrintStream(new ByteArrayOutputStream()));

        assertThat(code).isZero();
        var event = new ObjectMapper().readTree(received.get().body()).at("/entry/0/messaging/0");
        assertThat(event.at("/message/mid").asText()).startsWith("m_");
        assertThat(event.at("/sender/id").asText()).isEqualTo(MessengerEvents.TEST_PSID);
        assertThat(event.at("/message/text").asText()).isNotBlank();
    }

    @Test
    void aBadSignatureIsRefusedAndRunReturns1() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int code = MessengerSender.run(port(), null, null, true, "hello", settings(SECRET),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(received.get().signature()).matches("sha256=[0-9a-f]{64}")
                .isNotEqualTo(MessengerSignature.of(received.get().body(), SECRET));
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("403", "wrong secret");
    }

    @Test
    void whenNothingListensRunSaysToStartTheHostAndReturns2() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int code = MessengerSender.run(closedPort, null, null, false, "hello", settings(SECRET),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("function host is not running", "scripts/run lab4");
    }

    @Test
    void aMissingSecretNamesTheFileAndTheKey() throws Exception {
        Path file = folder.resolve("local.settings.json");
        Files.writeString(file, "{\"IsEncrypted\": false, \"Values\": {\"FUNCTIONS_WORKER_RUNTIME\": \"java\"}}");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int code = MessengerSender.run(port(), null, null, false, "hello", file, new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(received.get()).isNull();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains(file.toString(), "Values.MESSENGER_APP_SECRET");
    }

    @Test
    void aMissingSettingsFileIsNamed() {
        Path file = folder.resolve("nowhere/local.settings.json");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int code = MessengerSender.run(port(), null, null, false, "hello", file, new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains(file.toString(), "MESSENGER_APP_SECRET");
    }

    private Path settings(String secret) throws IOException {
        Path file = folder.resolve("local.settings.json");
        Files.writeString(file, "{\"IsEncrypted\": false, \"Values\": {\"FUNCTIONS_WORKER_RUNTIME\": \"java\", "
                + "\"MESSENGER_APP_SECRET\": \"" + secret + "\"}}");
        return file;
    }
}
