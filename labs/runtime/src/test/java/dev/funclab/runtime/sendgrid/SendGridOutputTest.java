package dev.funclab.runtime.sendgrid;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.function.FunctionConfigurationException;
import dev.funclab.runtime.log.HostLog;
import dev.funclab.standins.mail.MailStandIn;
import dev.funclab.standins.mail.ReceivedMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @SendGridOutput} through the host, to the kit's SendGrid stand-in, read back over IMAP. */
class SendGridOutputTest {

    private static final String TO = "inbox@funclab.test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path folder;

    static MailStandIn mail;
    static FunctionHost host;
    static final List<String> logLines = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        mail = MailStandIn.start(MailStandIn.Ports.free(), "SG.right-key", line -> { });
        host = start(settings(mail.apiEndpoint().toString(), "SG.right-key"), logLines);
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
        mail.close();
    }

    private static Map<String, String> settings(String url, String key) {
        Map<String, String> settings = new HashMap<>();
        settings.put("FUNCLAB_SENDGRID_URL", url);
        settings.put("AzureWebJobsSendGridApiKey", key);
        settings.put("MailKey", key);
        settings.put("MAIL_TO", TO);
        return settings;
    }

    private static FunctionHost start(Map<String, String> settings, List<String> lines) throws Exception {
        Path app = TestApps.packaged(folder.resolve("app-" + UUID.randomUUID()), "fixtures.mail",
                "{\"version\": \"2.0\", \"extensions\": {\"sendGrid\": {\"from\": \"Host Json <host@funclab.test>\"}}}", Map.of());
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(lines::add);
        return FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(settings), log);
    }

    private static HttpResponse<String> post(FunctionHost host, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ReceivedMail mailTo(String address, String marker) {
        Instant end = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(end)) {
            Optional<ReceivedMail> found = mail.inbox(address).stream()
                    .filter(m -> (m.subject() + m.text()).contains(marker)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            pause();
        }
        throw new AssertionError("no mail to " + address + " mentioning " + marker);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aMessageWithoutRecipientsOrSenderGetsThemFromTheBinding() throws Exception {
        String marker = UUID.randomUUID().toString();
        String json = "{\"subject\": \"Hello " + marker + "\", \"content\": [{\"type\": \"text/plain\", \"value\": \"안녕하세요 " + marker + "\"}]}";

        assertThat(post(host, "api/send", json).statusCode()).isEqualTo(200);

        ReceivedMail received = mailTo(TO, marker);
        assertThat(received.to()).containsExactly(TO);
        assertThat(received.from()).contains("fixture@funclab.test");
        assertThat(received.subject()).isEqualTo("Hello " + marker);
        assertThat(received.text()).contains("안녕하세요 " + marker);
    }

    @Test
    void theBindingFillsOnlyWhatTheMessageLacks() throws Exception {
        String marker = UUID.randomUUID().toString();
        String other = "someone-" + marker.substring(0, 8) + "@funclab.test";
        String json = "{\"Personalizations\": [{\"to\": [{\"email\": \"" + other + "\"}]}], \"content\": [{\"type\": \"text/plain\", "
                + "\"value\": \"body " + marker + "\"}], \"to\": \"ignored@funclab.test\"}";

        assertThat(post(host, "api/send", json).statusCode()).isEqualTo(200);

        ReceivedMail received = mailTo(other, marker);
        assertThat(received.subject()).as("the binding's subject, as the message had none").isEqualTo("Default subject");
        assertThat(received.text()).as("the message's own content, not the binding's text").contains("body " + marker).doesNotContain("Default text");
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("[to] are not fields of a v3 mail-send message"));
    }

    @Test
    void aPojoReturnValueIsSentWithBindingExpressions() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);

        assertThat(post(host, "api/notify/ann" + marker, marker).statusCode()).isEqualTo(200);

        ReceivedMail received = mailTo("ann" + marker + "@funclab.test", marker);
        assertThat(received.subject()).isEqualTo("Notice: " + marker);
        assertThat(received.text()).contains("Hello from a POJO");
        assertThat(received.from()).as("the sender from host.json, as neither the message nor the binding has one")
                .contains("host@funclab.test");
    }

    @Test
    void anAnswerOf300OrMoreFailsTheInvocationWithSendGridsText() throws Exception {
        mail.failNext(1, 503);

        HttpResponse<String> response = post(host, "api/send", "{\"subject\": \"fails\"}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("SendGrid answered 503"));
    }

    @Test
    void aWrongKeyIsRefusedBySendGrid() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (FunctionHost wrongKey = start(settings(mail.apiEndpoint().toString(), "SG.wrong-key"), lines)) {
            assertThat(post(wrongKey, "api/send", "{\"subject\": \"x\"}").statusCode()).isEqualTo(500);
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("SendGrid answered 401"));
    }

    @Test
    void nothingListeningAtTheUrlNamesTheSettingToFix() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (FunctionHost nowhere = start(settings("http://127.0.0.1:9", "SG.right-key"), lines)) {
            assertThat(post(nowhere, "api/send", "{\"subject\": \"x\"}").statusCode()).isEqualTo(500);
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("FUNCLAB_SENDGRID_URL").contains("scripts/run lab4"));
    }

    @Test
    void aMessageWithNoRecipientAnywhereFailsSayingSo() throws Exception {
        Map<String, String> settings = settings(mail.apiEndpoint().toString(), "SG.right-key");
        settings.put("MAIL_TO", "");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (FunctionHost noRecipient = start(settings, lines)) {
            assertThat(post(noRecipient, "api/send", "{\"subject\": \"x\"}").statusCode()).isEqualTo(500);
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("A 'To' address must be specified for the message"));
    }

    @Test
    void aMissingApiKeySettingStopsTheHostNamingIt() {
        Map<String, String> settings = settings(mail.apiEndpoint().toString(), "SG.right-key");
        settings.remove("AzureWebJobsSendGridApiKey");

        assertThatThrownBy(() -> start(settings, new CopyOnWriteArrayList<>()).close())
                .isInstanceOf(FunctionConfigurationException.class)
                .hasMessageContaining("@SendGridOutput(name = \"mail\")")
                .hasMessageContaining("AzureWebJobsSendGridApiKey");
    }

    @Test
    void theStartUpSaysWhereMailGoes() {
        assertThat(logLines).anySatisfy(line -> assertThat(line)
                .contains("SendGrid output bindings send mail to " + URI.create(mail.apiEndpoint() + "/v3/mail/send")));
    }
}
