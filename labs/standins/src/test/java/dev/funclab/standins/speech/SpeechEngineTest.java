package dev.funclab.standins.speech;

import dev.funclab.azurite.Azurite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both eSpeak NG engines, made directly (not through {@link SpeechEngine#shared}), speaking real text. */
class SpeechEngineTest {

    private static SpeechEngine binary;
    private static SpeechEngine wasm;

    /** CI sets it, so that the program engine is always tested there; elsewhere its tests need espeak-ng installed. */
    static final String REQUIRE_PROGRAM = "FUNCLAB_REQUIRE_ESPEAK_NG";

    @BeforeAll
    static void start() {
        binary = EspeakBinary.find(System.getenv()).orElse(null);
        if (binary == null && System.getenv(REQUIRE_PROGRAM) != null) {
            throw new AssertionError("espeak-ng is not on the PATH, and " + REQUIRE_PROGRAM + " asks for its tests; install it "
                    + "(Debian/Ubuntu: sudo apt-get install espeak-ng)");
        }
        wasm = EspeakWasm.start(Azurite.cacheFolder(System.getenv()), System.out::println);
    }

    @AfterAll
    static void stop() {
        if (wasm != null) {
            wasm.close();
        }
    }

    static List<SpeechEngine> engines() {
        return binary == null ? List.of(wasm) : List.of(binary, wasm);
    }

    @ParameterizedTest(autoCloseArguments = false) // the engines live for the whole class
    @MethodSource("engines")
    void speaksKoreanAndEnglishAsRiffWave(SpeechEngine engine) throws Exception {
        for (String[] sample : new String[][]{{"안녕하세요. 만나서 반갑습니다.", "ko"}, {"Hello, nice to meet you.", "en-us"}}) {
            byte[] wav = engine.synthesize(sample[0], sample[1]);

            assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
            Audio audio = Audio.of(wav);
            assertThat(audio.isPcm16Mono()).as("16-bit mono PCM: %s", audio.format()).isTrue();
            assertThat(audio.format().getSampleRate()).isEqualTo(22050f);
            assertThat(audio.seconds()).as("%s in %s", sample[1], engine.description()).isGreaterThan(0.8);
        }
    }

    @ParameterizedTest(autoCloseArguments = false) // the engines live for the whole class
    @MethodSource("engines")
    void longerTextGivesLongerAudio(SpeechEngine engine) throws Exception {
        double shortOne = Audio.of(engine.synthesize("Hello.", "en-us")).seconds();
        double longOne = Audio.of(engine.synthesize("Hello. This sentence is a good deal longer than the first one, "
                + "so it takes several seconds to say.", "en-us")).seconds();
        double korean = Audio.of(engine.synthesize("안녕하세요. 이 문장은 첫 번째 문장보다 훨씬 길어서 말하는 데 몇 초가 걸립니다.", "ko")).seconds();

        assertThat(longOne).isGreaterThan(shortOne * 3);
        assertThat(korean).isGreaterThan(shortOne * 3);
    }

    @ParameterizedTest(autoCloseArguments = false) // the engines live for the whole class
    @MethodSource("engines")
    void speaksTextThatStartsWithADash(SpeechEngine engine) throws Exception {
        double dashed = Audio.of(engine.synthesize("-v xx --help me say this sentence", "en-us")).seconds();
        double plain = Audio.of(engine.synthesize("v xx help me say this sentence", "en-us")).seconds();

        assertThat(dashed).as("spoken, not taken for options").isGreaterThan(plain * 0.7);
    }

    @ParameterizedTest(autoCloseArguments = false) // the engines live for the whole class
    @MethodSource("engines")
    void speaksEveryVoiceOfTheStandIn(SpeechEngine engine) throws Exception {
        for (Voice voice : Voices.all()) {
            Audio audio = Audio.of(engine.synthesize("Test.", voice.espeakVoice()));
            assertThat(audio.seconds()).as(voice.espeakVoice()).isGreaterThan(0.2);
        }
    }

    @ParameterizedTest(autoCloseArguments = false) // the engines live for the whole class
    @MethodSource("engines")
    void anUnknownVoiceFailsWithEspeaksReason(SpeechEngine engine) {
        assertThatThrownBy(() -> engine.synthesize("Hello", "zz"))
                .isInstanceOf(SpeechEngineException.class)
                .hasMessageContaining("voice does not exist");
    }

    @Test
    void describesEachEngine() {
        if (binary != null) {
            assertThat(binary.description()).matches("eSpeak NG \\S+ \\(.*espeak-ng.*\\)");
        }
        assertThat(wasm.description()).startsWith("eSpeak NG ").contains("WASM from npm espeak-ng 1.0.2").contains("node v");
    }

    @Test
    void theWasmWorkerAnswersCallsFromSeveralThreads() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Double>> calls = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> seconds(wasm.synthesize("Call " + "number ".repeat(i) + i, "en-us")), threads))
                    .toList();
            List<Double> lengths = calls.stream().map(CompletableFuture::join).toList();

            assertThat(lengths).allSatisfy(seconds -> assertThat(seconds).isGreaterThan(0.3));
            assertThat(lengths.get(7)).as("each answer went to its own caller").isGreaterThan(lengths.get(0));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aKilledWasmWorkerIsStartedAgain() throws Exception {
        wasm.synthesize("warm up", "en-us");
        List<ProcessHandle> workers = ProcessHandle.current().children()
                .filter(process -> process.info().commandLine().orElse("").contains("espeak-worker.mjs")).toList();
        assertThat(workers).isNotEmpty();

        for (ProcessHandle worker : workers) {
            worker.destroyForcibly();
            worker.onExit().get(20, TimeUnit.SECONDS);
        }

        assertThat(Audio.of(wasm.synthesize("Still here.", "en-us")).seconds()).isGreaterThan(0.3);
    }

    private static double seconds(byte[] wav) {
        try {
            return Audio.of(wav).seconds();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
