package dev.funclab.standins.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessengerEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NOW = 1_717_000_000_123L;
    private static final String PSID = MessengerEvents.TEST_PSID;

    private final MessengerEvents page = MessengerEvents.forPage("111222333",
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    @Test
    void aTextMessageHasMessengersEnvelope() throws Exception {
        JsonNode body = JSON.readTree(page.body(page.text(PSID, "m_abc", "hello")));

        assertThat(body.get("object").asText()).isEqualTo("page");
        assertThat(body.get("entry")).hasSize(1);
        JsonNode entry = body.get("entry").get(0);
        assertThat(entry.get("id").isTextual()).isTrue();
        assertThat(entry.get("id").asText()).isEqualTo("111222333");
        assertThat(entry.get("time").isIntegralNumber()).isTrue();
        assertThat(entry.get("time").asLong()).isEqualTo(NOW);
        JsonNode event = entry.get("messaging").get(0);
        assertThat(event.at("/sender/id").asText()).isEqualTo(PSID);
        assertThat(event.at("/recipient/id").asText()).isEqualTo("111222333");
        assertThat(event.get("timestamp").asLong()).isEqualTo(NOW);
        assertThat(event.at("/message/mid").asText()).isEqualTo("m_abc");
        assertThat(event.at("/message/text").asText()).isEqualTo("hello");
        assertThat(event.at("/message/is_echo").isMissingNode()).isTrue();
    }

    @Test
    void bodiesArePureAsciiWithKoreanEscapedInLowercaseHexAsMetaSigns() throws Exception {
        byte[] bytes = page.body(page.text(PSID, "m_1", "안녕하세요 é"));

        for (byte b : bytes) {
            assertThat(b & 0xFF).isLessThan(0x80);
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        assertThat(text).contains("\"text\":\"\\uc548\\ub155\\ud558\\uc138\\uc694 \\u00e9\"");
        assertThat(JSON.readTree(bytes).at("/entry/0/messaging/0/message/text").asText()).isEqualTo("안녕하세요 é");
    }

    @Test
    void slashesAreEscapedAsMetaWritesUrls() throws Exception {
        byte[] bytes = page.body(page.image(PSID, "m_2", "https://scontent.xx.fbcdn.net/v/photo.jpg"));

        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("\"url\":\"https:\\/\\/scontent.xx.fbcdn.net\\/v\\/photo.jpg\"");
        JsonNode message = JSON.readTree(bytes).at("/entry/0/messaging/0/message");
        assertThat(message.has("text")).isFalse();
        assertThat(message.at("/attachments/0/type").asText()).isEqualTo("image");
        assertThat(message.at("/attachments/0/payload/url").asText()).isEqualTo("https://scontent.xx.fbcdn.net/v/photo.jpg");
    }

    @Test
    void theSignatureIsHmacSha256OfTheExactBytesInLowercaseHex() throws Exception {
        byte[] body = page.body(page.text(PSID, "m_3", "음성으로 바꿔 주세요"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));

        assertThat(MessengerSignature.of(body, "app-secret")).isEqualTo(expected).matches("sha256=[0-9a-f]{64}");
    }

    @Test
    void theSignatureMatchesRfc4231TestCase2() {
        // RFC 4231 section 4.3: key "Jefe", data "what do ya want for nothing?".
        assertThat(MessengerSignature.of("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII), "Jefe"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void anEchoComesFromThePageToTheUser() throws Exception {
        JsonNode event = event(page.body(page.echo(PSID, "m_4", "답장입니다")));

        assertThat(event.at("/sender/id").asText()).isEqualTo("111222333");
        assertThat(event.at("/recipient/id").asText()).isEqualTo(PSID);
        assertThat(event.at("/message/is_echo").asBoolean()).isTrue();
        assertThat(event.at("/message/app_id").isIntegralNumber()).isTrue();
        assertThat(event.at("/message/mid").asText()).isEqualTo("m_4");
        assertThat(event.at("/message/text").asText()).isEqualTo("답장입니다");
    }

    @Test
    void aDeliveryHasMidsAndWatermarkAndNoMessage() throws Exception {
        JsonNode event = event(page.body(page.delivery(PSID, List.of("m_5", "m_6"), NOW - 10)));

        assertThat(event.has("message")).isFalse();
        assertThat(event.has("timestamp")).isFalse();
        assertThat(event.at("/delivery/mids")).hasSize(2);
        assertThat(event.at("/delivery/mids/0").asText()).isEqualTo("m_5");
        assertThat(event.at("/delivery/mids/1").asText()).isEqualTo("m_6");
        assertThat(event.at("/delivery/watermark").asLong()).isEqualTo(NOW - 10);
    }

    @Test
    void aReadHasAWatermarkAndNoMessage() throws Exception {
        JsonNode event = event(page.body(page.read(PSID, NOW - 5)));

        assertThat(event.has("message")).isFalse();
        assertThat(event.at("/read/watermark").asLong()).isEqualTo(NOW - 5);
        assertThat(event.get("timestamp").asLong()).isEqualTo(NOW);
    }

    @Test
    void aPostbackCarriesTitleAndPayload() throws Exception {
        JsonNode event = event(page.body(page.postback(PSID, "시작하기", "GET_STARTED")));

        assertThat(event.has("message")).isFalse();
        assertThat(event.at("/postback/title").asText()).isEqualTo("시작하기");
        assertThat(event.at("/postback/payload").asText()).isEqualTo("GET_STARTED");
        assertThat(event.at("/postback/mid").asText()).startsWith("m_");
    }

    @Test
    void aBatchHoldsSeveralEntriesEachWithSeveralEvents() throws Exception {
        byte[] bytes = MessengerEvents.batch(
                page.entry(page.text(PSID, "m_7", "하나"), page.read(PSID, NOW)),
                page.entry(page.text("999", "m_8", "둘")));

        JsonNode body = JSON.readTree(bytes);
        assertThat(body.get("entry")).hasSize(2);
        assertThat(body.at("/entry/0/messaging")).hasSize(2);
        assertThat(body.at("/entry/1/messaging")).hasSize(1);
        assertThat(body.at("/entry/1/messaging/0/message/mid").asText()).isEqualTo("m_8");
    }

    @Test
    void newMidsAreUrlSafeAndDistinct() {
        String mid = MessengerEvents.newMid();

        assertThat(mid).matches("m_[A-Za-z0-9_-]{40,}");
        assertThat(MessengerEvents.newMid()).isNotEqualTo(mid);
    }

    private static JsonNode event(byte[] body) throws Exception {
        return JSON.readTree(body).at("/entry/0/messaging/0");
    }
}
