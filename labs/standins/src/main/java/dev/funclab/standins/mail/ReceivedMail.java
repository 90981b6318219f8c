package dev.funclab.standins.mail;

import java.time.Instant;
import java.util.List;

/**
 * A mail as it arrived at the embedded mail server, parsed the way a mail client shows it.
 *
 * @param messageId   the {@code Message-ID} header, angle brackets included, or "" when it has none
 * @param from        the sender's address (no display name), or ""
 * @param to          the addresses of the {@code To} header (no display names)
 * @param subject     the decoded subject, or ""
 * @param text        the first text/plain part that is not an attachment, or ""
 * @param html        the first text/html part that is not an attachment, or ""
 * @param attachments every other part, in order
 * @param sentAt      the {@code Date} header, or the time the server received it when there is none
 */
public record ReceivedMail(String messageId, String from, List<String> to, String subject, String text, String html,
                           List<Attachment> attachments, Instant sentAt) {

    public ReceivedMail {
        messageId = messageId == null ? "" : messageId;
        from = from == null ? "" : from;
        to = List.copyOf(to);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        html = html == null ? "" : html;
        attachments = List.copyOf(attachments);
    }
}
