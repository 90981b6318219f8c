package dev.funclab.standins.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funclab.azurite.NpmPackage;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * eSpeak NG compiled to WebAssembly (npm {@code espeak-ng}, pinned in {@code npm/package-lock.json}),
 * installed into the kit's cache on first use like Azurite. One long-running Node.js worker
 * ({@code espeak-worker.mjs}) compiles the module once and speaks one request after another; it
 * stops with the JVM, even a killed one ({@code exit-with-parent.js}). A worker that died is
 * started again once; a call that takes too long stops it.
 */
final class EspeakWasm implements SpeechEngine {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String RESOURCES = "/dev/funclab/standins/speech/";
    private static final String WORKER_SCRIPT = "espeak-worker.mjs";
    private static final NpmPackage PACKAGE = NpmPackage.fromResources(EspeakWasm.class, RESOURCES + "npm/",
            "eSpeak NG (WebAssembly)", "espeak-ng", "node_modules/espeak-ng/dist/espeak-ng.wasm", "about 20 MB, a few seconds");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final Consumer<String> log;
    private Worker worker; // guarded by this
    private boolean closed; // guarded by this
    private String description; // guarded by this; set when a worker starts (it tells the eSpeak NG version)

    private EspeakWasm(Path home, Consumer<String> log) {
        this.home = home;
        this.log = log;
    }

    /**
     * Installs the package into {@code cache} if it is not there yet, without starting it: what a
     * classroom prepared for working offline needs ({@code scripts/prepare}).
     *
     * @return the version installed
     */
    static String install(Path cache, Consumer<String> log) {
        try {
            PACKAGE.install(cache, log);
            return PACKAGE.version();
        } catch (NpmPackage.InstallException e) {
            throw new SpeechEngineException(e.getMessage(), e);
        }
    }

    /**
     * Installs the package into {@code cache} if needed and starts the worker.
     *
     * @throws SpeechEngineException when npm cannot install it or Node.js cannot run it
     */
    static EspeakWasm start(Path cache, Consumer<String> log) {
        Path home;
        try {
            home = PACKAGE.install(cache, log);
            NpmPackage.exitWithParent(home);
            NpmPackage.writeScript(home, WORKER_SCRIPT, resource(WORKER_SCRIPT));
        } catch (NpmPackage.InstallException e) {
            throw new SpeechEngineException(e.getMessage(), e);
        }
        EspeakWasm engine = new EspeakWasm(home, log);
        engine.worker(); // start now: a machine that cannot run it should say so at once
        return engine;
    }

    @Override
    public byte[] synthesize(String text, String espeakVoice) {
        Worker current = worker();
        try {
            return current.speak(text, espeakVoice);
        } catch (WorkerDied died) {
            log.accept("The eSpeak NG worker stopped (" + died.getMessage() + "); starting it again.");
            Worker again = restart(current);
            try {
                return again.speak(text, espeakVoice);
            } catch (WorkerDied twice) {
                throw new SpeechEngineException("The eSpeak NG worker (node " + home.resolve(WORKER_SCRIPT)
                        + ") stopped twice while speaking " + text.length() + " characters with voice '" + espeakVoice
                        + "': " + twice.getMessage(), twice);
            }
        }
    }

    private synchronized Worker worker() {
        if (closed) {
            throw new SpeechEngineException("This eSpeak NG engine is closed.");
        }
        if (worker == null || worker.dead) {
            worker = Worker.start(home);
            description = "eSpeak NG " + worker.version + " WASM from npm espeak-ng " + PACKAGE.version() + " (node "
                    + worker.node + ")";
        }
        return worker;
    }

    /** A new worker in place of {@code failed}, unless another thread has already made one. */
    private synchronized Worker restart(Worker failed) {
        if (worker == failed) {
            failed.stop();
            worker = null;
        }
        return worker();
    }

    @Override
    public synchronized String description() {
        return description;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (worker != null) {
            worker.stop();
            worker = null;
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = EspeakWasm.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The worker ended (or could not be written to); the message gives its exit status and last words. */
    private static final class WorkerDied extends RuntimeException {
        WorkerDied(String message) {
            super(message, null, false, false);
        }
    }

    /** One Node.js process and the calls waiting for its answers, matched by id. */
    private static final class Worker {
        private final Process process;
        private final Writer requests;
        private final Map<Long, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
        private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
        private final Deque<String> errorLines = new ArrayDeque<>(); // guarded by itself
        private final AtomicLong ids = new AtomicLong();
        private volatile boolean dead;
        private String version = "unknown";
        private String node = "";

        private Worker(Process process) {
            this.process = process;
            this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(),
                    StandardCharsets.UTF_8));
        }

        static Worker start(Path home) {
            Process process;
            try {
                process = new ProcessBuilder("node", "--require", home.resolve("exit-with-parent.js").toString(),
                        home.resolve(WORKER_SCRIPT).toString()).directory(home.toFile()).start();
            } catch (IOException e) {
                throw new SpeechEngineException("Could not start node for eSpeak NG: " + e.getMessage()
                        + ". Install Node.js 18 or newer (Debian/Ubuntu: sudo apt-get install nodejs npm), "
                        + "or install the program instead: sudo apt-get install espeak-ng", e);
            }
            Worker worker = new Worker(process);
            daemon(worker::readAnswers, "espeak-wasm-answers").start();
            daemon(worker::readErrors, "espeak-wasm-errors").start();
            try {
                JsonNode hello = worker.ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                worker.version = hello.path("version").asText("unknown");
                worker.node = hello.path("node").asText("");
                return worker;
            } catch (ExecutionException | TimeoutException e) {
                worker.stop();
                String reason = e instanceof TimeoutException ? "it did not say it was ready within "
                        + START_TIMEOUT.toSeconds() + " s" : e.getCause().getMessage();
                throw new SpeechEngineException("The eSpeak NG worker (node " + home.resolve(WORKER_SCRIPT)
                        + ") did not start: " + reason + ". Check that Node.js is 18 or newer (node --version).", e);
            } catch (InterruptedException e) {
                worker.stop();
                Thread.currentThread().interrupt();
                throw new SpeechEngineException("Interrupted while starting the eSpeak NG worker", e);
            }
        }

        byte[] speak(String text, String voice) {
            long id = ids.incrementAndGet();
            CompletableFuture<byte[]> answer = new CompletableFuture<>();
            pending.put(id, answer);
            // The reader marks the worker dead before failing what is pending: one of the two sees the other.
            if (dead) {
                pending.remove(id);
                throw new WorkerDied(lastWords());
            }
            try {
                String line = JSON.writeValueAsString(Map.of("id", id, "voice", voice, "text", text));
                synchronized (requests) {
                    requests.write(line);
                    requests.write('\n');
                    requests.flush();
                }
                return answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new WorkerDied("could not send it the text: " + e.getMessage() + "; " + lastWords());
            } catch (TimeoutException e) {
                stop(); // it may be stuck on this text; the next call starts a fresh worker
                throw new SpeechEngineException("eSpeak NG (WebAssembly) took over " + CALL_TIMEOUT.toSeconds()
                        + " s to speak " + text.length() + " characters with voice '" + voice + "'; it was stopped. Send less text.");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new SpeechEngineException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SpeechEngineException("Interrupted while eSpeak NG was speaking", e);
            } finally {
                pending.remove(id);
            }
        }

        private void readAnswers() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    answer(line);
                }
            } catch (IOException ignored) {
                // the process ended: handled below
            }
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dead = true;
            WorkerDied died = new WorkerDied(lastWords());
            ready.completeExceptionally(died);
            pending.values().forEach(call -> call.completeExceptionally(died));
        }

        private void answer(String line) {
            JsonNode message;
            try {
                message = JSON.readTree(line);
            } catch (IOException notJson) {
                remember("(stdout) " + line);
                return;
            }
            if (message.path("ready").asBoolean(false)) {
                ready.complete(message);
                return;
            }
            CompletableFuture<byte[]> call = pending.get(message.path("id").asLong(-1));
            if (call == null) {
                remember("(stdout) " + (line.length() > 200 ? line.substring(0, 200) + "..." : line));
            } else if (message.hasNonNull("wav")) {
                call.complete(Base64.getDecoder().decode(message.get("wav").asText()));
            } else {
                call.completeExceptionally(new SpeechEngineException("eSpeak NG (WebAssembly) failed: "
                        + message.path("error").asText("no audio and no reason")));
            }
        }

        private void readErrors() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    remember(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }

        private void remember(String line) {
            synchronized (errorLines) {
                errorLines.addLast(line);
                while (errorLines.size() > 20) {
                    errorLines.removeFirst();
                }
            }
        }

        private String lastWords() {
            String exit = process.isAlive() ? "still running" : "exit " + process.exitValue();
            synchronized (errorLines) {
                return errorLines.isEmpty() ? exit + ", no output" : exit + ", its last output:\n  " + String.join("\n  ", errorLines);
            }
        }

        void stop() {
            dead = true;
            try {
                requests.close(); // the worker exits when its stdin closes
            } catch (IOException ignored) {
                // already gone
            }
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private static Thread daemon(Runnable task, String name) {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        }
    }
}
