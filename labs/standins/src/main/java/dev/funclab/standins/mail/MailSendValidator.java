package dev.funclab.standins.mail;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a v3 mail-send body as SendGrid does and lists every problem with its field path
 * ({@code personalizations.0.to.0.email}); messages are SendGrid's own where it documents them
 * (twilio/sendgrid-oai {@code tsg_mail_v3.yaml} and SendGrid's "Mail Send errors" page).
 */
final class MailSendValidator {

    static final int MAX_PERSONALIZATIONS = 1000;
    static final int MAX_RECIPIENTS = 1000;

    /** What SendGrid accepts as an address: one {@code @}, no spaces or list separators, a dot-free domain is allowed. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>()\\[\\],;:\"\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Set<String> RESERVED_HEADERS = Set.of("x-sg-id", "x-sg-eid", "received", "dkim-signature",
            "content-type", "content-transfer-encoding", "to", "from", "subject", "reply-to", "cc", "bcc");
    private static final String LIMITATIONS = "https://www.twilio.com/docs/sendgrid/api-reference/mail-send/limitations";

    private final List<ApiError> errors = new ArrayList<>();

    private MailSendValidator() {
    }

    /** Every problem of the request, in the order of its fields; empty when SendGrid would accept it. */
    static List<ApiError> validate(JsonNode request) {
        MailSendValidator validator = new MailSendValidator();
        if (request == null || !request.isObject()) {
            validator.errors.add(new ApiError("Invalid type. Expected: object, given: " + type(request) + ".", null,
                    "The body must be one JSON object with personalizations, from, subject and content."));
        } else {
            validator.check(request);
        }
        return List.copyOf(validator.errors);
    }

    private void check(JsonNode request) {
        boolean template = request.hasNonNull("template_id");
        if (template && !request.get("template_id").isTextual()) {
            typeError(request.get("template_id"), "string", "template_id", "message.template_id");
        }
        boolean everySubject = personalizations(request.get("personalizations"));
        JsonNode from = request.get("from");
        if (from == null || from.isNull() || from.isObject() && isMissing(from.get("email"))) {
            errors.add(ApiError.linked("The from object must be provided for every email send. It is an object that "
                    + "requires the email parameter, but may also contain a name parameter.  e.g. {\"email\" : "
                    + "\"example@example.com\"}  or {\"email\" : \"example@example.com\", \"name\" : \"Example Recipient\"}.",
                    "from.email", "message.from"));
        } else {
            sender(from, "from");
        }
        replyTo(request);
        subject(request.get("subject"), "subject", "message.subject");
        if (!template && !everySubject && isMissing(request.get("subject"))) {
            errors.add(ApiError.linked("The subject is required. You can get around this requirement if you use a template "
                    + "with a subject defined or if every personalization has a subject defined.", "subject", "message.subject"));
        }
        content(request.get("content"), template);
        attachments(request.get("attachments"));
        headers(request.get("headers"), "headers", "message.headers");
    }

    /** @return true when every personalization has a subject of its own */
    private boolean personalizations(JsonNode personalizations) {
        if (personalizations == null || personalizations.isNull()
                || personalizations.isArray() && personalizations.isEmpty()) {
            errors.add(ApiError.linked("The personalizations field is required and must have at least one personalization.",
                    "personalizations", "-Personalizations-Errors"));
            return false;
        }
        if (!personalizations.isArray()) {
            typeError(personalizations, "array", "personalizations", "message.personalizations");
            return false;
        }
        if (personalizations.size() > MAX_PERSONALIZATIONS) {
            errors.add(ApiError.linked("The personalization block is limited to 1000 personalizations per API request. You "
                    + "have provided " + personalizations.size() + " personalizations. Please consider splitting this into "
                    + "multiple requests and resending your request.", "personalizations", "message.personalizations"));
        }
        boolean everySubject = true;
        int recipients = 0;
        for (int i = 0; i < personalizations.size(); i++) {
            JsonNode personalization = personalizations.get(i);
            String path = "personalizations." + i;
            if (!personalization.isObject()) {
                typeError(personalization, "object", path, "message.personalizations");
                everySubject = false;
                continue;
            }
            JsonNode to = personalization.get("to");
            if (to == null || to.isNull() || to.isArray() && to.isEmpty()) {
                errors.add(ApiError.linked("The to array is required for all personalization objects, and must have at least "
                        + "one email object with a valid email address.", path + ".to", "message.personalizations.to"));
            } else {
                recipients += recipients(to, path, "to");
            }
            recipients += recipients(personalization.get("cc"), path, "cc");
            recipients += recipients(personalization.get("bcc"), path, "bcc");
            if (personalization.hasNonNull("from")) {
                sender(personalization.get("from"), path + ".from");
            }
            subject(personalization.get("subject"), path + ".subject", "message.personalizations.subject");
            everySubject &= !isMissing(personalization.get("subject"));
            headers(personalization.get("headers"), path + ".headers", "message.personalizations.headers");
            stringValues(personalization.get("substitutions"), path + ".substitutions",
                    "The substitution values must be an object of key/value pairs, where the values are all strings.",
                    "message.personalizations.substitutions");
        }
        if (recipients > MAX_RECIPIENTS) {
            errors.add(ApiError.linked("There is a limit of 1000 total recipients (to + cc + bcc) per request.",
                    "personalizations", "message.personalizations"));
        }
        return everySubject;
    }

    /** Checks a to, cc or bcc list; returns how many recipients it holds. */
    private int recipients(JsonNode list, String path, String kind) {
        if (list == null || list.isNull()) {
            return 0;
        }
        String anchor = "message.personalizations." + kind;
        if (!list.isArray()) {
            typeError(list, "array", path + "." + kind, anchor);
            return 0;
        }
        for (int j = 0; j < list.size(); j++) {
            JsonNode recipient = list.get(j);
            String at = path + "." + kind + "." + j;
            if (!recipient.isObject()) {
                typeError(recipient, "object", at, anchor);
                continue;
            }
            JsonNode email = recipient.get("email");
            if (isMissing(email)) {
                errors.add(ApiError.linked("The " + kind + " email parameter is required.", at + ".email", anchor));
            } else if (!email.isTextual()) {
                typeError(email, "string", at + ".email", anchor);
            } else if (!isAddress(email.asText())) {
                errors.add(ApiError.linked("Does not contain a valid address.", at + ".email", anchor));
            }
            JsonNode name = recipient.get("name");
            if (name != null && !name.isNull() && !name.isTextual()) {
                typeError(name, "string", at + ".name", anchor);
            } else if (name != null && (name.asText().contains(";") || name.asText().contains(","))) {
                // SendGrid documents this as a limitation and silently drops such mail; the stand-in says so instead.
                errors.add(new ApiError("Recipient names cannot contain ';' or ',' (a SendGrid limitation: the real service "
                        + "reads them as address separators and drops the mail). Remove them from '" + name.asText() + "'.",
                        at + ".name", LIMITATIONS));
            }
        }
        return list.size();
    }

    private void sender(JsonNode from, String path) {
        if (!from.isObject()) {
            typeError(from, "object", path, "message.from");
            return;
        }
        JsonNode email = from.get("email");
        if (email == null || !email.isTextual() || !isAddress(email.asText())) {
            errors.add(ApiError.linked("The from email does not contain a valid address.", path + ".email", "message.from"));
        }
    }

    private void replyTo(JsonNode request) {
        JsonNode replyTo = request.get("reply_to");
        if (replyTo != null && !replyTo.isNull()) {
            if (!replyTo.isObject()) {
                typeError(replyTo, "object", "reply_to", "message.reply_to");
            } else if (!replyTo.path("email").isTextual() || !isAddress(replyTo.path("email").asText())) {
                errors.add(ApiError.linked("The reply_to email does not contain a valid address.", "reply_to.email",
                        "message.reply_to"));
            }
        }
        JsonNode list = request.get("reply_to_list");
        if (list != null && !list.isNull()) {
            if (replyTo != null && !replyTo.isNull()) {
                errors.add(ApiError.linked("You can use either the reply_to property or reply_to_list property but not both.",
                        "reply_to_list", "message.reply_to"));
            }
            if (!list.isArray()) {
                typeError(list, "array", "reply_to_list", "message.reply_to");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).path("email").isTextual() || !isAddress(list.get(i).path("email").asText())) {
                    errors.add(ApiError.linked("The reply_to email does not contain a valid address.",
                            "reply_to_list." + i + ".email", "message.reply_to"));
                }
            }
        }
    }

    private void subject(JsonNode subject, String path, String anchor) {
        if (subject == null || subject.isNull()) {
            return;
        }
        if (!subject.isTextual() || subject.asText().isEmpty()) {
            errors.add(ApiError.linked("The subject of your email must be a string at least one character in length.", path,
                    anchor));
        }
    }

    private void content(JsonNode content, boolean template) {
        if (content == null || content.isNull() || content.isArray() && content.isEmpty()) {
            if (!template) {
                errors.add(ApiError.linked("Unless a valid template_id is provided, the content parameter is required. There "
                        + "must be at least one defined content block. We typically suggest both text/plain and text/html "
                        + "blocks are included, but only one block is required.", "content", "message.content"));
            }
            return;
        }
        if (!content.isArray()) {
            typeError(content, "array", "content", "message.content");
            return;
        }
        List<String> types = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            JsonNode item = content.get(i);
            String path = "content." + i;
            if (!item.isObject()) {
                typeError(item, "object", path, "message.content");
                continue;
            }
            JsonNode type = item.get("type");
            if (type == null || !type.isTextual() || type.asText().isBlank()) {
                errors.add(ApiError.linked("The content type must be a string at least one character in length.",
                        path + ".type", "message.content.type"));
            } else if (type.asText().contains(";") || hasLineBreak(type.asText())) {
                errors.add(ApiError.linked("The content type cannot contain ';', or CRLF characters.", path + ".type",
                        "message.content.type"));
            } else {
                types.add(type.asText().trim().toLowerCase(Locale.ROOT));
            }
            JsonNode value = item.get("value");
            if (value == null || !value.isTextual() || value.asText().isEmpty()) {
                errors.add(ApiError.linked("The content value must be a string at least one character in length.",
                        path + ".value", "message.content.value"));
            }
        }
        int plain = types.indexOf("text/plain");
        int html = types.indexOf("text/html");
        if (plain > 0 || html >= 0 && html != (plain == 0 ? 1 : 0)) {
            errors.add(new ApiError("Following RFC 1341, section 7.2, if either text/html or text/plain are to be sent in "
                    + "your email: text/plain needs to be first, followed by text/html, followed by any other content.",
                    "content", null));
        }
        if (plain >= 0 && plain != types.lastIndexOf("text/plain") || html >= 0 && html != types.lastIndexOf("text/html")) {
            errors.add(new ApiError("If present, text/plain and text/html may only be provided once.", "content", null));
        }
    }

    private void attachments(JsonNode attachments) {
        if (attachments == null || attachments.isNull()) {
            return;
        }
        if (!attachments.isArray()) {
            typeError(attachments, "array", "attachments", "message.attachments");
            return;
        }
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode attachment = attachments.get(i);
            String path = "attachments." + i;
            if (!attachment.isObject()) {
                typeError(attachment, "object", path, "message.attachments");
                continue;
            }
            JsonNode content = attachment.get("content");
            if (content == null || !content.isTextual() || content.asText().isEmpty()) {
                errors.add(ApiError.linked("The attachment content must be a string at least one character in length.",
                        path + ".content", "message.attachments.content"));
            } else if (decodeBase64(content.asText()) == null) {
                errors.add(ApiError.linked("The attachment content must be base64 encoded.", path + ".content",
                        "message.attachments.content"));
            }
            JsonNode filename = attachment.get("filename");
            if (isMissing(filename)) {
                errors.add(ApiError.linked("filename is required.", path + ".filename", "message.attachments.filename"));
            } else if (!filename.isTextual()) {
                errors.add(ApiError.linked("The filename of your attachment must be a string.", path + ".filename",
                        "message.attachments.filename"));
            } else if (hasLineBreak(filename.asText())) {
                errors.add(ApiError.linked("The filename of your attachment cannot contain CRLF characters.",
                        path + ".filename", "message.attachments.filename"));
            }
            JsonNode type = attachment.get("type");
            if (type != null && !type.isNull()) {
                if (!type.isTextual() || type.asText().isBlank()) {
                    errors.add(ApiError.linked("The attachment type must be a string and at least one character in length.",
                            path + ".type", "message.attachments.type"));
                } else if (type.asText().contains(";") || hasLineBreak(type.asText())) {
                    errors.add(ApiError.linked("The type cannot contain ';', or CRLF characters.", path + ".type",
                            "message.attachments.type"));
                }
            }
            JsonNode disposition = attachment.get("disposition");
            if (disposition != null && !disposition.isNull()
                    && !Set.of("inline", "attachment").contains(disposition.asText(""))) {
                errors.add(ApiError.linked("The disposition of your attachment can be either 'inline' or 'attachment'. You "
                        + "provided " + disposition + ".", path + ".disposition", "message.attachments.disposition"));
            }
            JsonNode contentId = attachment.get("content_id");
            if (contentId != null && !contentId.isNull() && (!contentId.isTextual() || hasLineBreak(contentId.asText()))) {
                errors.add(ApiError.linked("The content ID of your attachment must be a string without CRLF characters.",
                        path + ".content_id", "message.attachments.content_id"));
            }
        }
    }

    private void headers(JsonNode headers, String path, String anchor) {
        if (headers == null || headers.isNull()) {
            return;
        }
        if (!headers.isObject()) {
            typeError(headers, "object", path, anchor);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            String name = header.getKey();
            if (!header.getValue().isTextual()) {
                errors.add(ApiError.linked("The header values must be strings.", path + "." + name, anchor));
            } else if (hasLineBreak(header.getValue().asText())) {
                errors.add(ApiError.linked("Header values cannot contain CRLF characters.", path + "." + name, anchor));
            }
            if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
                errors.add(ApiError.linked("Header keys cannot contain non-ASCII characters and empty spaces.",
                        path + "." + name, anchor));
            } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                errors.add(ApiError.linked("Header can not be one of the reserved keys.", path + "." + name, anchor));
            }
        }
    }

    private void stringValues(JsonNode object, String path, String message, String anchor) {
        if (object == null || object.isNull()) {
            return;
        }
        boolean strings = object.isObject();
        for (Iterator<JsonNode> it = object.elements(); strings && it.hasNext(); ) {
            strings = it.next().isTextual();
        }
        if (!strings) {
            errors.add(ApiError.linked(message, path, anchor));
        }
    }

    private void typeError(JsonNode node, String expected, String path, String anchor) {
        errors.add(ApiError.linked("Invalid type. Expected: " + expected + ", given: " + type(node) + ".", path, anchor));
    }

    /** JSON Schema's name for the node's type, as SendGrid's type errors use it. */
    private static String type(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        return node.isNumber() ? "number" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static boolean isMissing(JsonNode node) {
        return node == null || node.isNull() || node.isTextual() && node.asText().isEmpty();
    }

    static boolean isAddress(String email) {
        return email.length() <= 320 && ADDRESS.matcher(email).matches();
    }

    private static boolean hasLineBreak(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
    }

    /** The bytes of standard base64 (line breaks allowed, as mail tools write it), or null when it is not base64. */
    static byte[] decodeBase64(String content) {
        try {
            return Base64.getDecoder().decode(content.replaceAll("[\\r\\n\\t ]", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
