package dev.funclab.runtime.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.funclab.runtime.convert.Json;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/** Queue message text as the Functions Storage extension writes and reads it: base64. */
final class QueueMessages {

    private QueueMessages() {
    }

    static String encode(byte[] content) {
        return Base64.getEncoder().encodeToString(content);
    }

    /**
     * @throws IllegalArgumentException when the text is not base64
     */
    static byte[] decode(String text) {
        return Base64.getDecoder().decode(text.strip());
    }

    /** What one output value becomes: one message per element of a list or an array, else one message. */
    static List<byte[]> contents(Object value) {
        List<byte[]> contents = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> contents.add(content(item)));
        } else if (value.getClass().isArray() && value.getClass() != byte[].class) {
            for (int i = 0; i < Array.getLength(value); i++) {
                contents.add(content(Array.get(value, i)));
            }
        } else {
            contents.add(content(value));
        }
        return contents;
    }

    private static byte[] content(Object item) {
        if (item instanceof byte[] bytes) {
            return bytes;
        }
        if (item instanceof CharSequence text) {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Json.MAPPER.writeValueAsBytes(item);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + item.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
