package dev.funclab.standins;

import dev.funclab.azurite.Azurite;
import dev.funclab.azurite.Probes;
import dev.funclab.standins.speech.SpeechEngine;
import dev.funclab.standins.speech.SpeechEngineException;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code prepare-speech}: installs eSpeak NG's WASM build into the kit's cache now, so that Lab 4 later
 * speaks without the npm registry. Nothing to do where the {@code espeak-ng} program is installed.
 */
@Command(name = "prepare-speech", mixinStandardHelpOptions = true,
        description = "Installs what the Speech stand-in speaks with, for working offline later.")
final class PrepareSpeechCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        var environment = System.getenv();
        try {
            String version = SpeechEngine.installWasm(Azurite.cacheFolder(environment), System.out::println);
            System.out.println("eSpeak NG (WASM) " + version + " is in " + Azurite.cacheFolder(environment)
                    + (Probes.Commands.output(List.of("espeak-ng", "--version")).isPresent()
                            ? "; the espeak-ng program is installed too, and is used first." : "."));
            return 0;
        } catch (SpeechEngineException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
