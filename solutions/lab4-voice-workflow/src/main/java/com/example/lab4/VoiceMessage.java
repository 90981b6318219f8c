package com.example.lab4;

import java.time.Instant;

/**
 * The message once it has been spoken: the {@code synthesized} step of its run, with what the mail
 * step needs (sender, text, voice, size of the recording, times).
 */
public class VoiceMessage extends RunStep {

    public String senderId;
    public String text;
    public String voice;
    public long audioBytes;
    /** When Messenger received the message (ISO-8601, UTC, milliseconds). */
    public String receivedAt;

    static VoiceMessage of(SpeechRequest request, String voice, byte[] audio) {
        VoiceMessage message = new VoiceMessage();
        message.PartitionKey = request.mid;
        message.RowKey = SYNTHESIZED;
        message.at = timestamp(Instant.now());
        message.outcome = "done";
        message.detail = voice + ", " + audio.length + " bytes";
        message.senderId = request.senderId;
        message.text = request.text;
        message.voice = voice;
        message.audioBytes = audio.length;
        message.receivedAt = timestamp(Instant.ofEpochMilli(request.timestamp));
        return message;
    }
}
