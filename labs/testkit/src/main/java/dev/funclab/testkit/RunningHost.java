package dev.funclab.testkit;

import dev.funclab.runtime.Main;
import dev.funclab.runtime.app.LocalSettings;
import dev.funclab.runtime.app.StorageUse;
import dev.funclab.runtime.http.FunctionKeys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function host of a lab, running in its own process as {@code scripts/run} would start it,
 * so that nothing a function does (an endless loop, {@code System.exit}) can take the tests down.
 * Its console is kept for assertions and written to {@code target/host-logs/}.
 */
public final class RunningHost implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String LISTENING = "Listening on ";
    private static final int MAX_LINES = 20_000;
    private static final int MAX_LINE = 4_000;
    /** All kept lines together: a few MB per host, however many hosts a grader runs at once. */
    private static final long MAX_CONSOLE_CHARS = 4_000_000;
    private static final long MAX_LOG_BYTES = 20_000_000;
    private static final Pattern EXECUTING = Pattern.compile("Executing 'Functions\\.([^']+)' \\(Reason='(.*)', Id=([0-9a-f-]+)\\)");

    private final Process process;
    private final URI baseUri;
    private final FunctionKeys keys;
    private final List<String> console;
    private final Path logFile;

    private RunningHost(Process process, URI baseUri, FunctionKeys keys, List<String> console, Path logFile) {
        this.process = process;
        this.baseUri = baseUri;
        this.keys = keys;
        this.console = console;
        this.logFile = logFile;
    }

    /** Starts the host for {@code module} with the test JVM's storage and waits until it listens. */
    public static RunningHost start(LabModule module, String name) {
        return start(module, name, Optional.empty());
    }

    /**
     * Starts the host for {@code module} and waits until it listens.
     *
     * @param storage a storage connection string for the host; when empty, the test JVM's own
     *                Azurite, started only if the app's functions use storage
     */
    public static RunningHost start(LabModule module, String name, Optional<String> storage) {
        FunctionKeys keys = FunctionKeys.generate();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A test's host lives for seconds: the quick compiler alone and one GC thread spend
                // far less CPU than the defaults, which matters when a class is graded at once.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(),
                "--port", "0", "--key", keys.functionKey(), "--master-key", keys.masterKey(), "--exit-with-parent",
                module.folder().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // App settings reach the functions as environment variables, as in Azure.
        LocalSettings.read(module.folder().resolve("local.settings.json")).values().forEach(builder.environment()::putIfAbsent);
        // Storage of this run's own, so that parallel runs never meet. A given storage is used as it is:
        // the grader names one, and must not load a submission's classes to find out whether it is needed.
        Optional<String> connection = storage.isPresent() ? storage
                : StorageUse.of(module.folder()) ? Optional.of(LabStorage.shared().connectionString()) : Optional.empty();
        connection.ifPresent(value -> builder.environment().put("AzureWebJobsStorage", value));

        Path logFile = module.target().resolve("host-logs").resolve(name + ".log");
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        Process process;
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the function host: " + e.getMessage(), e);
        }
        Thread reader = new Thread(() -> pump(process, console, logFile), "host-console-" + name);
        reader.setDaemon(true);
        reader.start();

        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            for (String line : snapshot(console)) {
                if (line.startsWith(LISTENING)) {
                    return new RunningHost(process, URI.create(line.substring(LISTENING.length()).trim()), keys, console, logFile);
                }
            }
            if (!process.isAlive() && !reader.isAlive()) {
                break;
            }
            sleepBriefly();
        }
        process.destroyForcibly();
        throw new HostStartException("The function host did not start for " + module.folder() + ".\n"
                + "Its output was:\n  " + String.join("\n  ", snapshot(console))
                + "\nFix what it names, then run the tests again (you can also try: scripts/run " + module.lab() + ").");
    }

    /**
     * Copies the host's output to the console list and the log file, within bounds: a function that
     * floods its log must not exhaust the test JVM's memory or the disk.
     */
    private static void pump(Process process, List<String> console, Path logFile) {
        long written = 0;
        long chars = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String kept = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " ...(cut)" : line;
                synchronized (console) {
                    chars += kept.length();
                    while (!console.isEmpty() && (console.size() >= MAX_LINES || chars > MAX_CONSOLE_CHARS)) {
                        // keep the newest lines, dropping the oldest tenth at a time
                        List<String> oldest = console.subList(0, Math.max(1, console.size() / 10));
                        chars -= oldest.stream().mapToLong(String::length).sum();
                        oldest.clear();
                    }
                    console.add(kept);
                }
                if (written < MAX_LOG_BYTES) {
                    log.println(kept);
                    log.flush();
                    written += kept.length() + 1;
                    if (written >= MAX_LOG_BYTES) {
                        log.println("(host log cut at " + MAX_LOG_BYTES / 1_000_000 + " MB)");
                    }
                }
            }
        } catch (IOException e) {
            console.add("(host console closed: " + e.getMessage() + ")");
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the host", e);
        }
    }

    /** {@code http://localhost:<port>/} */
    public URI baseUri() {
        return baseUri;
    }

    public FunctionKeys keys() {
        return keys;
    }

    /** Every line the host has printed so far (the newest 20,000 when it printed more). */
    public List<String> console() {
        return snapshot(console);
    }

    private static List<String> snapshot(List<String> console) {
        synchronized (console) {
            return new ArrayList<>(console);
        }
    }

    /**
     * Waits until the host has finished a call whose reason or trigger details mention {@code text}
     * (a blob path, {@code MessageId: <id>}) and tells how it went. Fails after the deadline.
     */
    public FinishedInvocation awaitInvocation(String text, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            Optional<FinishedInvocation> finished = findFinished(text);
            if (finished.isPresent()) {
                return finished.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("The host stopped before any function ran for " + text + ". Host log: " + logFile);
            }
            sleepBriefly();
        }
        throw new AssertionError("No function ran for " + text + " within " + deadline.toSeconds() + " s. Is the trigger "
                + "(path, queue name, connection) right? Host log: " + logFile);
    }

    private Optional<FinishedInvocation> findFinished(String text) {
        List<String> lines = console();
        for (int i = 0; i < lines.size(); i++) {
            Matcher executing = EXECUTING.matcher(lines.get(i));
            if (!executing.find()) {
                continue;
            }
            boolean details = i + 1 < lines.size() && lines.get(i + 1).startsWith("Trigger Details: ") && lines.get(i + 1).contains(text);
            if (!executing.group(2).contains(text) && !details) {
                continue;
            }
            String function = executing.group(1);
            String id = executing.group(3);
            List<String> logged = new ArrayList<>();
            for (int j = i + 1; j < lines.size(); j++) {
                String line = lines.get(j);
                if (line.contains("Executed 'Functions." + function + "' (") && line.contains("Id=" + id)) {
                    boolean succeeded = line.contains("(Succeeded");
                    String error = succeeded ? "" : errorFor(lines, j, id);
                    return Optional.of(new FinishedInvocation(function, executing.group(2), succeeded, error, logged));
                }
                if (!line.contains("Executing '") && !line.contains("Executed '")) {
                    logged.add(line);
                }
            }
        }
        return Optional.empty();
    }

    private static String errorFor(List<String> lines, int from, String id) {
        for (int k = from; k < lines.size(); k++) {
            if (lines.get(k).contains("(Id=" + id + ")") && k + 1 < lines.size()) {
                return lines.get(k + 1).strip();
            }
        }
        return "see the host log";
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        // Processes a function started would outlive the host (and pile up while a class is graded).
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** The host refused to start; the message carries its output. */
    public static final class HostStartException extends RuntimeException {
        HostStartException(String message) {
            super(message);
        }
    }
}
