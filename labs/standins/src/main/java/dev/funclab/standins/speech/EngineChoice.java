package dev.funclab.standins.speech;

import dev.funclab.azurite.Azurite;
import dev.funclab.azurite.Probes;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which eSpeak NG speaks in this JVM: the program on the PATH if there is one (fast, nothing to
 * install), else the npm WebAssembly build under Node.js, unless {@value SpeechEngine#ENGINE_VARIABLE}
 * says which. Made once, on first use, and shared: the WebAssembly worker is worth keeping.
 */
final class EngineChoice {

    static final String BINARY = "espeak-ng";
    static final String WASM = "wasm";
    private static final String INSTALL = "Install one: the program (Debian/Ubuntu: sudo apt-get install espeak-ng; "
            + "macOS: brew install espeak-ng), or Node.js 18 or newer with npm (Debian/Ubuntu: sudo apt-get install "
            + "nodejs npm), which runs the npm build of eSpeak NG.";

    private static SpeechEngine shared; // guarded by EngineChoice.class

    private EngineChoice() {
    }

    static synchronized SpeechEngine shared(Consumer<String> log) {
        if (shared == null) {
            SpeechEngine engine = choose(System.getenv(), log);
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "speech-engine-stop"));
            log.accept("Speech: " + engine.description());
            shared = new Shared(engine);
        }
        return shared;
    }

    /** A new engine as {@code environment} asks ({@value SpeechEngine#ENGINE_VARIABLE}, {@code PATH}, {@code FUNCLAB_CACHE}). */
    static SpeechEngine choose(Map<String, String> environment, Consumer<String> log) {
        String forced = environment.getOrDefault(SpeechEngine.ENGINE_VARIABLE, "").trim();
        if (forced.equalsIgnoreCase(BINARY)) {
            return EspeakBinary.find(environment).orElseThrow(() -> new SpeechEngineException(SpeechEngine.ENGINE_VARIABLE
                    + "=" + forced + " asks for the espeak-ng program, but no espeak-ng on the PATH answers "
                    + "'espeak-ng --version'. Install it (Debian/Ubuntu: sudo apt-get install espeak-ng; macOS: brew "
                    + "install espeak-ng), or set " + SpeechEngine.ENGINE_VARIABLE + "=" + WASM + " to use Node.js instead."));
        }
        if (forced.equalsIgnoreCase(WASM)) {
            requireNode(environment, SpeechEngine.ENGINE_VARIABLE + "=" + forced + " asks for the npm build of eSpeak NG, "
                    + "which runs on Node.js, but node and npm do not both run here. Install Node.js 18 or newer with npm "
                    + "(Debian/Ubuntu: sudo apt-get install nodejs npm), or unset " + SpeechEngine.ENGINE_VARIABLE + ".");
            return EspeakWasm.start(Azurite.cacheFolder(environment), log);
        }
        if (!forced.isEmpty()) {
            throw new SpeechEngineException(SpeechEngine.ENGINE_VARIABLE + " is '" + forced + "'; use '" + BINARY
                    + "' (the program on the PATH) or '" + WASM + "' (the npm build, run by Node.js), or unset it to let "
                    + "the kit choose.");
        }
        Optional<EspeakBinary> binary = EspeakBinary.find(environment);
        if (binary.isPresent()) {
            return binary.get();
        }
        requireNode(environment, "No speech engine is installed: there is no espeak-ng on the PATH, and node and npm "
                + "do not both run. " + INSTALL);
        return EspeakWasm.start(Azurite.cacheFolder(environment), log);
    }

    private static void requireNode(Map<String, String> environment, String otherwise) {
        Optional<String> version = Probes.system(environment).nodeVersion();
        if (version.isEmpty()) {
            throw new SpeechEngineException(otherwise);
        }
        int major = major(version.get());
        if (major < 18) {
            throw new SpeechEngineException("Node.js " + version.get() + " is too old for the npm build of eSpeak NG; "
                    + "it needs 18 or newer. " + INSTALL);
        }
    }

    /** 20 for "v20.20.2"; 0 when it cannot tell. */
    static int major(String nodeVersion) {
        try {
            return Integer.parseInt(nodeVersion.replaceFirst("^v", "").split("\\.")[0].trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The shared engine as callers see it: closing it does nothing, a shutdown hook stops it. */
    private record Shared(SpeechEngine engine) implements SpeechEngine {
        @Override
        public byte[] synthesize(String text, String espeakVoice) {
            return engine.synthesize(text, espeakVoice);
        }

        @Override
        public String description() {
            return engine.description();
        }

        @Override
        public void close() {
            // shared by the whole JVM
        }
    }
}
