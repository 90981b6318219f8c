package dev.funclab.standins.mail;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.UnsupportedEncodingException;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a validated v3 mail-send request into MIME messages, one per personalization, as SendGrid
 * does: the personalization's recipients, sender and subject win over the top-level ones; bodies
 * become multipart/alternative (text/plain first), attachments a multipart/mixed around it; all
 * text is UTF-8.
 */
final class MimeMails {

    private static final String UTF_8 = "UTF-8";

    private MimeMails() {
    }

    /**
     * @param messageId SendGrid's {@code X-Message-Id} for the request; message {@code i} gets
     *                  {@code <messageId.i@funclab.local>} as its {@code Message-ID}
     */
    static List<MimeMessage> of(JsonNode request, String messageId, Session session) throws MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        JsonNode personalizations = request.get("personalizations");
        for (int i = 0; i < personalizations.size(); i++) {
            messages.add(message(request, personalizations.get(i), "<" + messageId + "." + i + "@funclab.local>", session));
        }
        return messages;
    }

    private static MimeMessage message(JsonNode request, JsonNode personalization, String messageId, Session session)
            throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId);
        JsonNode from = personalization.hasNonNull("from") ? personalization.get("from") : request.get("from");
        message.setFrom(address(from));
        message.setRecipients(Message.RecipientType.TO, addresses(personalization.get("to")));
        message.setRecipients(Message.RecipientType.CC, addresses(personalization.get("cc")));
        message.setRecipients(Message.RecipientType.BCC, addresses(personalization.get("bcc")));
        if (request.hasNonNull("reply_to")) {
            message.setReplyTo(new InternetAddress[]{address(request.get("reply_to"))});
        } else if (request.hasNonNull("reply_to_list")) {
            message.setReplyTo(addresses(request.get("reply_to_list")));
        }
        Substitutions substitutions = new Substitutions(personalization.get("substitutions"));
        String subject = personalization.path("subject").asText("");
        if (subject.isEmpty()) {
            subject = request.path("subject").asText("");
        }
        if (subject.isEmpty() && request.hasNonNull("template_id")) {
            subject = "(SendGrid template " + request.get("template_id").asText() + ")";
        }
        message.setSubject(substitutions.apply(subject), UTF_8);
        message.setSentDate(new Date());
        headers(message, request.get("headers"));
        headers(message, personalization.get("headers"));

        setBody(message, texts(request, personalization, substitutions), request.path("attachments"));
        return message;
    }

    /** One body as it is, several as multipart/alternative; with files, a multipart/mixed around that. */
    private static void setBody(MimeMessage message, List<Text> texts, JsonNode attachments) throws MessagingException {
        if (attachments.isEmpty()) {
            fill(message, texts);
            return;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        fill(body, texts);
        mixed.addBodyPart(body);
        for (JsonNode attachment : attachments) {
            mixed.addBodyPart(attachment(attachment));
        }
        message.setContent(mixed);
    }

    private static void fill(MimePart part, List<Text> texts) throws MessagingException {
        if (texts.size() == 1) {
            texts.get(0).fill(part);
            return;
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        for (Text text : texts) {
            MimeBodyPart alternativePart = new MimeBodyPart();
            text.fill(alternativePart);
            alternative.addBodyPart(alternativePart);
        }
        part.setContent(alternative);
    }

    /** The bodies in the order given (SendGrid has checked that text/plain comes first, then text/html). */
    private static List<Text> texts(JsonNode request, JsonNode personalization, Substitutions substitutions) {
        List<Text> texts = new ArrayList<>();
        for (JsonNode content : request.path("content")) {
            texts.add(new Text(content.get("type").asText().trim(), substitutions.apply(content.get("value").asText())));
        }
        if (texts.isEmpty()) {
            // template_id without content: SendGrid would render the template; the stand-in says what it got.
            texts.add(new Text("text/plain", "This mail uses SendGrid template " + request.path("template_id").asText()
                    + ". The local mail stand-in does not render templates; the template data was:\n"
                    + personalization.path("dynamic_template_data").toPrettyString()));
        }
        return texts;
    }

    /** One content item: text types become UTF-8 text, other types a string of that type. */
    private record Text(String type, String value) {
        void fill(MimePart part) throws MessagingException {
            String lower = type.toLowerCase(Locale.ROOT);
            if (lower.startsWith("text/")) {
                part.setText(value, UTF_8, lower.substring("text/".length()));
            } else {
                part.setContent(value, type + "; charset=" + UTF_8);
            }
        }
    }

    private static MimeBodyPart attachment(JsonNode attachment) throws MessagingException {
        String fileName = attachment.get("filename").asText();
        String type = attachment.path("type").asText("");
        if (type.isBlank()) {
            String guessed = URLConnection.guessContentTypeFromName(fileName);
            type = guessed != null ? guessed : "application/octet-stream";
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(
                MailSendValidator.decodeBase64(attachment.get("content").asText()), type)));
        part.setFileName(fileName);
        // Files travel base64-encoded, as SendGrid sends them, whatever their bytes look like.
        part.setHeader("Content-Transfer-Encoding", "base64");
        part.setDisposition(attachment.path("disposition").asText(Part.ATTACHMENT));
        if (attachment.hasNonNull("content_id")) {
            part.setContentID("<" + attachment.get("content_id").asText() + ">");
        }
        return part;
    }

    private static void headers(MimeMessage message, JsonNode headers) throws MessagingException {
        if (headers == null || !headers.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            message.setHeader(header.getKey(), header.getValue().asText());
        }
    }

    private static InternetAddress[] addresses(JsonNode list) throws MessagingException {
        List<InternetAddress> addresses = new ArrayList<>();
        if (list != null) {
            for (JsonNode address : list) {
                addresses.add(address(address));
            }
        }
        return addresses.toArray(InternetAddress[]::new);
    }

    private static InternetAddress address(JsonNode address) throws MessagingException {
        String name = address.path("name").asText("");
        try {
            return new InternetAddress(address.get("email").asText(), name.isEmpty() ? null : name, UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is missing from this Java", e);
        }
    }

    /** SendGrid's legacy substitutions: each key found in the subject or a body is replaced by its value. */
    private record Substitutions(JsonNode values) {
        String apply(String text) {
            if (values == null || !values.isObject()) {
                return text;
            }
            String result = text;
            for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                result = result.replace(entry.getKey(), entry.getValue().asText());
            }
            return result;
        }
    }

    /** A message that keeps the Message-ID it was given instead of making one up when saved. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
