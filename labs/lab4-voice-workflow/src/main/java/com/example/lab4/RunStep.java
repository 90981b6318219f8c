package com.example.lab4;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One step of a message's run, like a step of a Logic Apps run: a row of table VoiceMessages whose
 * partition is the message ({@code mid}) and whose row key is the step. Each row is written once.
 */
public class RunStep {

    public static final String SYNTHESIZED = "synthesized";
    public static final String MAILED = "mailed";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public String PartitionKey;
    public String RowKey;
    /** When the step happened: ISO-8601 in UTC with milliseconds, so that text order is time order. */
    public String at;
    public String outcome;
    public String detail;

    /** A delivery of the message by Messenger; a redelivery is a row of its own. */
    static RunStep received(SpeechRequest request) {
        Instant now = Instant.now();
        return step(request.mid, "received-" + now.toEpochMilli(), now,
                "from " + request.senderId + ", sent at " + timestamp(Instant.ofEpochMilli(request.timestamp)));
    }

    static RunStep mailed(String mid, String to) {
        return step(mid, MAILED, Instant.now(), "to " + to);
    }

    static RunStep step(String mid, String step, Instant at, String detail) {
        RunStep row = new RunStep();
        row.PartitionKey = mid;
        row.RowKey = step;
        row.at = timestamp(at);
        row.outcome = "done";
        row.detail = detail;
        return row;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** {@code received}, {@code synthesized} or {@code mailed}. */
    String name() {
        return RowKey.startsWith("received-") ? "received" : RowKey;
    }
}
