package dev.funclab.standins.messenger;

import dev.funclab.standins.LabSettings;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Delivers webhook events to a function the way Messenger does: a signed JSON POST, no retries
 * here (Meta retries; a test can simply send again).
 */
public final class MessengerSender {

    /** The app setting that holds the App Secret, in the lab's {@code local.settings.json}. */
    public static final String APP_SECRET_SETTING = "MESSENGER_APP_SECRET";
    /** Where the lab's function listens: {@code http://localhost:<port>/api/messenger}. */
    public static final String WEBHOOK_PATH = "/api/messenger";

    private static final MediaType JSON = MediaType.get("application/json");
    /** Meta's webhook requests identify themselves with this User-Agent. */
    private static final String USER_AGENT = "facebookexternalua";
    private static final String DEFAULT_TEXT = "안녕하세요! Messenger에서 보낸 시험 메시지입니다.";

    private MessengerSender() {
    }

    /** What the webhook answered. */
    public record Result(int status, String body) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * POSTs the body as it is, with {@code X-Hub-Signature-256} when a signature is given.
     * Meta waits at most 20 seconds for an answer; so does this.
     *
     * @throws ConnectException when nothing listens at the URL
     * @throws IOException      on any other network failure or a timeout
     */
    public static Result send(URI webhookUrl, byte[] body, String signatureHeader) throws IOException {
        OkHttpClient client = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .writeTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false)
                .build();
        Request.Builder request = new Request.Builder().url(webhookUrl.toString())
                .header("User-Agent", USER_AGENT)
                // OkHttp adds no charset to a byte body: the header stays 'application/json', as Meta sends it.
                .post(RequestBody.create(body, JSON));
        if (signatureHeader != null) {
            request.header(MessengerSignature.HEADER, signatureHeader);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            ResponseBody content = response.body();
            return new Result(response.code(), content == null ? "" : content.string());
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /**
     * What {@code scripts/messenger-send} does: one signed text message to the lab's function on
     * {@code http://localhost:<port>/api/messenger}, then the answer.
     *
     * @param mid           the message id, or null for a new {@code m_...} one
     * @param senderId      the user's PSID, or null for {@link MessengerEvents#TEST_PSID}
     * @param badSignature  true to sign with a wrong secret, to see the function refuse it
     * @param text          the message text, or null for a Korean sample sentence
     * @param localSettings the lab's {@code local.settings.json}, whose {@code Values} hold {@value #APP_SECRET_SETTING}
     * @return 0 when the function answered 2xx, 1 when it answered anything else, 2 when nothing was
     *         sent (no host listening, or no secret to sign with)
     */
    public static int run(int port, String mid, String senderId, boolean badSignature, String text, Path localSettings,
                          PrintStream out) {
        String secret;
        try {
            secret = appSecret(localSettings);
        } catch (IllegalStateException e) {
            out.println(e.getMessage());
            return 2;
        }
        String messageId = mid == null || mid.isBlank() ? MessengerEvents.newMid() : mid;
        String psid = senderId == null || senderId.isBlank() ? MessengerEvents.TEST_PSID : senderId;
        MessengerEvents page = MessengerEvents.forPage(MessengerEvents.TEST_PAGE_ID);
        byte[] body = page.body(page.text(psid, messageId, text == null ? DEFAULT_TEXT : text));
        // A wrong secret gives a well-formed signature that does not match: what a forged request looks like.
        String signature = MessengerSignature.of(body, badSignature ? "not-" + secret : secret);
        URI url = URI.create("http://localhost:" + port + WEBHOOK_PATH);

        out.println("Sending message " + messageId + " from " + psid + " to " + url + " (" + body.length + " bytes, "
                + (badSignature ? "signed with a wrong secret on purpose: expect 403" : "signed with " + APP_SECRET_SETTING
                + " from " + localSettings) + ")");
        Result result;
        try {
            result = send(url, body, signature);
        } catch (ConnectException e) {
            out.println("The function host is not running: nothing listens on port " + port + ". Start it with "
                    + "'scripts/run lab4', then send again.");
            return 2;
        } catch (IOException e) {
            out.println("Sending to " + url + " failed: " + e.getMessage());
            return 1;
        }
        out.println("mid:    " + messageId);
        out.println("status: " + result.status());
        out.println("body:   " + (result.body().isEmpty() ? "(empty)" : result.body()));
        return result.succeeded() ? 0 : 1;
    }

    /**
     * {@code Values.MESSENGER_APP_SECRET} of a local.settings.json.
     *
     * @throws IllegalStateException naming the file and the key when it cannot be read
     */
    static String appSecret(Path localSettings) {
        return LabSettings.read(localSettings).require(APP_SECRET_SETTING, "\"" + APP_SECRET_SETTING
                + "\": \"local-app-secret\": the function checks X-Hub-Signature-256 with it.");
    }

}
