package dev.funclab.standins.speech;

import java.time.Instant;
import java.util.Map;

/**
 * One {@code POST /cognitiveservices/v1} the stand-in saw, answered or refused.
 *
 * @param at      when it arrived
 * @param headers the request headers, names in lower case (repeated headers joined with commas)
 * @param ssml    the body as text (UTF-8), empty when there was none
 * @param status  the status answered
 * @param voice   the voice named in the SSML (several joined with commas), null if none could be read
 * @param text    the text to speak, null if none could be read
 */
public record SpeechRequest(Instant at, Map<String, String> headers, String ssml, int status, String voice, String text) {

    public SpeechRequest {
        headers = Map.copyOf(headers);
    }
}
