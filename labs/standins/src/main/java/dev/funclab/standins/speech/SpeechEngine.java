package dev.funclab.standins.speech;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Turns text into speech: eSpeak NG, as a program on the PATH or as the npm WebAssembly build.
 * Implementations are safe to call from several threads.
 */
public interface SpeechEngine extends AutoCloseable {

    /** The variable that picks an engine: {@value}. */
    String ENGINE_VARIABLE = "FUNCLAB_SPEECH_ENGINE";

    /**
     * Installs eSpeak NG's WASM build into {@code cache} now, so that it later speaks without the npm
     * registry ({@code scripts/prepare}); returns its version.
     */
    static String installWasm(Path cache, Consumer<String> log) {
        return EspeakWasm.install(cache, log);
    }

    /**
     * The engine of this JVM, made on first use and shared: {@code espeak-ng} on the PATH, else the npm
     * WebAssembly build run by Node.js (installed into the kit's cache on first use). Set
     * {@value #ENGINE_VARIABLE} to {@code espeak-ng} or {@code wasm} to force one. Closing the returned
     * engine does nothing: it lives as long as the JVM.
     *
     * @param log receives which engine is used, and install progress
     * @throws SpeechEngineException when no engine can run here; the message says what to install
     */
    static SpeechEngine shared(Consumer<String> log) {
        return EngineChoice.shared(log);
    }

    /**
     * {@link #shared} once the first text is to be spoken, not before: for stand-ins that may never be
     * asked to speak (tests of a webhook). A machine with no engine then fails only the calls that speak.
     */
    static SpeechEngine sharedOnFirstUse(Consumer<String> log) {
        return new FirstUseEngine(() -> shared(log));
    }

    /**
     * Speaks {@code text}.
     *
     * @param espeakVoice an eSpeak NG voice, with a variant if wanted: {@code ko}, {@code en-us}, {@code en-gb+f3}
     * @return a RIFF WAVE file, PCM 16-bit mono, at the engine's own rate (eSpeak NG: 22,050 Hz)
     * @throws SpeechEngineException when the engine fails, with its reason
     */
    byte[] synthesize(String text, String espeakVoice);

    /** What speaks, for logs: {@code eSpeak NG 1.51 (/usr/bin/espeak-ng)}. */
    String description();

    @Override
    void close();
}
