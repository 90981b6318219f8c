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
        // TODO 7: a mail whose subject is "Voice message: " + shorten(message.text, 60), whose content is one
        //         text/plain Content that says who sent what (message.senderId, message.text), and whose
        //         attachments hold the WAV: base64 (Base64.getEncoder()), file name <mid>.wav
        //         (message.PartitionKey + ".wav"), type audio/wav, disposition attachment.
        return new MailMessage();
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
