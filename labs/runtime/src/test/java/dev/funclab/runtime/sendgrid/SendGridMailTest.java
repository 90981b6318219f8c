package dev.funclab.runtime.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.convert.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a message is read and completed from the binding, as the Functions SendGrid extension does it. */
class SendGridMailTest {

    private static JsonNode json(SendGridMail mail) throws Exception {
        return Json.MAPPER.readTree(mail.toJson());
    }

    @Test
    void fieldsAreMatchedWithoutRegardToCaseAndUnknownOnesAreDropped() throws Exception {
        SendGridMail mail = SendGridMail.of("{\"Subject\": \"Hi\", \"PERSONALIZATIONS\": [{\"To\": [{\"Email\": \"a@b.test\"}]}],"
                + " \"from\": {\"email\": \"me@b.test\"}, \"recipient\": \"x\"}");

        JsonNode json = json(mail);
        assertThat(json.path("subject").asText()).isEqualTo("Hi");
        assertThat(json.path("personalizations").get(0).path("to").get(0).path("email").asText()).isEqualTo("a@b.test");
        assertThat(json.has("recipient")).isFalse();
        assertThat(mail.dropped()).containsExactly("recipient");
    }

    @Test
    void theBindingFillsFromToSubjectAndTextOnlyWhenMissing() throws Exception {
        JsonNode filled = json(SendGridMail.of("{}").withDefaults("Ann <ann@b.test>", "bot@b.test", "Subject", "Text", SendGridMail.HostDefaults.NONE));
        assertThat(filled.path("from").path("email").asText()).isEqualTo("bot@b.test");
        assertThat(filled.path("personalizations").get(0).path("to").get(0).path("email").asText()).isEqualTo("ann@b.test");
        assertThat(filled.path("personalizations").get(0).path("to").get(0).path("name").asText()).isEqualTo("Ann");
        assertThat(filled.path("subject").asText()).isEqualTo("Subject");
        assertThat(filled.path("content").get(0).path("type").asText()).isEqualTo("text/plain");
        assertThat(filled.path("content").get(0).path("value").asText()).isEqualTo("Text");

        JsonNode kept = json(SendGridMail.of(Map.of("from", Map.of("email", "own@b.test"), "subject", "Own",
                "personalizations", java.util.List.of(Map.of("to", java.util.List.of(Map.of("email", "own-to@b.test"))))))
                .withDefaults("ann@b.test", "bot@b.test", "Subject", "", SendGridMail.HostDefaults.NONE));
        assertThat(kept.path("from").path("email").asText()).isEqualTo("own@b.test");
        assertThat(kept.path("personalizations").get(0).path("to")).hasSize(1);
        assertThat(kept.path("subject").asText()).isEqualTo("Own");
        assertThat(kept.has("content")).isFalse();
    }

    @Test
    void hostJsonGivesSenderAndRecipientWhenNothingElseDoes() throws Exception {
        SendGridMail.HostDefaults host = SendGridMail.HostDefaults.of(Json.MAPPER.readTree(
                "{\"From\": \"Functions <fn@b.test>\", \"to\": \"admin@b.test\"}"));
        JsonNode json = json(SendGridMail.of("{}").withDefaults("", "", "", "", host));
        assertThat(json.path("from").path("name").asText()).isEqualTo("Functions");
        assertThat(json.path("from").path("email").asText()).isEqualTo("fn@b.test");
        assertThat(json.path("personalizations").get(0).path("to").get(0).path("email").asText()).isEqualTo("admin@b.test");
        assertThatThrownBy(() -> SendGridMail.HostDefaults.of(Json.MAPPER.readTree("{\"from\": \"nobody\"}")))
                .hasMessageContaining("host.json extensions.sendGrid.from");
    }

    @Test
    void contentAndAttachmentFieldsAreMatchedWithoutRegardToCase() throws Exception {
        JsonNode json = json(SendGridMail.of("{\"Content\": [{\"Type\": \"text/plain\", \"Value\": \"hi\"}], "
                + "\"Attachments\": [{\"Content\": \"AA==\", \"FileName\": \"a.wav\", \"Type\": \"audio/wav\"}]}")
                .withDefaults("a@b.test", "bot@b.test", "", "", SendGridMail.HostDefaults.NONE));
        assertThat(json.path("content").get(0).path("value").asText()).isEqualTo("hi");
        assertThat(json.path("attachments").get(0).path("filename").asText()).isEqualTo("a.wav");
    }

    @Test
    void missingRecipientsOrSenderAreClearErrors() {
        assertThatThrownBy(() -> SendGridMail.of("{}").withDefaults("", "bot@b.test", "", "", SendGridMail.HostDefaults.NONE).toJson())
                .hasMessageContaining("A 'To' address must be specified for the message");
        assertThatThrownBy(() -> SendGridMail.of("{}").withDefaults("a@b.test", "", "", "", SendGridMail.HostDefaults.NONE).toJson())
                .hasMessageContaining("A 'From' address must be specified for the message");
        assertThatThrownBy(() -> SendGridMail.of("{}").withDefaults("not an address", "bot@b.test", "", "", SendGridMail.HostDefaults.NONE))
                .hasMessageContaining("Invalid 'To' address specified");
        assertThatThrownBy(() -> SendGridMail.of("[1, 2]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> SendGridMail.of("{oops")).hasMessageContaining("not valid JSON");
    }
}
