package dev.funclab.runtime.queue;

import dev.funclab.runtime.convert.PojoJson;
import dev.funclab.runtime.function.OutputValues;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Queue message text as the Functions Storage extension writes and reads it: base64, or plain text (messageEncoding none). */
final class QueueMessages {

    private QueueMessages() {
    }

    static String encode(byte[] content, boolean base64) {
        return base64 ? Base64.getEncoder().encodeToString(content) : new String(content, StandardCharsets.UTF_8);
    }

    /**
     * @throws IllegalArgumentException when {@code base64} and the text is not base64
     */
    static byte[] decode(String text, boolean base64) {
        return base64 ? Base64.getDecoder().decode(text.strip()) : text.getBytes(StandardCharsets.UTF_8);
    }

    /** What one output value becomes: one message per element of a list or an array, else one message. */
    static List<byte[]> contents(Object value) {
        return OutputValues.items(value).stream().map(QueueMessages::content).toList();
    }

    private static byte[] content(Object item) {
        if (item instanceof byte[] bytes) {
            return bytes;
        }
        if (item instanceof CharSequence text) {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        return PojoJson.writeBytes(item);
    }
}
