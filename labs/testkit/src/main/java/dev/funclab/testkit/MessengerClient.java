package dev.funclab.testkit;

import dev.funclab.standins.messenger.MessengerEvents;
import dev.funclab.standins.messenger.MessengerSender;
import dev.funclab.standins.messenger.MessengerSignature;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Calls the lab's Messenger webhook ({@code /api/messenger}) as Messenger does: the verification
 * handshake, and events signed with the app secret over exactly the bytes sent.
 */
public final class MessengerClient {

    public static final String PATH = MessengerSender.WEBHOOK_PATH;
    /** The person who writes to the page in tests. */
    public static final String SENDER_ID = MessengerEvents.TEST_PSID;

    private final LabClient client;
    private final String appSecret;
    private final String verifyToken;

    MessengerClient(LabClient client, String appSecret, String verifyToken) {
        this.client = client;
        this.appSecret = appSecret;
        this.verifyToken = verifyToken;
    }

    /** The token the webhook is set up with ({@code MESSENGER_VERIFY_TOKEN}). */
    public String verifyToken() {
        return verifyToken;
    }

    /** {@code GET /api/messenger?hub.mode=...&hub.verify_token=...&hub.challenge=...} */
    public LabResponse verify(String mode, String token, String challenge) {
        return client.get(PATH + "?hub.mode=" + encode(mode) + "&hub.verify_token=" + encode(token)
                + "&hub.challenge=" + encode(challenge));
    }

    /** A new message id, as Messenger makes them: {@code m_} and URL-safe letters. */
    public static String newMid() {
        return MessengerEvents.newMid();
    }

    /** Builds webhook bodies for the test page. */
    public static MessengerEvents events() {
        return MessengerEvents.forPage(MessengerEvents.TEST_PAGE_ID);
    }

    /** Sends one text message from the test sender, correctly signed. */
    public LabResponse sendText(String mid, String text) {
        MessengerEvents page = events();
        return post(page.body(page.text(SENDER_ID, mid, text)));
    }

    /** POSTs a webhook body signed with the app secret. */
    public LabResponse post(byte[] body) {
        return post(body, signatureOf(body));
    }

    /** The {@code X-Hub-Signature-256} header Messenger would send with these bytes. */
    public String signatureOf(byte[] body) {
        return MessengerSignature.of(body, appSecret);
    }

    /** POSTs a webhook body with the given {@code X-Hub-Signature-256} header, or none when null. */
    public LabResponse post(byte[] body, String signature) {
        LabClient signed = signature == null ? client : client.header("X-Hub-Signature-256", signature);
        return signed.send("POST", PATH, HttpRequest.BodyPublishers.ofByteArray(body), "application/json");
    }

    /** A signature made with another secret: what a forger could send. */
    public static String forgedSignature(byte[] body) {
        return MessengerSignature.of(body, "not-the-app-secret");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
