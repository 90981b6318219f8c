package dev.funclab.standins.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailStandInTest {

    private static final String KEY = "SG.local-test-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static MailStandIn mail;
    private static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() {
        mail = MailStandIn.start(MailStandIn.Ports.free(), KEY, LOG::add);
    }

    @AfterAll
    static void stop() {
        mail.close();
    }

    @Test
    void withoutAKeyItAnswers401WithSendGridsErrorJson() throws Exception {
        HttpResponse<String> response = post(validMail(unique("ann")).toString(), null, "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
                "{\"errors\":[{\"message\":\"authorization required\",\"field\":null,\"help\":null}]}"));
    }

    @Test
    void withTheWrongKeyItAnswers401() throws Exception {
        HttpResponse<String> response = post(validMail(unique("ann")).toString(), "Bearer SG.wrong", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("message").asText()).isEqualTo("The provided authorization grant is invalid, expired, or revoked");
        assertThat(error.get("field").isNull()).isTrue();
        assertThat(error.get("help").isNull()).isTrue();
    }

    @Test
    void aBodyThatIsNotJsonIs400() throws Exception {
        HttpResponse<String> response = post("{\"personalizations\": [", bearer(), "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("message").asText()).isEqualTo("Bad Request");
        assertThat(error.get("field").isNull()).isTrue();
        assertThat(error.get("help").asText()).contains("not valid JSON");
    }

    @Test
    void aBodyThatIsNotSentAsJsonIs400() throws Exception {
        HttpResponse<String> response = post(validMail(unique("ann")).toString(), bearer(), "text/plain");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).at("/errors/0/message").asText()).contains("application/json");
    }

    static Stream<Arguments> invalidMails() {
        return Stream.of(
                invalid("no personalizations", m -> m.remove("personalizations"), "personalizations",
                        "The personalizations field is required and must have at least one personalization."),
                invalid("empty personalizations", m -> m.putArray("personalizations"), "personalizations",
                        "must have at least one personalization"),
                invalid("1001 personalizations", m -> {
                    ArrayNode list = m.putArray("personalizations");
                    for (int i = 0; i < 1001; i++) {
                        list.addObject().putArray("to").addObject().put("email", "r" + i + "@example.com");
                    }
                }, "personalizations", "limited to 1000 personalizations"),
                invalid("no to", m -> personalization(m).remove("to"), "personalizations.0.to",
                        "The to array is required for all personalization objects"),
                invalid("a to that is not an address", m -> recipient(m).put("email", "not-an-address"),
                        "personalizations.0.to.0.email", "Does not contain a valid address."),
                invalid("a to without email", m -> recipient(m).remove("email"), "personalizations.0.to.0.email",
                        "The to email parameter is required."),
                invalid("a cc that is not an address", m -> personalization(m).putArray("cc").addObject().put("email", "a b@c"),
                        "personalizations.0.cc.0.email", "Does not contain a valid address."),
                invalid("a name with a comma", m -> recipient(m).put("name", "Kim, Minji"), "personalizations.0.to.0.name",
                        "cannot contain ';' or ','"),
                invalid("a name with a semicolon", m -> recipient(m).put("name", "Kim; Minji"), "personalizations.0.to.0.name",
                        "cannot contain ';' or ','"),
                invalid("more than 1000 recipients", m -> {
                    ArrayNode list = m.putArray("personalizations");
                    for (int p = 0; p < 2; p++) {
                        ArrayNode to = list.addObject().putArray("to");
                        for (int i = 0; i < 501; i++) {
                            to.addObject().put("email", "r" + p + "-" + i + "@example.com");
                        }
                    }
                }, "personalizations", "There is a limit of 1000 total recipients (to + cc + bcc) per request."),
                invalid("no from", m -> m.remove("from"), "from.email", "The from object must be provided for every email send."),
                invalid("a from that is not an address", m -> m.putObject("from").put("email", "nobody"), "from.email",
                        "The from email does not contain a valid address."),
                invalid("no subject anywhere", m -> m.remove("subject"), "subject", "The subject is required."),
                invalid("no content", m -> m.remove("content"), "content",
                        "Unless a valid template_id is provided, the content parameter is required."),
                invalid("an empty content value", m -> ((ObjectNode) m.get("content").get(0)).put("value", ""),
                        "content.0.value", "The content value must be a string at least one character in length."),
                invalid("a content without type", m -> ((ObjectNode) m.get("content").get(0)).remove("type"),
                        "content.0.type", "The content type must be a string at least one character in length."),
                invalid("html before plain text", m -> {
                    ArrayNode content = m.putArray("content");
                    content.addObject().put("type", "text/html").put("value", "<p>hi</p>");
                    content.addObject().put("type", "text/plain").put("value", "hi");
                }, "content", "text/plain needs to be first, followed by text/html"),
                invalid("an attachment that is not base64", m -> attachment(m).put("content", "not base64!"),
                        "attachments.0.content", "The attachment content must be base64 encoded."),
                invalid("an attachment without content", m -> attachment(m).remove("content"), "attachments.0.content",
                        "The attachment content must be a string at least one character in length."),
                invalid("an attachment without filename", m -> attachment(m).remove("filename"), "attachments.0.filename",
                        "filename is required."),
                invalid("an unknown disposition", m -> attachment(m).put("disposition", "sideways"),
                        "attachments.0.disposition", "either 'inline' or 'attachment'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMails")
    void eachValidationRuleAnswers400NamingTheField(String what, Consumer<ObjectNode> change, String field, String message)
            throws Exception {
        ObjectNode request = validMail(unique("val"));
        change.accept(request);

        HttpResponse<String> response = post(request.toString(), bearer(), "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("message").asText()).contains(message);
            assertThat(error.has("help")).isTrue();
        });
    }

    @Test
    void everyProblemIsListedAtOnce() throws Exception {
        ObjectNode request = validMail(unique("all"));
        recipient(request).put("email", "broken");
        request.remove("subject");
        attachment(request).put("content", "%%%");

        HttpResponse<String> response = post(request.toString(), bearer(), "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").findValuesAsText("field"))
                .containsExactly("personalizations.0.to.0.email", "subject", "attachments.0.content");
    }

    @Test
    void aSubjectInEveryPersonalizationIsEnough() throws Exception {
        String to = unique("subj");
        ObjectNode request = validMail(to);
        request.remove("subject");
        personalization(request).put("subject", "개인 제목");

        HttpResponse<String> response = post(request.toString(), bearer(), "application/json");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(eventually(() -> mailsTo(to), list -> !list.isEmpty()).get(0).subject()).isEqualTo("개인 제목");
    }

    @Test
    void aPayloadOf30MegabytesIs413() throws Exception {
        ObjectNode request = validMail(unique("big"));
        byte[] bytes = new byte[SendGridApi.MAX_PAYLOAD / 4 * 3];
        attachment(request).put("content", Base64.getEncoder().encodeToString(bytes));
        String body = request.toString();
        assertThat(body.length()).isGreaterThanOrEqualTo(SendGridApi.MAX_PAYLOAD);

        HttpResponse<String> response = post(body, bearer(), "application/json");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).at("/errors/0/message").asText()).isEqualTo("content too large");
    }

    @Test
    void aValidMailIs202AndArrivesAsRealMimeMailReadableOverImap() throws Exception {
        String to = unique("minji");
        byte[] wav = wav();
        ObjectNode request = validMail(to);
        request.put("subject", "음성 메시지가 도착했습니다");
        ArrayNode content = request.putArray("content");
        content.addObject().put("type", "text/plain").put("value", "안녕하세요, 민지 님.\n첨부한 음성을 들어 보세요.");
        content.addObject().put("type", "text/html").put("value", "<p>안녕하세요, 민지 님.</p>");
        attachment(request).put("content", Base64.getEncoder().encodeToString(wav)).put("filename", "voice.wav")
                .put("type", "audio/wav");

        HttpResponse<String> response = post(request.toString(), bearer(), "application/json");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        String messageId = response.headers().firstValue("X-Message-Id").orElseThrow();
        assertThat(messageId).matches("[A-Za-z0-9_-]{22}");

        List<ReceivedMail> inbox;
        try (ImapMailbox mailbox = mail.imap(to)) {
            inbox = eventually(mailbox::messages, list -> !list.isEmpty());
        }
        assertThat(inbox).hasSize(1);
        ReceivedMail received = inbox.get(0);
        assertThat(received.messageId()).startsWith("<" + messageId + ".0@");
        assertThat(received.from()).isEqualTo("noreply@funclab.example");
        assertThat(received.to()).containsExactly(to);
        assertThat(received.subject()).isEqualTo("음성 메시지가 도착했습니다");
        assertThat(received.text()).isEqualTo("안녕하세요, 민지 님.\n첨부한 음성을 들어 보세요.");
        assertThat(received.html()).isEqualTo("<p>안녕하세요, 민지 님.</p>");
        assertThat(received.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("voice.wav");
            assertThat(attachment.contentType()).isEqualTo("audio/wav");
            assertThat(attachment.content()).isEqualTo(wav);
        });

        JsonNode listed = eventually(this::mailbox, list -> mailsIn(list, to).size() == 1);
        JsonNode item = mailsIn(listed, to).get(0);
        assertThat(item.get("subject").asText()).isEqualTo("음성 메시지가 도착했습니다");
        assertThat(item.get("messageId").asText()).isEqualTo(received.messageId());
        assertThat(item.get("text").asText()).startsWith("안녕하세요");
        assertThat(item.at("/attachments/0/fileName").asText()).isEqualTo("voice.wav");
        assertThat(item.at("/attachments/0/contentType").asText()).isEqualTo("audio/wav");
        assertThat(item.at("/attachments/0/size").asInt()).isEqualTo(wav.length);
        assertThat(Instant.parse(item.get("sentAt").asText())).isEqualTo(received.sentAt());
        assertThat(LOG).anySatisfy(line -> assertThat(line).contains("Mail accepted (X-Message-Id " + messageId + ")", to,
                "음성 메시지가 도착했습니다"));
    }

    @Test
    void eachPersonalizationBecomesOneMailWithItsOwnSubject() throws Exception {
        String first = unique("first");
        String second = unique("second");
        ObjectNode request = validMail(first);
        personalization(request).put("subject", "첫 번째");
        request.withArray("personalizations").addObject().put("subject", "두 번째")
                .putArray("to").addObject().put("email", second).put("name", "Second Reader");

        HttpResponse<String> response = post(request.toString(), bearer(), "application/json");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(eventually(() -> mailsTo(first), list -> !list.isEmpty())).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("첫 번째"));
        assertThat(eventually(() -> mailsTo(second), list -> !list.isEmpty())).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("두 번째"));
        try (ImapMailbox mailbox = mail.imap(second)) {
            assertThat(eventually(mailbox::messages, list -> !list.isEmpty())).singleElement()
                    .satisfies(m -> assertThat(m.to()).containsExactly(second));
        }
    }

    @Test
    void bccRecipientsGetTheMailWithoutAppearingInIt() throws Exception {
        String to = unique("to");
        String hidden = unique("hidden");
        ObjectNode request = validMail(to);
        personalization(request).putArray("bcc").addObject().put("email", hidden);

        assertThat(post(request.toString(), bearer(), "application/json").statusCode()).isEqualTo(202);

        try (ImapMailbox mailbox = mail.imap(hidden)) {
            assertThat(eventually(mailbox::messages, list -> !list.isEmpty())).singleElement()
                    .satisfies(m -> assertThat(m.to()).containsExactly(to));
        }
        assertThat(mailsTo(to)).hasSize(1);
    }

    @Test
    void failNextAnswersTheGivenStatusThenMailIsAcceptedAgain() throws Exception {
        String to = unique("retry");
        mail.failNext(1, 503);

        HttpResponse<String> failed = post(validMail(to).toString(), bearer(), "application/json");
        HttpResponse<String> retried = post(validMail(to).toString(), bearer(), "application/json");

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(failed.body()).at("/errors/0/message").asText()).isNotEmpty();
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(eventually(() -> mailsTo(to), list -> !list.isEmpty())).hasSize(1);
    }

    @Test
    void aResetEmptiesEveryMailboxAndCancelsPlannedFailures() throws Exception {
        String to = unique("reset");
        assertThat(post(validMail(to).toString(), bearer(), "application/json").statusCode()).isEqualTo(202);
        eventually(() -> mailsTo(to), list -> !list.isEmpty());
        mail.failNext(3, 503);

        mail.reset();

        assertThat(mail.received()).isEmpty();
        assertThat(mail.inbox(to)).as("the mailbox over IMAP").isEmpty();
        assertThat(post(validMail(to).toString(), bearer(), "application/json").statusCode()).isEqualTo(202);
    }

    @Test
    void failNextDoesNotApplyBeforeTheKeyIsChecked() throws Exception {
        mail.failNext(1, 500);
        try {
            assertThat(post(validMail(unique("x")).toString(), "Bearer wrong", "application/json").statusCode()).isEqualTo(401);
            assertThat(post(validMail(unique("x")).toString(), bearer(), "application/json").statusCode()).isEqualTo(500);
        } finally {
            mail.failNext(0, 500);
        }
    }

    @Test
    void freePortsAreRealBoundPorts() throws Exception {
        assertThat(mail.apiEndpoint().getPort()).isPositive();
        assertThat(mail.apiEndpoint().toString()).isEqualTo("http://localhost:" + mail.apiEndpoint().getPort());
        assertThat(List.of(mail.smtpPort(), mail.imapPort())).allSatisfy(port -> assertThat(port).isPositive());
        assertThat(greeting(mail.smtpPort())).startsWith("220 ");
        assertThat(greeting(mail.imapPort())).startsWith("* OK");
        assertThat(mail.describe()).anySatisfy(line -> assertThat(line).contains("IMAP", ":" + mail.imapPort(),
                "user name = the recipient's address", "any password"));
    }

    @Test
    void otherPathsAre404NamingTheEndpoints() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(mail.apiEndpoint().resolve("/v3/templates")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("POST /v3/mail/send", "GET /mailbox");
    }

    @Test
    void aSecondStandInOnTheSamePortsSaysWhichPortIsTaken() {
        MailStandIn.Ports taken = new MailStandIn.Ports(0, mail.smtpPort(), 0);

        assertThatThrownBy(() -> MailStandIn.start(taken, KEY, line -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Port " + mail.smtpPort()).hasMessageContaining("SMTP");
    }

    // ---- helpers

    /** A valid request with a text body and one small attachment. */
    private static ObjectNode validMail(String to) {
        ObjectNode request = JSON.createObjectNode();
        request.putArray("personalizations").addObject().putArray("to").addObject().put("email", to).put("name", "Kim Minji");
        request.putObject("from").put("email", "noreply@funclab.example").put("name", "Voice Bot");
        request.put("subject", "Hello");
        request.putArray("content").addObject().put("type", "text/plain").put("value", "Hello there");
        request.putArray("attachments").addObject().put("content", Base64.getEncoder().encodeToString("hi".getBytes()))
                .put("filename", "hi.txt").put("type", "text/plain");
        return request;
    }

    private static Arguments invalid(String what, Consumer<ObjectNode> change, String field, String message) {
        return Arguments.of(what, change, field, message);
    }

    private static ObjectNode personalization(ObjectNode request) {
        return (ObjectNode) request.get("personalizations").get(0);
    }

    private static ObjectNode recipient(ObjectNode request) {
        return (ObjectNode) personalization(request).get("to").get(0);
    }

    private static ObjectNode attachment(ObjectNode request) {
        return (ObjectNode) request.get("attachments").get(0);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String bearer() {
        return "Bearer " + KEY;
    }

    private static HttpResponse<String> post(String body, String authorization, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(mail.apiEndpoint().resolve("/v3/mail/send"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode mailbox() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(mail.apiEndpoint().resolve("/mailbox")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> mailsIn(JsonNode mailbox, String to) {
        List<JsonNode> found = new ArrayList<>();
        mailbox.forEach(item -> {
            if (item.get("to").toString().contains(to)) {
                found.add(item);
            }
        });
        return found;
    }

    private static List<ReceivedMail> mailsTo(String to) {
        return mail.received().stream().filter(m -> m.to().contains(to)).toList();
    }

    /** Polls until the value satisfies the condition, for at most 10 seconds. */
    private static <T> T eventually(Supplier<T> value, Predicate<T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T current = value.get();
        while (!condition.test(current) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            current = value.get();
        }
        return current;
    }

    /** The first line a server sends on connect. */
    private static String greeting(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    /** A real WAV file: 0.2 s of a 440 Hz tone, 16 kHz 16-bit mono. */
    private static byte[] wav() throws Exception {
        int samples = 3200;
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            short value = (short) (Math.sin(2 * Math.PI * 440 * i / 16000.0) * 12000);
            pcm[2 * i] = (byte) value;
            pcm[2 * i + 1] = (byte) (value >> 8);
        }
        AudioFormat format = new AudioFormat(16000, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, samples),
                AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }
}
