package dev.funclab.standins.messenger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Webhook bodies exactly as Messenger POSTs them for one Page:
 * {@code {"object":"page","entry":[{"id":PAGE_ID,"time":ms,"messaging":[event]}]}}.
 *
 * <pre>{@code
 * MessengerEvents page = MessengerEvents.forPage(MessengerEvents.TEST_PAGE_ID);
 * byte[] body = page.body(page.text(MessengerEvents.TEST_PSID, MessengerEvents.newMid(), "안녕하세요"));
 * String signature = MessengerSignature.of(body, appSecret);
 * }</pre>
 *
 * Bodies are pure ASCII, serialised as Meta does: non-ASCII characters escaped with lowercase hex
 * ({@code 안} as {@code \}{@code uc548}; Meta's docs: "we generate the signature using an escaped
 * unicode version of the payload, with lowercase hex digits") and slashes as {@code \/}. A
 * receiver that checks the signature over anything but the raw bytes (re-serialised JSON, a
 * decoded string) fails here as it would with Meta.
 */
public final class MessengerEvents {

    /** A made-up Page ID for local runs (Page IDs are numeric strings). */
    public static final String TEST_PAGE_ID = "104857600000001";
    /** A made-up page-scoped user ID (PSID), the sender of test messages. */
    public static final String TEST_PSID = "6283185307179586";
    /** A made-up app ID, the {@code app_id} of echoes. */
    public static final long TEST_APP_ID = 1517776481860111L;

    /** ASCII only, with lowercase hex in escapes, as Meta writes them. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String pageId;
    private final Clock clock;

    private MessengerEvents(String pageId, Clock clock) {
        this.pageId = Objects.requireNonNull(pageId, "pageId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static MessengerEvents forPage(String pageId) {
        return new MessengerEvents(pageId, Clock.systemUTC());
    }

    /** With a fixed clock, for reproducible bodies. */
    public static MessengerEvents forPage(String pageId, Clock clock) {
        return new MessengerEvents(pageId, clock);
    }

    public String pageId() {
        return pageId;
    }

    /** A message id in today's shape: {@code m_} and a random URL-safe string. */
    public static String newMid() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return "m_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A user's text message to the Page. */
    public ObjectNode text(String psid, String mid, String text) {
        ObjectNode event = event(psid, pageId);
        event.putObject("message").put("mid", mid).put("text", text);
        return event;
    }

    /** A message with one image and no text, as when a user sends a photo. */
    public ObjectNode image(String psid, String mid, String url) {
        ObjectNode event = event(psid, pageId);
        ObjectNode attachment = event.putObject("message").put("mid", mid).putArray("attachments").addObject();
        attachment.put("type", "image").putObject("payload").put("url", url);
        return event;
    }

    /** The echo of a message the Page sent: sender is the Page, recipient the user; handlers must skip it. */
    public ObjectNode echo(String psid, String mid, String text) {
        ObjectNode event = event(pageId, psid);
        event.putObject("message").put("is_echo", true).put("app_id", TEST_APP_ID).put("mid", mid).put("text", text);
        return event;
    }

    /** Messages the Page sent were delivered; carries no {@code message} and no timestamp. */
    public ObjectNode delivery(String psid, List<String> mids, long watermark) {
        ObjectNode event = JSON.createObjectNode();
        event.putObject("sender").put("id", psid);
        event.putObject("recipient").put("id", pageId);
        ObjectNode delivery = event.putObject("delivery");
        mids.forEach(delivery.putArray("mids")::add);
        delivery.put("watermark", watermark);
        return event;
    }

    /** The user read everything the Page sent up to {@code watermark}. */
    public ObjectNode read(String psid, long watermark) {
        ObjectNode event = event(psid, pageId);
        event.putObject("read").put("watermark", watermark);
        return event;
    }

    /** The user tapped a postback button. */
    public ObjectNode postback(String psid, String title, String payload) {
        ObjectNode event = event(psid, pageId);
        event.putObject("postback").put("mid", newMid()).put("title", title).put("payload", payload);
        return event;
    }

    /** One {@code entry} for this Page holding these events. */
    public ObjectNode entry(JsonNode... events) {
        ObjectNode entry = JSON.createObjectNode().put("id", pageId).put("time", clock.millis());
        ArrayNode messaging = entry.putArray("messaging");
        for (JsonNode event : events) {
            messaging.add(event);
        }
        return entry;
    }

    /** A whole webhook body with one entry holding these events, as bytes to sign and send. */
    public byte[] body(JsonNode... events) {
        return batch(entry(events));
    }

    /** A webhook body with several entries, as Meta sends when it batches. */
    public static byte[] batch(ObjectNode... entries) {
        ObjectNode root = JSON.createObjectNode().put("object", "page");
        ArrayNode list = root.putArray("entry");
        for (ObjectNode entry : entries) {
            list.add(entry);
        }
        return bytes(root);
    }

    /** Serialises any JSON as Meta does: ASCII only, lowercase {@code \}{@code uxxxx} for the rest, {@code \/} for slashes. */
    public static byte[] bytes(JsonNode json) {
        try {
            return JSON.writer().with(new MetaEscapes()).writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises: " + e.getMessage(), e);
        }
    }

    private ObjectNode event(String senderId, String recipientId) {
        ObjectNode event = JSON.createObjectNode();
        event.putObject("sender").put("id", senderId);
        event.putObject("recipient").put("id", recipientId);
        event.put("timestamp", clock.millis());
        return event;
    }

    /** JSON's standard escapes plus {@code \/}, as Meta writes slashes (non-ASCII is ESCAPE_NON_ASCII's job). */
    private static final class MetaEscapes extends CharacterEscapes {
        private static final SerializedString SLASH = new SerializedString("\\/");
        private final int[] ascii;

        MetaEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['/'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == '/' ? SLASH : null;
        }
    }
}
