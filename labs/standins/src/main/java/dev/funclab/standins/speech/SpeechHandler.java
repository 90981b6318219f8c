package dev.funclab.standins.speech;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The HTTP side of the Speech stand-in: Azure's text-to-speech REST endpoints, checked in Azure's
 * order (credentials, then headers, then the SSML), plus two endpoints for scripts under
 * {@code /funclab}. Bad input gets a 4xx whose text says what to fix; only a failing engine gives a 500.
 */
final class SpeechHandler extends Handler.Abstract {

    static final String SYNTHESIS = "/cognitiveservices/v1";
    static final String VOICES = "/cognitiveservices/voices/list";
    static final String ISSUE_TOKEN = "/sts/v1.0/issueToken";
    static final String FAULTS = "/funclab/faults";
    static final String REQUESTS = "/funclab/requests";
    static final String KEY_HEADER = "Ocp-Apim-Subscription-Key";
    /** The stand-in's limit on SSML in one request (Azure's limit for one turn over WebSocket). */
    static final int MAX_SSML_BYTES = 64 * 1024;
    /** Azure cuts longer audio off at 10 minutes. */
    static final Duration MAX_AUDIO = Duration.ofMinutes(10);
    static final int MAX_USER_AGENT = 255;
    /** Requests kept for {@link SpeechStandIn#requests()}: enough for any test, bounded for a stand-in left running. */
    static final int KEPT_REQUESTS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENDPOINTS = "POST " + SYNTHESIS + " (SSML in, WAV out), GET " + VOICES + ", POST "
            + ISSUE_TOKEN + "; for scripts: POST " + FAULTS + "?status=429&count=1&retryAfter=1, GET " + REQUESTS;

    private final byte[] key;
    private final SpeechEngine engine;
    private final Consumer<String> log;
    private final Clock clock;
    private final Tokens tokens;
    private final Faults faults = new Faults();
    private final List<SpeechRequest> requests = new ArrayList<>(); // guarded by itself

    SpeechHandler(String key, SpeechEngine engine, Consumer<String> log, Clock clock) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.engine = engine;
        this.log = log;
        this.clock = clock;
        this.tokens = new Tokens(clock);
    }

    Faults faults() {
        return faults;
    }

    void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    List<SpeechRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Reply reply;
        try {
            reply = answer(request);
        } catch (RuntimeException e) {
            // The stand-in's own fault: say so in the log and to the client, never leave it hanging.
            log.accept("Speech stand-in: " + request.getMethod() + " " + request.getHttpURI().getPath() + " failed: " + e);
            reply = Reply.text(500, "The Speech stand-in failed: " + e);
        }
        if (!drained(request)) {
            // A body left unread must not be taken for the next request on this connection.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        reply.send(request, response, callback);
        return true;
    }

    private Reply answer(Request request) {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        if (method.equals("POST") && SYNTHESIS.equalsIgnoreCase(path)) {
            return synthesis(request);
        }
        if (method.equals("GET") && VOICES.equalsIgnoreCase(path)) {
            Optional<String> refused = refused(headers(request));
            return refused.isPresent() ? Reply.text(401, refused.get()) : voices();
        }
        if (method.equals("POST") && ISSUE_TOKEN.equalsIgnoreCase(path)) {
            return issueToken(headers(request));
        }
        if (method.equals("POST") && FAULTS.equalsIgnoreCase(path)) {
            return planFaults(request);
        }
        if (method.equals("GET") && REQUESTS.equalsIgnoreCase(path)) {
            return recorded();
        }
        return Reply.text(404, "Nothing here answers " + method + " " + path + ". The Speech stand-in serves: " + ENDPOINTS + ".");
    }

    /** {@code POST /cognitiveservices/v1}: every call is recorded, whatever it is answered. */
    private Reply synthesis(Request request) {
        Instant at = clock.instant();
        Map<String, String> headers = headers(request);
        Call call = new Call();
        Reply reply;
        try {
            reply = synthesis(request, headers, call);
        } catch (RuntimeException e) {
            // Recorded like any other answer; the client learns what broke.
            log.accept("Speech stand-in: POST " + SYNTHESIS + " failed: " + e);
            reply = Reply.text(500, "The Speech stand-in failed: " + e);
        }
        if (call.voice == null && call.text == null && !call.ssml.isEmpty()) {
            describe(call); // refused before the SSML was read: still say what it asked for
        }
        SpeechRequest seen = new SpeechRequest(at, headers, call.ssml, reply.status(), call.voice, call.text);
        synchronized (requests) {
            requests.add(seen);
            if (requests.size() > KEPT_REQUESTS) {
                requests.remove(0);
            }
        }
        log.accept("Speech: POST " + SYNTHESIS + " -> " + reply.status()
                + (call.voice == null ? "" : " (" + call.voice + ")") + (call.audio == null ? "" : ", " + call.audio));
        return reply;
    }

    private Reply synthesis(Request request, Map<String, String> headers, Call call) {
        // Read first (at most 64 KB and a byte), so that even a refused call is recorded with its SSML.
        byte[] body = readBody(request);
        boolean tooLarge = body == null || body.length > MAX_SSML_BYTES;
        call.ssml = body == null ? "" : new String(body, 0, Math.min(body.length, MAX_SSML_BYTES), StandardCharsets.UTF_8);
        Optional<String> refused = refused(headers);
        if (refused.isPresent()) {
            return Reply.text(401, refused.get());
        }
        Optional<Faults.Fault> fault = faults.next();
        if (fault.isPresent()) {
            Map<String, String> extra = fault.get().retryAfterSeconds() == null ? Map.of()
                    : Map.of("Retry-After", String.valueOf(fault.get().retryAfterSeconds()));
            return new Reply(fault.get().status(), extra, "text/plain; charset=utf-8",
                    ("Planned failure (" + FAULTS + " or failNext): answered " + fault.get().status() + ".")
                            .getBytes(StandardCharsets.UTF_8));
        }
        String contentType = headers.getOrDefault("content-type", "");
        if (!contentType.split(";")[0].trim().equalsIgnoreCase("application/ssml+xml")) {
            return Reply.text(415, "Content-Type is '" + contentType + "'; send the SSML with 'Content-Type: application/ssml+xml'.");
        }
        Optional<OutputFormat> format = OutputFormat.of(headers.get("x-microsoft-outputformat"));
        if (format.isEmpty()) {
            String given = headers.get("x-microsoft-outputformat");
            return Reply.text(400, (given == null ? "The " + OutputFormat.HEADER + " header is missing"
                    : OutputFormat.HEADER + " is '" + given + "', which this stand-in does not produce")
                    + ". Use one of: " + OutputFormat.supported() + " (for example riff-24khz-16bit-mono-pcm).");
        }
        String userAgent = headers.getOrDefault("user-agent", "");
        if (userAgent.length() > MAX_USER_AGENT) {
            return Reply.text(400, "User-Agent is " + userAgent.length() + " characters long; it must be at most "
                    + MAX_USER_AGENT + ". Send a short application name.");
        }
        if (tooLarge) {
            return Reply.text(400, "The SSML is over " + MAX_SSML_BYTES + " bytes (64 KB), this stand-in's limit per request. Send less text per request.");
        }
        return speak(body, format.get(), call);
    }

    private Reply speak(byte[] body, OutputFormat format, Call call) {
        List<Ssml.Segment> segments;
        try {
            segments = Ssml.parse(body);
        } catch (Ssml.Invalid e) {
            return Reply.text(400, e.getMessage());
        }
        describe(call, segments);
        List<Voice> voices = new ArrayList<>();
        for (Ssml.Segment segment : segments) {
            Optional<Voice> voice = Voices.named(segment.voice());
            if (voice.isEmpty()) {
                return Reply.text(400, "Unknown voice '" + segment.voice() + "'. This stand-in speaks with: "
                        + Voices.all().stream().map(Voice::shortName).collect(Collectors.joining(", ")) + ".");
            }
            voices.add(voice.get());
        }
        if (call.text == null) {
            return Reply.text(400, "The SSML has no text to speak. Put it inside <voice name='...'>...</voice>.");
        }
        long maxBytes = MAX_AUDIO.toSeconds() * format.sampleRate() * 2;
        ByteArrayOutputStream samples = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < segments.size() && samples.size() < maxBytes; i++) {
                if (!segments.get(i).text().isEmpty()) {
                    byte[] wav = engine.synthesize(segments.get(i).text(), voices.get(i).espeakVoice());
                    samples.writeBytes(Wav.samples(wav, format.sampleRate()));
                }
            }
        } catch (SpeechEngineException e) {
            log.accept("Speech: " + engine.description() + " failed: " + e.getMessage());
            return Reply.text(500, "Speech synthesis failed: " + e.getMessage());
        }
        byte[] pcm = samples.toByteArray();
        if (pcm.length > maxBytes) {
            pcm = Arrays.copyOf(pcm, (int) maxBytes); // as Azure does: cut off at 10 minutes
        }
        call.audio = String.format(Locale.ROOT, "%.1f s of audio at %d Hz", pcm.length / 2.0 / format.sampleRate(), format.sampleRate());
        return new Reply(200, Map.of(), OutputFormat.CONTENT_TYPE, Wav.file(pcm, format.sampleRate()));
    }

    /** Fills in the voice and text of {@code call} from its SSML, if that can be read. */
    private static void describe(Call call) {
        try {
            describe(call, Ssml.parse(call.ssml.getBytes(StandardCharsets.UTF_8)));
        } catch (Ssml.Invalid e) {
            // nothing to say about it
        }
    }

    private static void describe(Call call, List<Ssml.Segment> segments) {
        call.voice = segments.isEmpty() ? null
                : segments.stream().map(Ssml.Segment::voice).distinct().collect(Collectors.joining(","));
        String text = segments.stream().map(Ssml.Segment::text).filter(t -> !t.isEmpty()).collect(Collectors.joining(" "));
        call.text = text.isEmpty() ? null : text;
    }

    /** Why the credentials in {@code headers} do not open the door, or empty when they do. */
    private Optional<String> refused(Map<String, String> headers) {
        String presented = headers.get(KEY_HEADER.toLowerCase(Locale.ROOT));
        if (presented != null) {
            return isKey(presented) ? Optional.empty() : Optional.of("The " + KEY_HEADER
                    + " header does not hold this Speech resource's key. Send the key the stand-in was started with.");
        }
        String authorization = headers.get("authorization");
        if (authorization == null) {
            return Optional.of("Missing credentials. Send the resource key in the " + KEY_HEADER + " header, or "
                    + "'Authorization: Bearer <token>' with a token from POST " + ISSUE_TOKEN + ".");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of("The Authorization header must be 'Bearer <token>' (a token from POST " + ISSUE_TOKEN
                    + "), or send the key in the " + KEY_HEADER + " header instead.");
        }
        return switch (tokens.check(authorization.substring(7))) {
            case VALID -> Optional.empty();
            case EXPIRED -> Optional.of("The bearer token in the Authorization header has expired (tokens last "
                    + Tokens.LIFETIME.toMinutes() + " minutes). Get a new one from POST " + ISSUE_TOKEN + ".");
            case UNKNOWN -> Optional.of("The bearer token in the Authorization header was not issued by this stand-in. "
                    + "Get one from POST " + ISSUE_TOKEN + " with your key, or send the key in the " + KEY_HEADER + " header.");
        };
    }

    private boolean isKey(String presented) {
        return MessageDigest.isEqual(presented.trim().getBytes(StandardCharsets.UTF_8), key);
    }

    /** {@code POST /sts/v1.0/issueToken}: a token for the key, valid 10 minutes. */
    private Reply issueToken(Map<String, String> headers) {
        String presented = headers.get(KEY_HEADER.toLowerCase(Locale.ROOT));
        if (presented == null || !isKey(presented)) {
            return Reply.text(401, (presented == null ? "The " + KEY_HEADER + " header is missing"
                    : "The " + KEY_HEADER + " header does not hold this Speech resource's key")
                    + ". A token is issued for the resource key, sent in the " + KEY_HEADER + " header.");
        }
        return Reply.text(200, tokens.issue());
    }

    /** {@code GET /cognitiveservices/voices/list}, in Azure's shape. */
    private static Reply voices() {
        List<Map<String, String>> list = new ArrayList<>();
        for (Voice voice : Voices.all()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("Name", voice.name());
            entry.put("DisplayName", voice.displayName());
            entry.put("LocalName", voice.localName());
            entry.put("ShortName", voice.shortName());
            entry.put("Gender", voice.gender());
            entry.put("Locale", voice.locale());
            entry.put("LocaleName", Voices.localeName(voice.locale()));
            entry.put("SampleRateHertz", "24000");
            entry.put("VoiceType", "Neural");
            entry.put("Status", "GA");
            entry.put("WordsPerMinute", "175"); // eSpeak NG's default speed
            list.add(entry);
        }
        return Reply.json(200, list);
    }

    /** {@code POST /funclab/faults?status=429&count=2&retryAfter=1}: what {@link SpeechStandIn#failNext} does. */
    private Reply planFaults(Request request) {
        String usage = " Use POST " + FAULTS + "?status=429&count=2&retryAfter=1 (count defaults to 1; "
                + "retryAfter, in whole seconds, is optional).";
        try {
            Fields query = Request.extractQueryParameters(request);
            String status = query.getValue("status");
            if (status == null) {
                return Reply.text(400, "The status parameter is missing." + usage);
            }
            String count = query.getValue("count");
            String retryAfter = query.getValue("retryAfter");
            faults.add(count == null ? 1 : Integer.parseInt(count.trim()), Integer.parseInt(status.trim()),
                    retryAfter == null ? null : Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
            return new Reply(204, Map.of(), null, new byte[0]);
        } catch (NumberFormatException e) {
            return Reply.text(400, "status, count and retryAfter must be whole numbers: " + e.getMessage() + "." + usage);
        } catch (IllegalArgumentException e) {
            return Reply.text(400, e.getMessage() + usage);
        }
    }

    /** The headers without the key or token: a real key sent here by mistake is not shown to anyone who asks. */
    private static Map<String, String> withoutSecrets(Map<String, String> headers) {
        Map<String, String> shown = new LinkedHashMap<>(headers);
        shown.replaceAll((name, value) -> name.equals("ocp-apim-subscription-key") || name.equals("authorization") ? "(hidden)" : value);
        return shown;
    }

    /** {@code GET /funclab/requests}: what {@link SpeechStandIn#requests()} returns, as JSON (keys hidden). */
    private Reply recorded() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SpeechRequest seen : requests()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", seen.at().toString());
            entry.put("status", seen.status());
            entry.put("voice", seen.voice());
            entry.put("text", seen.text());
            entry.put("headers", withoutSecrets(seen.headers()));
            entry.put("ssml", seen.ssml());
            list.add(entry);
        }
        return Reply.json(200, list);
    }

    /**
     * The body, up to one byte over the SSML limit: enough to tell that it is over. A declared length
     * over the limit is not read at all: null.
     */
    private static byte[] readBody(Request request) {
        if (request.getLength() > MAX_SSML_BYTES) {
            return null;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            return in.readNBytes(MAX_SSML_BYTES + 1);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * Reads what is left of a request body that was answered without reading it (a 401, a 404), so
     * that the connection can carry the next request; false when too much is left to bother.
     */
    private static boolean drained(Request request) {
        try (InputStream rest = Content.Source.asInputStream(request)) {
            return rest.readNBytes(1_048_576 + 1).length <= 1_048_576;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Header names lower-cased; repeated headers joined with commas. */
    private static Map<String, String> headers(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getName().toLowerCase(Locale.ROOT), field.getValue(), (a, b) -> a + "," + b);
        }
        return headers;
    }

    /** What one synthesis call turned out to be, filled in as far as it got. */
    private static final class Call {
        String ssml = "";
        String voice;
        String text;
        String audio;
    }

    /** What goes back to the client. */
    private record Reply(int status, Map<String, String> headers, String contentType, byte[] body) {

        static Reply text(int status, String message) {
            return new Reply(status, Map.of(), "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
        }

        static Reply json(int status, Object value) {
            try {
                return new Reply(status, Map.of(), "application/json; charset=utf-8", JSON.writeValueAsBytes(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        void send(Request request, Response response, Callback callback) {
            response.setStatus(status);
            headers.forEach((name, value) -> response.getHeaders().put(name, value));
            if (contentType != null) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            }
            if (status == 204) {
                callback.succeeded();
                return;
            }
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            if (request.getMethod().equals("HEAD")) {
                callback.succeeded();
                return;
            }
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
