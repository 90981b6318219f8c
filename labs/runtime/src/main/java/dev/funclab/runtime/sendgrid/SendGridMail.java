package dev.funclab.runtime.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funclab.runtime.convert.Json;
import dev.funclab.runtime.convert.PojoJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One v3 mail-send message as the Functions SendGrid extension takes it from a function: read from
 * JSON text or a POJO (field names matched without regard to case, unknown fields dropped), then
 * completed from the binding where it lacks a sender, recipients, a subject or content.
 */
final class SendGridMail {

    /** The top-level fields of a v3 mail-send request. */
    private static final Set<String> FIELDS = Set.of("personalizations", "from", "reply_to", "reply_to_list", "subject",
            "content", "attachments", "template_id", "headers", "sections", "categories", "custom_args", "send_at",
            "batch_id", "asm", "ip_pool_name", "mail_settings", "tracking_settings");
    private static final Set<String> PERSONALIZATION = Set.of("to", "cc", "bcc", "from", "subject", "headers",
            "substitutions", "dynamic_template_data", "custom_args", "send_at");
    private static final Set<String> ADDRESS = Set.of("email", "name");
    private static final Set<String> CONTENT = Set.of("type", "value");
    private static final Set<String> ATTACHMENT = Set.of("content", "type", "filename", "disposition", "content_id");
    /** {@code Name <someone@example.com>}, {@code <someone@example.com>} or {@code someone@example.com}. */
    private static final Pattern NAMED = Pattern.compile("^\\s*(?:\"?([^\"<]*?)\"?\\s*)?<([^<>\\s]+)>\\s*$");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+");

    private final ObjectNode json;
    private final List<String> dropped;

    private SendGridMail(ObjectNode json, List<String> dropped) {
        this.json = json;
        this.dropped = dropped;
    }

    /**
     * @param value what the function set: JSON text ({@code String} or {@code byte[]}), a POJO or a map
     * @throws IllegalArgumentException when it is not a JSON object
     */
    static SendGridMail of(Object value) {
        JsonNode node;
        try {
            node = value instanceof byte[] bytes ? Json.MAPPER.readTree(bytes)
                    : value instanceof CharSequence text ? Json.MAPPER.readTree(text.toString())
                    : PojoJson.tree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("the SendGrid message is not valid JSON: " + e.getMessage().lines().findFirst().orElse("")
                    + ". Set a v3 mail-send JSON object (personalizations, from, subject, content).", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the SendGrid message must be a JSON object (a v3 mail-send request), not "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        List<String> dropped = new ArrayList<>();
        ObjectNode json = canonical((ObjectNode) node, FIELDS, dropped);
        for (JsonNode personalization : json.path("personalizations")) {
            if (personalization instanceof ObjectNode object) {
                canonical(object, PERSONALIZATION, new ArrayList<>());
                for (String field : List.of("to", "cc", "bcc")) {
                    object.path(field).forEach(address -> canonicalEach(address, ADDRESS));
                }
                canonicalEach(object.path("from"), ADDRESS);
            }
        }
        canonicalEach(json.path("from"), ADDRESS);
        canonicalEach(json.path("reply_to"), ADDRESS);
        json.path("reply_to_list").forEach(address -> canonicalEach(address, ADDRESS));
        json.path("content").forEach(item -> canonicalEach(item, CONTENT));
        json.path("attachments").forEach(item -> canonicalEach(item, ATTACHMENT));
        return new SendGridMail(json, List.copyOf(dropped));
    }

    /**
     * {@code extensions.sendGrid.from} and {@code .to} of host.json (names in any case), read once at
     * start-up; null where not set.
     */
    record HostDefaults(ObjectNode from, ObjectNode to) {

        static final HostDefaults NONE = new HostDefaults(null, null);

        /**
         * @throws IllegalArgumentException naming host.json when an address there is not an address
         */
        static HostDefaults of(JsonNode sendGrid) {
            return new HostDefaults(hostAddress(sendGrid, "from"), hostAddress(sendGrid, "to"));
        }

        private static ObjectNode hostAddress(JsonNode sendGrid, String field) {
            Iterator<Map.Entry<String, JsonNode>> fields = sendGrid.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                if (entry.getKey().equalsIgnoreCase(field) && entry.getValue().isTextual() && !entry.getValue().asText().isBlank()) {
                    try {
                        return address(entry.getValue().asText(), field.equals("from") ? "From" : "To");
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("host.json extensions.sendGrid." + entry.getKey() + ": " + e.getMessage(), e);
                    }
                }
            }
            return null;
        }
    }

    /** Top-level fields that v3 mail-send does not have and were dropped, as the extension's JSON reader does. */
    List<String> dropped() {
        return dropped;
    }

    /**
     * Fills what the message lacks from the binding, as the extension does: a sender, recipients (when
     * any personalization has none), a subject, a text/plain body.
     *
     * @param host the addresses of {@code extensions.sendGrid} in host.json, used when the binding gives none
     * @throws IllegalArgumentException when a binding address is not an address
     */
    SendGridMail withDefaults(String to, String from, String subject, String text, HostDefaults host) {
        if (json.path("from").isMissingNode() || json.path("from").isNull()) {
            if (!from.isBlank()) {
                json.set("from", address(from, "From"));
            } else if (host.from() != null) {
                json.set("from", host.from().deepCopy());
            }
        }
        if (!toIsValid()) {
            ObjectNode recipient = !to.isBlank() ? address(to, "To") : host.to() == null ? null : host.to().deepCopy();
            if (recipient != null) {
                ArrayNode personalizations = json.withArray("personalizations");
                if (personalizations.isEmpty()) {
                    personalizations.addObject();
                }
                ((ObjectNode) personalizations.get(0)).withArray("to").add(recipient);
            }
        }
        if (json.path("subject").asText("").isEmpty() && !subject.isEmpty()) {
            json.put("subject", subject);
        }
        if (json.path("content").isEmpty() && !text.isEmpty()) {
            json.set("content", Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode()
                    .put("type", "text/plain").put("value", text)));
        }
        return this;
    }

    /**
     * The request body to send.
     *
     * @throws IllegalStateException when the message still has no recipients or no sender, naming what to set
     */
    String toJson() {
        if (!toIsValid()) {
            throw new IllegalStateException("A 'To' address must be specified for the message. Set personalizations[].to "
                    + "in the message, or 'to' on @SendGridOutput (for example to = \"%MAIL_TO%\").");
        }
        if (!hasAddress(json.path("from"))) {
            throw new IllegalStateException("A 'From' address must be specified for the message. Set 'from' (with an 'email') "
                    + "in the message, 'from' on @SendGridOutput, or extensions.sendGrid.from in host.json.");
        }
        return json.toString();
    }

    private boolean toIsValid() {
        JsonNode personalizations = json.path("personalizations");
        if (!personalizations.isArray() || personalizations.isEmpty()) {
            return false;
        }
        for (JsonNode personalization : personalizations) {
            JsonNode to = personalization.path("to");
            if (!to.isArray()) {
                return false;
            }
            for (JsonNode address : to) {
                if (!hasAddress(address)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasAddress(JsonNode address) {
        return address.isObject() && !address.path("email").asText("").isEmpty();
    }

    /**
     * {@code {"email", "name"}} from {@code Name <someone@example.com>} or {@code someone@example.com}.
     *
     * @throws IllegalArgumentException naming the binding property when the text is not an address
     */
    static ObjectNode address(String text, String property) {
        Matcher named = NAMED.matcher(text);
        String name = null;
        String email = text.strip();
        if (named.matches()) {
            name = named.group(1) == null || named.group(1).isBlank() ? null : named.group(1).strip();
            email = named.group(2);
        }
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("Invalid '" + property + "' address specified: '" + text
                    + "'. Write someone@example.com or Name <someone@example.com>.");
        }
        ObjectNode address = Json.MAPPER.createObjectNode().put("email", email);
        if (name != null) {
            address.put("name", name);
        }
        return address;
    }

    /** Renames fields to their v3 spelling when they match without regard to case; drops the rest. */
    private static ObjectNode canonical(ObjectNode object, Set<String> known, List<String> dropped) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> iterator = object.fields();
        iterator.forEachRemaining(fields::add);
        object.removeAll();
        for (Map.Entry<String, JsonNode> field : fields) {
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if (known.contains(name)) {
                object.set(name, field.getValue());
            } else {
                dropped.add(field.getKey());
            }
        }
        return object;
    }

    private static void canonicalEach(JsonNode node, Set<String> known) {
        if (node instanceof ObjectNode object) {
            canonical(object, known, new ArrayList<>());
        }
    }
}
