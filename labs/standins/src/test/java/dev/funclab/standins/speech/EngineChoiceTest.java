package dev.funclab.standins.speech;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineChoiceTest {

    @Test
    void prefersTheProgramOnThePathElseTheWasmBuild() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove(SpeechEngine.ENGINE_VARIABLE);
        boolean installed = EspeakBinary.find(environment).isPresent();

        try (SpeechEngine engine = EngineChoice.choose(environment, line -> { })) {
            assertThat(engine).isInstanceOf(installed ? EspeakBinary.class : EspeakWasm.class);
            assertThat(engine.description()).startsWith("eSpeak NG 1.");
        }
    }

    @Test
    void aForcedProgramThatIsMissingSaysHowToInstallIt() {
        Map<String, String> environment = Map.of(SpeechEngine.ENGINE_VARIABLE, "espeak-ng", "PATH", "/no/such/folder");

        assertThatThrownBy(() -> EngineChoice.choose(environment, line -> { }))
                .isInstanceOf(SpeechEngineException.class)
                .hasMessageContaining("sudo apt-get install espeak-ng")
                .hasMessageContaining(SpeechEngine.ENGINE_VARIABLE + "=wasm");
    }

    @Test
    void anUnknownChoiceNamesTheValidOnes() {
        assertThatThrownBy(() -> EngineChoice.choose(Map.of(SpeechEngine.ENGINE_VARIABLE, "festival"), line -> { }))
                .isInstanceOf(SpeechEngineException.class)
                .hasMessageContaining("'espeak-ng'").hasMessageContaining("'wasm'");
    }

    @Test
    void readsTheNodeMajorVersion() {
        assertThat(EngineChoice.major("v20.20.2")).isEqualTo(20);
        assertThat(EngineChoice.major("v18.0.0")).isEqualTo(18);
        assertThat(EngineChoice.major("nonsense")).isZero();
    }
}
