package dev.funclab.standins.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One entry of SendGrid's error body {@code {"errors":[{"message","field","help"}]}}.
 *
 * @param message what SendGrid says (its own wording where SendGrid documents one)
 * @param field   the path of the offending field, e.g. {@code personalizations.0.to.0.email}, or null
 * @param help    SendGrid's link for the error, the stand-in's advice, or null
 */
record ApiError(String message, String field, String help) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** SendGrid's help links all start here; the anchor names the field, e.g. {@code message.content.value}. */
    private static final String ERRORS_PAGE = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#";

    static ApiError of(String message) {
        return new ApiError(message, null, null);
    }

    /** An error with SendGrid's link for {@code anchor} (e.g. {@code message.from}). */
    static ApiError linked(String message, String field, String anchor) {
        return new ApiError(message, field, ERRORS_PAGE + anchor);
    }

    /** The response body for these errors. */
    static byte[] body(List<ApiError> errors) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("errors");
        for (ApiError error : errors) {
            list.addObject().put("message", error.message()).put("field", error.field()).put("help", error.help());
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
