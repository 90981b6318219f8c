package dev.funclab.standins.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class MailboxListingTest {

    @Test
    void listsEachMailWithItsSubjectTextAndAttachments() throws Exception {
        try (MailStandIn mail = MailStandIn.start(MailStandIn.Ports.free(), "key", line -> { })) {
            send(mail, "{\"personalizations\":[{\"to\":[{\"email\":\"reader@example.com\"}]}],"
                    + "\"from\":{\"email\":\"bot@example.com\"},\"subject\":\"음성 메시지\","
                    + "\"content\":[{\"type\":\"text/plain\",\"value\":\"첫 줄입니다\\n둘째 줄\"}],"
                    + "\"attachments\":[{\"content\":\"" + Base64.getEncoder().encodeToString(new byte[1234])
                    + "\",\"filename\":\"voice.wav\",\"type\":\"audio/wav\"}]}");

            ByteArrayOutputStream readable = new ByteArrayOutputStream();
            int code = MailboxListing.printMailbox(mail.apiEndpoint(), false, new PrintStream(readable, true, StandardCharsets.UTF_8));

            assertThat(code).isZero();
            assertThat(readable.toString(StandardCharsets.UTF_8))
                    .contains("reader@example.com", "음성 메시지", "첫 줄입니다", "voice.wav (audio/wav, 1,234 bytes)")
                    .doesNotContain("둘째 줄");

            ByteArrayOutputStream json = new ByteArrayOutputStream();
            assertThat(MailboxListing.printMailbox(URI.create(mail.apiEndpoint() + "/"), true,
                    new PrintStream(json, true, StandardCharsets.UTF_8))).isZero();
            JsonNode list = new ObjectMapper().readTree(json.toString(StandardCharsets.UTF_8));
            assertThat(list).hasSize(1);
            assertThat(list.at("/0/to/0").asText()).isEqualTo("reader@example.com");
            assertThat(list.at("/0/attachments/0/size").asInt()).isEqualTo(1234);
        }
    }

    @Test
    void anEmptyMailboxSaysSo() {
        try (MailStandIn mail = MailStandIn.start(MailStandIn.Ports.free(), "key", line -> { })) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertThat(MailboxListing.printMailbox(mail.apiEndpoint(), false, new PrintStream(out, true, StandardCharsets.UTF_8)))
                    .isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("No mail yet");
        }
    }

    @Test
    void whenNothingAnswersItSaysHowToStartTheStandInAndReturns2() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = MailboxListing.printMailbox(URI.create("http://localhost:" + closedPort), false,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("not running", "scripts/run lab4");
    }

    private static void send(MailStandIn mail, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(mail.apiEndpoint() + "/v3/mail/send"))
                        .header("Authorization", "Bearer " + mail.apiKey()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }
}
