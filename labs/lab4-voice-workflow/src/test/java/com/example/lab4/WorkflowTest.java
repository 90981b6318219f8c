package com.example.lab4;

import com.azure.data.tables.models.TableEntity;
import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.standins.mail.Attachment;
import dev.funclab.standins.mail.ImapMailbox;
import dev.funclab.standins.mail.MailStandIn;
import dev.funclab.standins.mail.ReceivedMail;
import dev.funclab.standins.speech.SpeechStandIn;
import dev.funclab.testkit.FinishedInvocation;
import dev.funclab.testkit.FunctionsHostTest;
import dev.funclab.testkit.Graded;
import dev.funclab.testkit.LabClient;
import dev.funclab.testkit.LabStorage;
import dev.funclab.testkit.MessengerClient;
import dev.funclab.testkit.RunningHost;
import dev.funclab.testkit.StandIns;
import dev.funclab.testkit.WithStandIns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.funclab.testkit.LabAssertions.assertThat;

/**
 * The workflow after the webhook (steps 4-10): a message on speech-requests is spoken by the Speech
 * stand-in, stored in voice-messages and mailed through the SendGrid stand-in; mails are read back
 * over IMAP (60 points).
 */
@FunctionsHostTest
@WithStandIns
class WorkflowTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A message for speech-requests, as the webhook writes it. */
    private static String request(String mid, String text) {
        return "{\"mid\":\"" + mid + "\",\"senderId\":\"" + MessengerClient.SENDER_ID + "\",\"text\":" + quote(text)
                + ",\"timestamp\":" + System.currentTimeMillis() + "}";
    }

    /** Puts a speech request on the queue, as the webhook would, and waits for synthesizeSpeech to finish it. */
    private static String speak(LabStorage storage, RunningHost host, String text) {
        String mid = MessengerClient.newMid();
        FinishedInvocation run = host.awaitInvocation("MessageId: " + storage.send("speech-requests", request(mid, text)), DEADLINE);
        if (!run.succeeded()) {
            throw new AssertionError("synthesizeSpeech failed for '" + text + "': " + run.error());
        }
        return mid;
    }

    private static byte[] recording(LabStorage storage, String mid) {
        return storage.download("voice-messages", mid + ".wav").orElseThrow(() -> new AssertionError(
                "voice-messages/" + mid + ".wav was not written: set the audio output binding (@BlobOutput) to the WAV"));
    }

    /**
     * Waits for mailVoiceMessage to finish for the recording and for its mail to reach the mail server,
     * then reads it back over IMAP, as a mail client would.
     */
    private static ReceivedMail mailFor(MailStandIn mail, RunningHost host, String mid) {
        FinishedInvocation run = host.awaitInvocation("voice-messages/" + mid + ".wav", DEADLINE);
        if (!run.succeeded()) {
            throw new AssertionError("mailVoiceMessage failed for voice-messages/" + mid + ".wav: " + run.error());
        }
        ReceivedMail sent = LabStorage.await("a mail about " + mid + " at the mail server", Duration.ofSeconds(10),
                () -> mailsAbout(mail, mid).stream().findFirst());
        try (ImapMailbox inbox = mail.imap(StandIns.MAIL_TO)) {
            return inbox.find(sent.messageId()).orElseThrow(() -> new AssertionError("the mail about " + mid
                    + " reached the mail server but is not in the INBOX of " + StandIns.MAIL_TO + " (MAIL_TO)"));
        }
    }

    /** Mails the mail server accepted that carry the recording of {@code mid} or mention it. */
    private static List<ReceivedMail> mailsAbout(MailStandIn mail, String mid) {
        return mail.received().stream().filter(m -> isAbout(m, mid)).toList();
    }

    private static boolean isAbout(ReceivedMail mail, String mid) {
        return mail.attachments().stream().anyMatch(a -> a.fileName().equals(mid + ".wav")) || mail.text().contains(mid);
    }

    /** The version of the recording: it changes each time the blob is written. */
    private static String etagOf(LabStorage storage, String mid) {
        return storage.blobs().getBlobContainerClient("voice-messages").getBlobClient(mid + ".wav").getProperties().getETag();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    @Graded(points = 10, step = 6)
    @DisplayName("the recording is a RIFF WAVE, 16 kHz mono 16-bit, that plays longer for longer text")
    void theRecordingIsWaveAudio(LabStorage storage, RunningHost host) {
        // Words only: a random token would be spelled out character by character and make the short text long.
        String shortText = "Hello there.";
        String longText = shortText + " This message is a good deal longer, so that speaking it takes several seconds more.";

        byte[] shortWav = recording(storage, speak(storage, host, shortText));
        byte[] longWav = recording(storage, speak(storage, host, longText));
        Recordings short_ = Recordings.read(shortWav, "the recording of a short text");
        Recordings long_ = Recordings.read(longWav, "the recording of a long text");

        assertThat(short_.format().getSampleRate()).as("sample rate (X-Microsoft-OutputFormat riff-16khz-16bit-mono-pcm)").isEqualTo(16000f);
        assertThat(short_.format().getChannels()).as("channels").isEqualTo(1);
        assertThat(short_.format().getSampleSizeInBits()).as("bits per sample").isEqualTo(16);
        assertThat(short_.seconds()).as("seconds of audio for '%s'", shortText).isGreaterThan(0.3);
        assertThat(long_.seconds()).as("seconds of audio for a text five times as long (%.2f s in %d bytes, against %.2f s in %d "
                + "bytes for '%s')", long_.seconds(), longWav.length, short_.seconds(), shortWav.length, shortText)
                .isGreaterThan(short_.seconds() * 2);
    }

    @Test
    @Graded(points = 5, step = 4)
    @DisplayName("Korean text is spoken by a Korean voice, English text by an English one")
    void koreanTextGetsAKoreanVoice(LabStorage storage, RunningHost host, SpeechStandIn speech) {
        String korean = "안녕하세요 " + token();
        String english = "Good morning " + token();

        speak(storage, host, korean);
        speak(storage, host, english);

        assertThat(voiceFor(speech, korean)).as("the voice that spoke '%s'", korean).startsWith("ko-KR-");
        assertThat(voiceFor(speech, english)).as("the voice that spoke '%s'", english).startsWith("en-");
    }

    private static String voiceFor(SpeechStandIn speech, String text) {
        return speech.requests().stream().filter(r -> r.status() == 200 && r.text() != null && r.text().contains(text))
                .map(r -> r.voice()).findFirst()
                .orElseThrow(() -> new AssertionError("Speech was never asked to speak '" + text + "'"));
    }

    @Test
    @Graded(points = 5, step = 4)
    @DisplayName("<&> in a message is spoken as text and arrives in the mail unchanged")
    void markupCharactersSurvive(LabStorage storage, RunningHost host, SpeechStandIn speech, MailStandIn mail) {
        String text = "Tom & Jerry say <hi> \"" + token() + "\"";

        String mid = speak(storage, host, text);

        assertThat(speech.requests().stream().filter(r -> r.status() == 200).map(r -> r.text()))
                .as("what Speech was asked to say (the SSML must escape < & > and quotes)").contains(text);
        assertThat(mailFor(mail, host, mid).text()).as("the text of the mail").contains(text);
    }

    @Test
    @Graded(points = 15, step = 8)
    @DisplayName("each recording is mailed once, with the text in the body and the WAV attached")
    void theRecordingIsMailed(LabStorage storage, RunningHost host, MailStandIn mail) {
        String text = "Please call me back " + token();
        String mid = speak(storage, host, text);
        byte[] wav = recording(storage, mid);

        ReceivedMail received = mailFor(mail, host, mid);

        assertThat(received.to()).as("recipients (MAIL_TO)").containsExactly(StandIns.MAIL_TO);
        assertThat(received.from()).as("sender (MAIL_FROM)").contains("voice-bot@funclab.test");
        assertThat(received.subject() + "\n" + received.text()).as("subject and text of the mail").contains(text);
        Attachment attachment = received.attachments().stream().filter(a -> a.fileName().equals(mid + ".wav")).findFirst()
                .orElseThrow(() -> new AssertionError("the mail has no attachment named " + mid + ".wav; it has "
                        + received.attachments().stream().map(Attachment::fileName).toList()));
        assertThat(attachment.contentType()).as("content type of the attachment").isEqualTo("audio/wav");
        assertThat(attachment.content()).as("the attached WAV: the bytes of voice-messages/%s.wav", mid).isEqualTo(wav);
        assertThat(mailsAbout(mail, mid)).as("mails about %s", mid).hasSize(1);
    }

    @Test
    @Graded(points = 5, step = 5)
    @DisplayName("a key Speech refuses (401) ends on speech-requests-poison, with no recording and no mail")
    void aRefusedKeyEndsOnThePoisonQueue(LabStorage storage, RunningHost host, SpeechStandIn speech, MailStandIn mail) {
        String mid = MessengerClient.newMid();
        String text = "refused " + token();
        String message = request(mid, text);
        speech.failNext(1_000, 401, null);
        try {
            FinishedInvocation first = host.awaitInvocation("MessageId: " + storage.send("speech-requests", message), DEADLINE);
            assertThat(speech.requests()).as("calls to Speech for '%s', answered 401 (synthesizeSpeech %s)", text,
                    first.succeeded() ? "succeeded" : "failed: " + first.error())
                    .anyMatch(r -> r.status() == 401 && text.equals(r.text()));
            String poisoned = LabStorage.await("the message for " + mid + " on speech-requests-poison (Speech answers 401: the "
                            + "function must fail, and the queue gives up after five tries)", DEADLINE,
                    () -> storage.receiveAll("speech-requests-poison").stream().filter(m -> m.contains(mid)).findFirst());
            assertThat(poisoned).as("the poisoned message, unchanged").isEqualTo(message);
        } finally {
            speech.clearFaults();
        }
        assertThat(storage.download("voice-messages", mid + ".wav")).as("a recording for a refused request").isEqualTo(Optional.empty());
        assertThat(mailsAbout(mail, mid)).as("mails for a refused request").isEmpty();
    }

    @Test
    @Graded(points = 5, step = 5)
    @DisplayName("Speech busy once (429, Retry-After) then fine: the message is retried and mailed once")
    void aBusySpeechServiceIsRetried(LabStorage storage, RunningHost host, SpeechStandIn speech, MailStandIn mail) {
        String text = "Busy then fine " + token();
        String mid = MessengerClient.newMid();
        speech.failNext(1, 429, Duration.ofSeconds(1));
        String messageId = storage.send("speech-requests", request(mid, text));

        FinishedInvocation first = host.awaitInvocation("MessageId: " + messageId, DEADLINE);
        assertThat(speech.requests()).as("calls to Speech for '%s' answered 429 (%s)", text, first.describe())
                .anyMatch(r -> r.status() == 429 && text.equals(r.text()));
        assertThat(first.succeeded()).as("the first try, which Speech answered with 429, must fail so that the queue "
                + "tries again").isFalse();
        byte[] wav = LabStorage.await("voice-messages/" + mid + ".wav after one 429 from Speech", DEADLINE,
                () -> storage.download("voice-messages", mid + ".wav"));

        assertThat(Recordings.read(wav, "the recording").seconds()).as("seconds of audio").isGreaterThan(0.3);
        mailFor(mail, host, mid);
        assertThat(mailsAbout(mail, mid)).as("mails about %s", mid).hasSize(1);
    }

    @Test
    @Graded(points = 5, step = 9)
    @DisplayName("a message Messenger delivers twice is spoken and mailed once")
    void aRedeliveredMessageIsMailedOnce(MessengerClient messenger, LabStorage storage, RunningHost host, MailStandIn mail) {
        String mid = MessengerClient.newMid();
        String text = "Delivered twice " + token();
        assertThat(messenger.sendText(mid, text)).hasStatus(200);
        mailFor(mail, host, mid);
        String etag = etagOf(storage, mid);

        long mark = host.mark();
        assertThat(messenger.sendText(mid, text)).as("the redelivery").hasStatus(200);
        FinishedInvocation again = host.awaitInvocationOf("synthesizeSpeech", mark, DEADLINE);

        assertThat(again.succeeded()).as("synthesizeSpeech for the redelivered message succeeded (%s)", again.error()).isTrue();
        assertThat(etagOf(storage, mid)).as("the ETag of voice-messages/%s.wav: a redelivery must not write it again "
                + "(that would mail it again)", mid).isEqualTo(etag);
        assertThat(mailsAbout(mail, mid)).as("mails about %s", mid).hasSize(1);
    }

    @Test
    @Graded(points = 5, step = 9)
    @DisplayName("a try that wrote the row but not the recording is done again on the retry, not skipped")
    void anInterruptedTryIsDoneAgain(LabStorage storage, RunningHost host, MailStandIn mail) {
        String mid = MessengerClient.newMid();
        String text = "Interrupted once " + token();
        // What a try leaves when storage fails between its two outputs: the row (written first), no recording.
        storage.tables().createTableIfNotExists("VoiceMessages");
        storage.tables().getTableClient("VoiceMessages").upsertEntity(new TableEntity(mid, "synthesized")
                .addProperty("at", Instant.now().toString()).addProperty("outcome", "done")
                .addProperty("senderId", MessengerClient.SENDER_ID).addProperty("text", text));

        FinishedInvocation retry = host.awaitInvocation("MessageId: " + storage.send("speech-requests", request(mid, text)), DEADLINE);

        assertThat(retry.succeeded()).as("synthesizeSpeech for %s (%s)", mid, retry.describe()).isTrue();
        assertThat(storage.download("voice-messages", mid + ".wav")).as("voice-messages/%s.wav after a retry that found the "
                + "row (%s, synthesized) but no recording: the step is done only when both of its outputs are there, "
                + "else the message is never mailed (guide step 9)", mid, mid).isPresent();
        mailFor(mail, host, mid);
        assertThat(mailsAbout(mail, mid)).as("mails about %s", mid).hasSize(1);
    }

    @Test
    @Graded(points = 5, step = 10)
    @DisplayName("the run history shows each message received, synthesized and mailed")
    void theRunHistoryShowsEveryStep(MessengerClient messenger, LabClient client, RunningHost host, MailStandIn mail) {
        String mid = MessengerClient.newMid();
        assertThat(messenger.sendText(mid, "History " + token())).hasStatus(200);
        mailFor(mail, host, mid);

        JsonNode run = LabStorage.await("GET /api/runs/" + mid + " with its mailed step", Duration.ofSeconds(10), () -> {
            var response = client.withKey().get("/api/runs/" + mid);
            return response.status() == 200 && response.body().contains("mailed") ? Optional.of(response.json()) : Optional.empty();
        });
        assertThat(run.path("steps").findValuesAsText("step")).as("the steps of run %s", mid)
                .containsExactly("received", "synthesized", "mailed");
        assertThat(run.path("steps").findValuesAsText("outcome")).as("the outcomes").containsOnly("done");
        assertThat(client.withKey().get("/api/runs")).hasStatus(200).bodyContains(mid);
    }
}
