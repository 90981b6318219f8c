package dev.funclab.standins.speech;

import java.util.function.Supplier;

/**
 * An engine made when it is first asked to speak: a stand-in that is never asked needs no engine
 * installed, and one that cannot make it answers each call with the reason instead.
 */
final class FirstUseEngine implements SpeechEngine {

    private final Supplier<SpeechEngine> maker;
    private SpeechEngine engine;

    FirstUseEngine(Supplier<SpeechEngine> maker) {
        this.maker = maker;
    }

    private synchronized SpeechEngine engine() {
        if (engine == null) {
            engine = maker.get();
        }
        return engine;
    }

    @Override
    public byte[] synthesize(String text, String espeakVoice) {
        return engine().synthesize(text, espeakVoice);
    }

    @Override
    public synchronized String description() {
        return engine == null ? "eSpeak NG (chosen on the first call)" : engine.description();
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
