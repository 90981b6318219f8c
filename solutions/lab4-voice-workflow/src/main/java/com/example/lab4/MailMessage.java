package com.example.lab4;

import java.util.Base64;
import java.util.List;

/**
 * A SendGrid v3 mail-send request, as the SendGrid output binding takes it. Field names follow the
 * API's JSON; the binding adds {@code to} and {@code from} from its attributes.
 */
public class MailMessage {

    public String subject;
    public List<Content> content;
    public List<Attachment> attachments;

    public static class Content {
        public String type;
        public String value;
    }

    public static class Attachment {
        /** The file, base64-encoded. */
        public String content;
        public String filename;
        public String type;
        public String disposition;
    }

    static MailMessage of(VoiceMessage message, byte[] wav) {
        Content text = new Content();
        text.type = "text/plain";
        text.value = "New voice message from " + message.senderId + ":\n\n" + message.text + "\n\n"
                + "Received " + message.receivedAt + ", spoken by " + message.voice + ". The recording is attached.";

        Attachment recording = new Attachment();
        recording.content = Base64.getEncoder().encodeToString(wav);
        recording.filename = message.PartitionKey + ".wav";
        recording.type = "audio/wav";
        recording.disposition = "attachment";

        MailMessage mail = new MailMessage();
        mail.subject = "Voice message: " + shorten(message.text, 60);
        mail.content = List.of(text);
        mail.attachments = List.of(recording);
        return mail;
    }

    /** The text on one line, cut to {@code length} characters (whole ones: an emoji is never cut in two). */
    private static String shorten(String text, int length) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= length) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, length - 1)) + "…";
    }
}
