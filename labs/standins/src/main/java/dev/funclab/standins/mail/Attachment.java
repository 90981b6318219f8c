package dev.funclab.standins.mail;

import java.util.Objects;

/**
 * One attachment of a received mail, decoded from its transfer encoding.
 *
 * @param fileName    the name the sender gave it, or "" when it has none
 * @param contentType the base type without parameters, lower case, e.g. {@code audio/wav}
 * @param content     the bytes exactly as the sender attached them
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        fileName = fileName == null ? "" : fileName;
        contentType = Objects.requireNonNull(contentType, "contentType");
        content = Objects.requireNonNull(content, "content");
    }

    /** The number of bytes. */
    public int size() {
        return content.length;
    }
}
