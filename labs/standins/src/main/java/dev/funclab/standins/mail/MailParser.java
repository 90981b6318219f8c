package dev.funclab.standins.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Reads a MIME message the way a mail client shows it: the first plain-text and HTML bodies, and
 * every other part as an attachment, however deeply the multiparts nest.
 */
final class MailParser {

    private String text = "";
    private String html = "";
    private final List<Attachment> attachments = new ArrayList<>();

    private MailParser() {
    }

    /**
     * @param receivedAt when the server got it; used when the mail has no {@code Date} header
     */
    static ReceivedMail parse(Message message, Instant receivedAt) throws MessagingException, IOException {
        MailParser parser = new MailParser();
        parser.walk(message);
        Date sent = message.getSentDate();
        String messageId = message instanceof MimeMessage mime ? mime.getMessageID() : null;
        Address[] from = message.getFrom();
        return new ReceivedMail(messageId, from == null || from.length == 0 ? "" : address(from[0]),
                addresses(message.getRecipients(Message.RecipientType.TO)), message.getSubject(), parser.text,
                parser.html, parser.attachments, sent != null ? sent.toInstant() : receivedAt);
    }

    private void walk(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i));
            }
            return;
        }
        // A named or 'attachment' part is a file even when it is text (a .txt or .html file).
        boolean file = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!file && part.isMimeType("text/plain") && text.isEmpty()) {
            text = text(part);
        } else if (!file && part.isMimeType("text/html") && html.isEmpty()) {
            html = text(part);
        } else {
            byte[] content;
            try (InputStream in = part.getInputStream()) {
                content = in.readAllBytes();
            }
            attachments.add(new Attachment(part.getFileName(), baseType(part.getContentType()), content));
        }
    }

    /** The text of a part, decoded with its charset; UTF-8 when the charset is missing or unknown to Java. */
    private static String text(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        Charset charset = StandardCharsets.UTF_8;
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name != null && Charset.isSupported(name)) {
                charset = Charset.forName(name);
            }
        } catch (ParseException | IllegalArgumentException e) {
            // Keep UTF-8: a damaged Content-Type should not hide the text.
        }
        return new String(bytes, charset);
    }

    static String baseType(String contentType) {
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> list = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                list.add(address(address));
            }
        }
        return list;
    }

    private static String address(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
    }
}
