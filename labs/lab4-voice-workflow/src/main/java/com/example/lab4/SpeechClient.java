package com.example.lab4;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Duration;

/**
 * Azure AI Speech, text to speech over REST: POST SSML to {@code <SPEECH_ENDPOINT>/cognitiveservices/v1}
 * and get a WAV back. The same code talks to Azure or to the kit's stand-in: only the settings differ.
 */
final class SpeechClient {

    static final String OUTPUT_FORMAT = "riff-16khz-16bit-mono-pcm";
    private static final MediaType SSML = MediaType.get("application/ssml+xml; charset=utf-8");

    /** One client for every call: it keeps connections open between calls. */
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(30))
            .callTimeout(Duration.ofSeconds(60))
            .build();

    private SpeechClient() {
    }

    /**
     * The text spoken by the voice, as RIFF WAVE 16 kHz mono 16-bit.
     *
     * @throws IOException when the service cannot be reached or refuses; the message says what to fix
     */
    static byte[] synthesize(String text, String voice) throws IOException {
        String endpoint = Settings.require("SPEECH_ENDPOINT").replaceAll("/+$", "");
        // TODO 5: POST Ssml.of(text, voice) to endpoint + "/cognitiveservices/v1" with HTTP, as a body of type SSML,
        //         and the headers Ocp-Apim-Subscription-Key (app setting SPEECH_KEY), X-Microsoft-OutputFormat
        //         (OUTPUT_FORMAT) and User-Agent. Return the body's bytes when the response is successful; else
        //         throw failure(status, the Retry-After header, the body's text). Close the response
        //         (try-with-resources).
        throw new IOException("TODO 5: call the Speech REST API at " + endpoint);
    }

    /**
     * Throttling and outages pass with time, so the queue's next try may succeed. A wrong key or request
     * does not: its message says which setting to fix (the queue still tries five times, then parks it).
     */
    private static IOException failure(int status, String retryAfter, String body) {
        if (status == 429 || status >= 500) {
            return new IOException("Speech is busy or down (" + status + (retryAfter == null ? "" : ", Retry-After: "
                    + retryAfter + " s") + "); the queue will try this message again. " + body);
        }
        if (status == 401) {
            return new IOException("Speech refused the key (401): check the app setting SPEECH_KEY, and that "
                    + "SPEECH_ENDPOINT is the endpoint of the resource that key belongs to. " + body);
        }
        if (status == 400) {
            return new IOException("Speech refused the request (400): " + body + " Check SPEECH_VOICE, if you set it.");
        }
        return new IOException("Speech answered " + status + ": " + body);
    }
}
