package dev.funclab.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the quick start leaves to the full command line, which explains a problem or treats a special case
 * (a plain start through it is served in {@link CommandLineTest}).
 */
class QuickRelaunchTest {

    @TempDir
    Path app;

    private void settings(String json) throws Exception {
        Files.writeString(app.resolve("local.settings.json"), json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--debug", "--help", "--exit-with-parent", "--verbose", "--debug=5006", "second-app"})
    void aCommandLineWithAnythingButThePlainOptionsIsLeftToTheFullParser(String extra) throws Exception {
        settings("{\"Values\": {\"FUNCLAB_QUICK_TEST_SETTING\": \"x\"}}");
        assertThat(QuickRelaunch.run(new String[]{"--watch", "--port", "0", app.toString(), extra})).isNull();
    }

    @Test
    void aSettingsFileItCannotReadPlainlyIsLeftToTheFullParser() throws Exception {
        settings("{\"Values\": {\"FUNCLAB_QUICK_TEST_SETTING\": {\"nested\": 1}}}");
        assertThat(QuickRelaunch.run(new String[]{app.toString()})).isNull();
        settings("{\"Values\": {\"FUNCLAB_QUICK_TEST_SETTING\": 1.5}}");
        assertThat(QuickRelaunch.run(new String[]{app.toString()})).isNull();
        settings("not json");
        assertThat(QuickRelaunch.run(new String[]{app.toString()})).isNull();
    }

    @Test
    void anAppWithoutSettingsOrWithEveryOneInTheEnvironmentNeedsNoChild() throws Exception {
        assertThat(QuickRelaunch.run(new String[]{app.toString()})).isNull();
        settings("{\"Values\": {\"PATH\": \"already set\"}}");
        assertThat(QuickRelaunch.run(new String[]{"--key", "-Vk1", app.toString()})).isNull();
    }
}
