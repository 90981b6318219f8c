package dev.funclab.standins.speech;

import dev.funclab.azurite.Probes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * eSpeak NG installed as a program ({@code apt-get install espeak-ng}): one process per call. The
 * text goes in on stdin, never as an argument, so a text that starts with '-' is spoken, not parsed.
 */
final class EspeakBinary implements SpeechEngine {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern VERSION = Pattern.compile("text-to-speech:\\s*(\\S+)");
    /** Reads the output streams while the caller writes the text: a long text would fill both pipes otherwise. */
    private static final ExecutorService PUMPS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "espeak-ng-output");
        thread.setDaemon(true);
        return thread;
    });

    private final Path executable;
    private final String version;

    EspeakBinary(Path executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /** The {@code espeak-ng} on the PATH of {@code environment}, if there is one and it answers {@code --version}. */
    static Optional<EspeakBinary> find(Map<String, String> environment) {
        String name = System.getProperty("os.name").startsWith("Windows") ? "espeak-ng.exe" : "espeak-ng";
        String path = environment.getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = folder.isBlank() ? null : Path.of(folder).resolve(name);
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return version(candidate).map(version -> new EspeakBinary(candidate, version));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> version(Path executable) {
        return Probes.Commands.output(List.of(executable.toString(), "--version")).map(output -> {
            Matcher matcher = VERSION.matcher(output);
            return matcher.find() ? matcher.group(1) : "unknown";
        });
    }

    @Override
    public byte[] synthesize(String text, String espeakVoice) {
        // -b 1: the input is UTF-8; --stdout: the WAV goes to stdout (its header gives no length,
        // which javax.sound copes with: it reads to the end).
        Process process;
        try {
            process = new ProcessBuilder(executable.toString(), "-v", espeakVoice, "-b", "1", "--stdout").start();
        } catch (IOException e) {
            throw new SpeechEngineException("Could not start " + executable + ": " + e.getMessage(), e);
        }
        try {
            CompletableFuture<byte[]> audio = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), PUMPS);
            CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), PUMPS);
            try (OutputStream in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // espeak-ng ended before reading everything; its exit status and stderr tell why
            }
            if (!process.waitFor(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new SpeechEngineException("espeak-ng took over " + CALL_TIMEOUT.toSeconds() + " s to speak "
                        + text.length() + " characters with voice '" + espeakVoice + "'; it was stopped. Send less text.");
            }
            byte[] wav = audio.get(10, TimeUnit.SECONDS);
            String stderr = new String(errors.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0 || wav.length == 0) {
                throw new SpeechEngineException("espeak-ng failed (exit " + process.exitValue() + ") with voice '"
                        + espeakVoice + "': " + (stderr.isEmpty() ? "no audio and no message" : stderr));
            }
            return wav;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechEngineException("Interrupted while espeak-ng was speaking", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new SpeechEngineException("Could not read the output of espeak-ng: " + e.getMessage(), e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    @Override
    public String description() {
        return "eSpeak NG " + version + " (" + executable + ")";
    }

    @Override
    public void close() {
        // nothing runs between calls
    }
}
