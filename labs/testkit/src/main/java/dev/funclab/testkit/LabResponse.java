package dev.funclab.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.convert.Json;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** An answer from the host, with the request that produced it, for assertions and messages. */
public record LabResponse(String request, int status, HttpHeaders headers, String body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as JSON; a body that is not JSON fails the test with a message saying so. */
    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Expected " + request + " to answer with JSON, but the body was: " + quote(body));
        }
    }

    /** "501 with body 'TODO 3: ...'" */
    public String describe() {
        return status + (body.isEmpty() ? " with an empty body" : " with body " + quote(body));
    }

    static String quote(String text) {
        String flat = text.replace("\n", "\\n");
        return "'" + (flat.length() > 300 ? flat.substring(0, 300) + "..." : flat) + "'";
    }
}
