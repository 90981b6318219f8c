package com.example.lab4;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.convert.Json;
import dev.funclab.standins.messenger.MessengerEvents;
import dev.funclab.testkit.AppSetting;
import dev.funclab.testkit.FunctionsHostTest;
import dev.funclab.testkit.Graded;
import dev.funclab.testkit.LabStorage;
import dev.funclab.testkit.MessengerClient;
import dev.funclab.testkit.WithStandIns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.funclab.testkit.LabAssertions.assertThat;

/**
 * The webhook (steps 1-3), called as Messenger calls it. The speech step is switched off for these
 * tests, so that what the webhook puts on speech-requests stays there to be counted (40 points).
 */
@FunctionsHostTest
@WithStandIns
@AppSetting(name = "AzureWebJobs.synthesizeSpeech.Disabled", value = "true")
class WebhookTest {

    private static final String QUEUE = "speech-requests";

    /** Takes every message now on speech-requests and returns those about {@code mid}, as JSON. */
    private static List<JsonNode> queued(LabStorage storage, String mid) {
        return storage.receiveAll(QUEUE).stream().map(WebhookTest::json).filter(m -> mid.equals(m.path("mid").asText())).toList();
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("A message on " + QUEUE + " is not JSON: " + text);
        }
    }

    @Test
    @Graded(points = 10, step = 1)
    @DisplayName("the verification handshake echoes the challenge, and only for our token")
    void theHandshakeEchoesTheChallenge(MessengerClient messenger) {
        assertThat(messenger.verify("subscribe", messenger.verifyToken(), "1158201444"))
                .hasStatus(200).bodyContains("1158201444");
        assertThat(messenger.verify("subscribe", messenger.verifyToken(), "challenge-42").body().strip())
                .as("the body of the handshake answer: the raw hub.challenge, nothing else").isEqualTo("challenge-42");
        assertThat(messenger.verify("subscribe", "someone-elses-token", "1158201444")).hasStatus(403);
        assertThat(messenger.verify("unsubscribe", messenger.verifyToken(), "1158201444")).hasStatus(403);
    }

    @Test
    @Graded(points = 10, step = 2)
    @DisplayName("a POST with a missing or wrong signature gets 403 and queues nothing")
    void unsignedEventsAreRefused(MessengerClient messenger, LabStorage storage) {
        String mid = MessengerClient.newMid();
        MessengerEvents page = MessengerClient.events();
        byte[] body = page.body(page.text(MessengerClient.SENDER_ID, mid, "forged " + mid));
        byte[] changed = new String(body, StandardCharsets.US_ASCII).replace("forged", "edited").getBytes(StandardCharsets.US_ASCII);

        assertThat(messenger.post(body, null)).as("no signature").hasStatus(403);
        assertThat(messenger.post(body, MessengerClient.forgedSignature(body))).as("signed with another secret").hasStatus(403);
        assertThat(messenger.post(body, "sha256=nothex")).as("a signature that is not hex").hasStatus(403);
        assertThat(messenger.post(changed, messenger.signatureOf(body))).as("a body changed after it was signed").hasStatus(403);
        assertThat(queued(storage, mid)).as("messages on %s for refused POSTs", QUEUE).isEmpty();

        String genuine = MessengerClient.newMid();
        assertThat(messenger.sendText(genuine, "signed " + genuine)).as("a correctly signed POST").hasStatus(200);
        assertThat(queued(storage, genuine)).as("messages on %s for a correctly signed POST", QUEUE).hasSize(1);
    }

    @Test
    @Graded(points = 10, step = 3)
    @DisplayName("a text message becomes exactly one message on speech-requests, and the webhook answers EVENT_RECEIVED")
    void aTextMessageIsQueuedOnce(MessengerClient messenger, LabStorage storage) {
        String mid = MessengerClient.newMid();
        long sent = 1_764_000_000_000L;
        MessengerEvents page = MessengerEvents.forPage(MessengerEvents.TEST_PAGE_ID, Clock.fixed(Instant.ofEpochMilli(sent), ZoneOffset.UTC));
        byte[] body = page.body(page.text(MessengerClient.SENDER_ID, mid, "안녕하세요, queue me"));

        assertThat(messenger.post(body)).hasStatus(200).bodyContains("EVENT_RECEIVED");

        List<JsonNode> messages = queued(storage, mid);
        assertThat(messages).as("messages on %s for mid %s", QUEUE, mid).hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.path("text").asText()).as("text in the queue message").isEqualTo("안녕하세요, queue me");
        assertThat(message.path("senderId").asText()).as("senderId in the queue message").isEqualTo(MessengerClient.SENDER_ID);
        assertThat(message.path("timestamp").asLong()).as("timestamp in the queue message").isEqualTo(sent);
    }

    @Test
    @Graded(points = 10, step = 3)
    @DisplayName("echoes, deliveries, reads, attachments and postbacks queue nothing; a batch queues each text")
    void onlyTextMessagesAreQueued(MessengerClient messenger, LabStorage storage) {
        String echo = MessengerClient.newMid();
        String attachment = MessengerClient.newMid();
        String first = MessengerClient.newMid();
        String second = MessengerClient.newMid();
        MessengerEvents page = MessengerClient.events();
        String user = MessengerClient.SENDER_ID;

        assertThat(messenger.post(page.body(page.echo(user, echo, "our own reply")))).hasStatus(200);
        assertThat(messenger.post(page.body(page.delivery(user, List.of(echo), System.currentTimeMillis())))).hasStatus(200);
        assertThat(messenger.post(page.body(page.read(user, System.currentTimeMillis())))).hasStatus(200);
        assertThat(messenger.post(page.body(page.image(user, attachment, "https://example.com/cat.png")))).hasStatus(200);
        assertThat(messenger.post(page.body(page.postback(user, "Get started", "GET_STARTED")))).hasStatus(200);
        assertThat(messenger.post(MessengerEvents.batch(
                page.entry(page.text(user, first, "first of two"), page.delivery(user, List.of(echo), System.currentTimeMillis())),
                page.entry(page.text(user, second, "second of two"))))).as("two entries, as Messenger batches them").hasStatus(200);

        List<JsonNode> all = storage.receiveAll(QUEUE).stream().map(WebhookTest::json).toList();
        assertThat(all.stream().map(m -> m.path("mid").asText()))
                .as("the mids of the messages on %s: only the two texts of the batch", QUEUE)
                .containsExactlyInAnyOrder(first, second);
    }
}
