package dev.funclab.standins.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The stand-in over real HTTP, as a function calling Azure's text-to-speech REST API would use it. */
class SpeechStandInTest {

    private static final String KEY = "test-speech-key";
    private static final String JENNY = "<speak version='1.0' xml:lang='en-US'><voice name='en-US-JennyNeural'>"
            + "The card from Seoul has arrived, and it looks wonderful.</voice></speak>";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final List<String> log = new ArrayList<>();
    private static SpeechStandIn speech;

    @BeforeAll
    static void start() {
        speech = SpeechStandIn.start(0, KEY, SpeechEngine.shared(System.out::println), line -> {
            synchronized (log) {
                log.add(line);
            }
        });
    }

    @AfterAll
    static void stop() {
        speech.close();
    }

    @Test
    void theEndpointIsLocalhostWithoutATrailingSlash() {
        assertThat(speech.endpoint()).isEqualTo(URI.create("http://localhost:" + speech.port()));
        assertThat(speech.port()).isPositive();
        assertThat(speech.key()).isEqualTo(KEY);
    }

    @Test
    void speaksSsmlAs16khzWave() throws Exception {
        HttpResponse<byte[]> response = synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/x-wav");
        Audio audio = Audio.of(response.body());
        assertThat(audio.format().getSampleRate()).isEqualTo(16_000f);
        assertThat(audio.isPcm16Mono()).isTrue();
        assertThat(audio.seconds()).isGreaterThan(0.3);
    }

    @Test
    void speaksKoreanAs24khzWave() throws Exception {
        String ssml = "<speak version='1.0' xml:lang='ko-KR'><voice name='ko-KR-SunHiNeural'>"
                + "안녕하세요. 서울에서 보낸 카드가 도착했습니다.</voice></speak>";

        HttpResponse<byte[]> response = synthesize(ssml, "riff-24khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        Audio audio = Audio.of(response.body());
        assertThat(audio.format().getSampleRate()).isEqualTo(24_000f);
        assertThat(audio.isPcm16Mono()).isTrue();
        assertThat(audio.seconds()).isGreaterThan(0.3);
    }

    @Test
    void moreTextGivesLongerAudioAndSeveralVoicesFollowEachOther() throws Exception {
        String one = "<speak version='1.0'><voice name='en-US-GuyNeural'>Hello.</voice></speak>";
        String two = "<speak version='1.0'><voice name='en-US-GuyNeural'>Hello.</voice>"
                + "<voice name='Microsoft Server Speech Text to Speech Voice (ko-KR, InJoonNeural)'>"
                + "안녕하세요. 만나서 정말 반갑습니다.</voice></speak>";

        double shortOne = Audio.of(synthesize(one, "riff-8khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY).body()).seconds();
        HttpResponse<byte[]> both = synthesize(two, "riff-8khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);

        assertThat(both.statusCode()).isEqualTo(200);
        assertThat(Audio.of(both.body()).seconds()).isGreaterThan(shortOne * 2);
        assertThat(last().voice()).isEqualTo("en-US-GuyNeural,Microsoft Server Speech Text to Speech Voice (ko-KR, InJoonNeural)");
    }

    @Test
    void escapedMarkupIsAcceptedAndSpoken() throws Exception {
        String ssml = "<speak version='1.0'><voice name='en-US-AriaNeural'>Fish &lt;&amp;&gt; chips</voice></speak>";

        HttpResponse<byte[]> response = synthesize(ssml, "riff-24khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Audio.of(response.body()).seconds()).isGreaterThan(0.3);
        assertThat(last().text()).isEqualTo("Fish <&> chips");
    }

    @Test
    void refusesMissingOrWrongCredentials() throws Exception {
        HttpResponse<byte[]> none = synthesize(JENNY, "riff-16khz-16bit-mono-pcm");
        HttpResponse<byte[]> wrong = synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", "not-the-key");
        HttpResponse<byte[]> badToken = synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Authorization", "Bearer a.b.c");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(text(none)).contains("Ocp-Apim-Subscription-Key");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(text(wrong)).contains("Ocp-Apim-Subscription-Key");
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(text(badToken)).contains("/sts/v1.0/issueToken");
    }

    @Test
    void aTokenFromIssueTokenOpensTheDoor() throws Exception {
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(uri("/sts/v1.0/issueToken"))
                .header("Ocp-Apim-Subscription-Key", KEY).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(uri("/sts/v1.0/issueToken"))
                .header("Ocp-Apim-Subscription-Key", "wrong").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(refused.statusCode()).isEqualTo(401);
        HttpResponse<byte[]> spoken = synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Authorization", "Bearer " + issued.body());
        assertThat(spoken.statusCode()).isEqualTo(200);
        assertThat(Audio.of(spoken.body()).seconds()).isGreaterThan(0.3);
    }

    @Test
    void refusesAnotherContentType() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/cognitiveservices/v1"))
                .header("Ocp-Apim-Subscription-Key", KEY).header("Content-Type", "text/plain")
                .header("X-Microsoft-OutputFormat", "riff-16khz-16bit-mono-pcm").POST(HttpRequest.BodyPublishers.ofString(JENNY)));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(text(response)).contains("application/ssml+xml");
    }

    @Test
    void acceptsACharsetInTheContentType() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/cognitiveservices/v1"))
                .header("Ocp-Apim-Subscription-Key", KEY).header("Content-Type", "application/ssml+xml; charset=utf-8")
                .header("X-Microsoft-OutputFormat", "riff-16khz-16bit-mono-pcm").POST(HttpRequest.BodyPublishers.ofString(JENNY)));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesFormatsItDoesNotProduce() throws Exception {
        HttpResponse<byte[]> mp3 = synthesize(JENNY, "audio-16khz-32kbitrate-mono-mp3", "Ocp-Apim-Subscription-Key", KEY);
        HttpResponse<byte[]> missing = synthesize(JENNY, null, "Ocp-Apim-Subscription-Key", KEY);

        assertThat(mp3.statusCode()).isEqualTo(400);
        assertThat(text(mp3)).contains("audio-16khz-32kbitrate-mono-mp3").contains("riff-16khz-16bit-mono-pcm, riff-22050hz");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(text(missing)).contains("X-Microsoft-OutputFormat header is missing");
    }

    @Test
    void refusesBadSsml() throws Exception {
        HttpResponse<byte[]> malformed = synthesize("<speak><voice name='en-US-JennyNeural'>Hi</speak>",
                "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);
        HttpResponse<byte[]> unknownVoice = synthesize("<speak><voice name='en-US-NobodyNeural'>Hi</voice></speak>",
                "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);
        HttpResponse<byte[]> outside = synthesize("<speak>Hi <voice name='en-US-JennyNeural'>there</voice></speak>",
                "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);
        HttpResponse<byte[]> empty = synthesize("<speak><voice name='en-US-JennyNeural'> </voice></speak>",
                "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);
        HttpResponse<byte[]> xxe = synthesize("<?xml version='1.0'?><!DOCTYPE speak [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<speak><voice name='en-US-JennyNeural'>&x;</voice></speak>", "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);

        assertThat(List.of(malformed, unknownVoice, outside, empty, xxe)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
        assertThat(text(malformed)).contains("not well-formed XML (line 1, column");
        assertThat(text(unknownVoice)).contains("Unknown voice 'en-US-NobodyNeural'").contains("ko-KR-SunHiNeural");
        assertThat(text(outside)).contains("outside any <voice>");
        assertThat(text(empty)).contains("no text to speak");
        assertThat(text(xxe)).contains("DOCTYPE").doesNotContain("root:");
    }

    @Test
    void refusesTooMuchSsmlAndALongUserAgent() throws Exception {
        String big = "<speak><voice name='en-US-JennyNeural'>" + "word ".repeat(14_000) + "</voice></speak>";
        HttpResponse<byte[]> tooBig = synthesize(big, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);
        HttpResponse<byte[]> longAgent = synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY,
                "User-Agent", "a".repeat(256));

        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(text(tooBig)).contains("64 KB");
        assertThat(longAgent.statusCode()).isEqualTo(400);
        assertThat(text(longAgent)).contains("User-Agent is 256 characters");
    }

    @Test
    void plannedFaultsComeFirstThenSpeech() throws Exception {
        speech.failNext(1, 429, Duration.ofSeconds(1));

        HttpResponse<byte[]> throttled = synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);
        HttpResponse<byte[]> retried = synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(retried.statusCode()).isEqualTo(200);
        List<SpeechRequest> requests = speech.requests();
        assertThat(requests.subList(requests.size() - 2, requests.size())).extracting(SpeechRequest::status, SpeechRequest::voice)
                .containsExactly(tuple(429, "en-US-JennyNeural"),
                        tuple(200, "en-US-JennyNeural"));
    }

    @Test
    void aResetForgetsPlannedFaultsAndTheRequestsSeen() throws Exception {
        synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);
        speech.failNext(5, 503, null);

        speech.reset();

        assertThat(speech.requests()).isEmpty();
        assertThat(synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY).statusCode()).isEqualTo(200);
        assertThat(speech.requests()).singleElement().extracting(SpeechRequest::status).isEqualTo(200);
    }

    @Test
    void clearedFaultsAreNotAnswered() throws Exception {
        speech.failNext(100, 401, null);
        assertThat(synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY).statusCode()).isEqualTo(401);

        speech.clearFaults();

        assertThat(synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsCanBePlannedOverHttpAndComeAfterTheCredentialsCheck() throws Exception {
        HttpResponse<String> planned = HTTP.send(HttpRequest.newBuilder(uri("/funclab/faults?status=503&count=2"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(uri("/funclab/faults?status=200"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(planned.statusCode()).isEqualTo(204);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(synthesize(JENNY, "riff-16khz-16bit-mono-pcm").statusCode()).as("no key: refused first").isEqualTo(401);
        HttpResponse<byte[]> first = synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).isEmpty();
        assertThat(synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY).statusCode()).isEqualTo(503);
        assertThat(synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void recordsEveryCall() throws Exception {
        int before = speech.requests().size();
        synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", "wrong");
        synthesize(JENNY, "riff-16khz-16bit-mono-pcm", "Ocp-Apim-Subscription-Key", KEY, "User-Agent", "card-bot");

        List<SpeechRequest> requests = speech.requests();
        assertThat(requests).hasSize(before + 2);
        SpeechRequest refused = requests.get(before);
        SpeechRequest spoken = requests.get(before + 1);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.ssml()).as("recorded with what it asked for").isEqualTo(JENNY);
        assertThat(refused.voice()).isEqualTo("en-US-JennyNeural");
        assertThat(refused.headers()).containsEntry("ocp-apim-subscription-key", "wrong");
        assertThat(spoken.status()).isEqualTo(200);
        assertThat(spoken.voice()).isEqualTo("en-US-JennyNeural");
        assertThat(spoken.text()).isEqualTo("The card from Seoul has arrived, and it looks wonderful.");
        assertThat(spoken.ssml()).isEqualTo(JENNY);
        assertThat(spoken.headers()).containsEntry("x-microsoft-outputformat", "riff-16khz-16bit-mono-pcm")
                .containsEntry("user-agent", "card-bot").containsEntry("content-type", "application/ssml+xml");
        assertThat(spoken.at()).isAfterOrEqualTo(refused.at());
        synchronized (log) {
            assertThat(log).anySatisfy(line -> assertThat(line).startsWith("Speech: POST /cognitiveservices/v1 -> 401"))
                    .anySatisfy(line -> assertThat(line).matches("Speech: POST /cognitiveservices/v1 -> 200 \\(en-US-JennyNeural\\), .* s of audio at 16000 Hz"));
        }

        HttpResponse<String> listed = HTTP.send(HttpRequest.newBuilder(uri("/funclab/requests")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = new ObjectMapper().readTree(listed.body());
        assertThat(json.size()).isEqualTo(requests.size());
        JsonNode lastJson = json.get(json.size() - 1);
        assertThat(lastJson.get("status").asInt()).isEqualTo(200);
        assertThat(lastJson.get("voice").asText()).isEqualTo("en-US-JennyNeural");
        assertThat(lastJson.get("headers").get("user-agent").asText()).isEqualTo("card-bot");
    }

    @Test
    void listsVoicesInAzuresShape() throws Exception {
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(uri("/cognitiveservices/voices/list")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/cognitiveservices/voices/list"))
                .header("Ocp-Apim-Subscription-Key", KEY).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode voices = new ObjectMapper().readTree(response.body());
        assertThat(StreamSupport.stream(voices.spliterator(), false).map(v -> v.get("Locale").asText()))
                .contains("ko-KR", "en-US", "en-GB");
        JsonNode sunHi = StreamSupport.stream(voices.spliterator(), false)
                .filter(v -> v.get("ShortName").asText().equals("ko-KR-SunHiNeural")).findFirst().orElseThrow();
        assertThat(iterable(sunHi.fieldNames())).containsExactly("Name", "DisplayName", "LocalName", "ShortName", "Gender",
                "Locale", "LocaleName", "SampleRateHertz", "VoiceType", "Status", "WordsPerMinute");
        assertThat(sunHi.get("Name").asText()).isEqualTo("Microsoft Server Speech Text to Speech Voice (ko-KR, SunHiNeural)");
        assertThat(sunHi.get("Gender").asText()).isEqualTo("Female");
        assertThat(sunHi.get("LocaleName").asText()).isEqualTo("Korean (Korea)");
        assertThat(sunHi.get("SampleRateHertz").isTextual()).isTrue();
        assertThat(sunHi.get("SampleRateHertz").asText()).isEqualTo("24000");
        assertThat(sunHi.get("VoiceType").asText()).isEqualTo("Neural");
    }

    @Test
    void anUnknownPathIs404AndNamesTheEndpoints() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/cognitiveservices/v2")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("POST /cognitiveservices/v1").contains("GET /cognitiveservices/voices/list");
    }

    /** POST /cognitiveservices/v1 with SSML, the output format (unless null) and extra headers as name, value pairs. */
    private static HttpResponse<byte[]> synthesize(String ssml, String format, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/cognitiveservices/v1"))
                .header("Content-Type", "application/ssml+xml").POST(HttpRequest.BodyPublishers.ofString(ssml));
        if (format != null) {
            request.header("X-Microsoft-OutputFormat", format);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(String path) {
        return URI.create(speech.endpoint() + path);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static SpeechRequest last() {
        List<SpeechRequest> requests = speech.requests();
        return requests.get(requests.size() - 1);
    }

    private static <T> List<T> iterable(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
