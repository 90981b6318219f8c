package com.example.lab4;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Pattern;

/** A queue message on {@code speech-requests}: one Messenger text message to speak. */
public class SpeechRequest {

    /** Messenger's ids are letters, digits and {@code _ - . :}; only such ids may name a blob and a table row. */
    private static final Pattern USABLE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");

    public String mid;
    public String senderId;
    public String text;
    /** When Messenger received the message, in milliseconds since 1970. */
    public long timestamp;

    static SpeechRequest of(JsonNode event) {
        SpeechRequest request = new SpeechRequest();
        request.mid = event.path("message").path("mid").asText("");
        request.senderId = event.path("sender").path("id").asText("");
        request.text = event.path("message").path("text").asText("");
        request.timestamp = event.path("timestamp").asLong(0);
        return request;
    }

    boolean hasUsableId() {
        return mid != null && USABLE_ID.matcher(mid).matches();
    }
}
