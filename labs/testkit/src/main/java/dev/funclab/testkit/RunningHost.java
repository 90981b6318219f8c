package dev.funclab.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.HostJvmArchive;
import dev.funclab.runtime.Main;
import dev.funclab.runtime.app.LocalSettings;
import dev.funclab.runtime.app.StorageUse;
import dev.funclab.runtime.convert.Json;
import dev.funclab.runtime.http.FunctionKeys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
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
    private final Console console;
    /** The archive this JVM writes when it exits, or null when it writes none. */
    private final HostJvmArchive archive;
    private final Launch launch;

    private RunningHost(Process process, URI baseUri, FunctionKeys keys, Console console, HostJvmArchive archive, Launch launch) {
        this.process = process;
        this.archive = archive;
        this.baseUri = baseUri;
        this.keys = keys;
        this.console = console;
        this.launch = launch;
    }

    /**
     * What a host is started with besides its app's classes: the environment its functions see, the app's host.json
     * and local.settings.json. Two test classes whose hosts' launches are equal can share one warm host ({@link HostPool}).
     */
    record Launch(Map<String, String> environment, String hostJson, String localSettings) {

        static Launch of(LabModule module, Map<String, String> environment) {
            return new Launch(Map.copyOf(environment), read(module.folder().resolve("host.json")),
                    read(module.folder().resolve("local.settings.json")));
        }

        private static String read(Path file) {
            try {
                return Files.isRegularFile(file) ? Files.readString(file) : "";
            } catch (IOException e) {
                return "unreadable: " + e.getMessage(); // then no warm host matches, and a new one says what is wrong
            }
        }
    }

    /** Starts the host for {@code module} with the test JVM's storage and waits until it listens. */
    public static RunningHost start(LabModule module, String name) {
        return start(module, name, Optional.empty(), Map.of());
    }

    /**
     * Starts the host for {@code module} and waits until it listens.
     *
     * @param storage     a storage connection string for the host; when empty, the test JVM's own
     *                    Azurite, started only if the app's functions use storage
     * @param appSettings settings over those of {@code local.settings.json}, such as the stand-ins' addresses;
     *                    a {@code null} value removes one
     */
    public static RunningHost start(LabModule module, String name, Optional<String> storage, Map<String, String> appSettings) {
        return start(module, name, environment(module, storage, appSettings));
    }

    /**
     * The environment of the host for {@code module}: this JVM's, with the app's local.settings.json values (app
     * settings reach functions as environment variables, as in Azure), storage and {@code appSettings} over them.
     */
    static Map<String, String> environment(LabModule module, Optional<String> storage, Map<String, String> appSettings) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        LocalSettings.read(module.folder().resolve("local.settings.json")).values().forEach(environment::putIfAbsent);
        // Storage of this run's own, so that parallel runs never meet. A given storage is used as it is:
        // the grader names one, and must not load a submission's classes to find out whether it is needed.
        Optional<String> connection = storage.isPresent() ? storage
                : StorageUse.of(module.folder()) ? Optional.of(LabStorage.shared().connectionString()) : Optional.empty();
        connection.ifPresent(value -> environment.put("AzureWebJobsStorage", value));
        // A null value removes the setting (one a student's local.settings.json may hold from an experiment).
        appSettings.forEach((setting, value) -> {
            if (value == null) {
                environment.remove(setting);
            } else {
                environment.put(setting, value);
            }
        });
        return environment;
    }

    /** Starts a new host JVM for {@code module} with exactly {@code environment}, and waits until it listens. */
    static RunningHost start(LabModule module, String name, Map<String, String> environment) {
        FunctionKeys keys = FunctionKeys.generate();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A test's host lives for seconds: the quick compiler alone and one GC thread spend
                // far less CPU than the defaults, which matters when a class is graded at once.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        // Classes mapped in from an archive instead of parsed at each of the many starts a run makes.
        HostJvmArchive archive = HostJvmArchive.forClassPath(System.getProperty("java.class.path"), System.getenv());
        List<String> archiveOptions = archive == null ? List.of() : archive.jvmOptions();
        command.addAll(archiveOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Main.class.getName(),
                "--port", "0", "--key=" + keys.functionKey(), "--master-key=" + keys.masterKey(), "--exit-with-parent",
                module.folder().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);

        Console console = new Console();
        Process process;
        try {
            console.logTo(logFile(module, name));
            process = builder.start();
        } catch (IOException e) {
            console.close();
            throw new IllegalStateException("Could not start the function host: " + e.getMessage(), e);
        }
        Thread reader = new Thread(() -> pump(process, console), "host-console-" + name);
        reader.setDaemon(true);
        reader.start();

        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            for (String line : console.lines()) {
                if (line.startsWith(LISTENING)) {
                    return new RunningHost(process, URI.create(line.substring(LISTENING.length()).trim()), keys, console,
                            archiveOptions.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit")) ? archive : null,
                            Launch.of(module, environment));
                }
            }
            if (!process.isAlive() && !reader.isAlive()) {
                break;
            }
            sleepBriefly();
        }
        process.destroyForcibly();
        if (archive != null) {
            archive.jvmEnded(); // if it was to write the archive, the next JVM may
        }
        throw new HostStartException("The function host did not start for " + module.folder() + ".\n"
                + "Its output was:\n  " + String.join("\n  ", console.lines())
                + "\nFix what it names, then run the tests again (you can also try: scripts/run " + module.lab() + ").");
    }

    private static Path logFile(LabModule module, String name) {
        return module.target().resolve("host-logs").resolve(name + ".log");
    }

    /** Copies the host's output to its console until the host ends. */
    private static void pump(Process process, Console console) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                console.add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " ...(cut)" : line);
            }
        } catch (IOException e) {
            console.add("(host console closed: " + e.getMessage() + ")");
        } finally {
            console.close();
        }
    }

    /**
     * The lines a host printed, within bounds: a function that floods its log must not exhaust the
     * test JVM's memory. The newest lines are kept; positions count every line ever printed.
     */
    private static final class Console {
        private final List<String> lines = new ArrayList<>();
        private long dropped;
        private long chars;
        private Path logFile;
        private PrintWriter log;
        private long logged;

        /**
         * From now on lines go to {@code file} (a new test class on a warm host: its own log, and a console that
         * starts empty, so that nothing the class before saw is taken for its own).
         */
        synchronized void logTo(Path file) throws IOException {
            close();
            Files.createDirectories(file.getParent());
            log = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
            logFile = file;
            logged = 0;
            dropped += lines.size();
            lines.clear();
            chars = 0;
        }

        synchronized Path logFile() {
            return logFile;
        }

        synchronized void close() {
            if (log != null) {
                log.close();
                log = null;
            }
        }

        /** Keeps {@code line} and writes it to the log file, within bounds: a function that floods its log must not fill the disk. */
        synchronized void add(String line) {
            if (log != null && logged < MAX_LOG_BYTES) {
                log.println(line);
                log.flush();
                logged += line.length() + 1;
                if (logged >= MAX_LOG_BYTES) {
                    log.println("(host log cut at " + MAX_LOG_BYTES / 1_000_000 + " MB)");
                    log.flush();
                }
            }
            keep(line);
        }

        private void keep(String line) {
            chars += line.length();
            while (!lines.isEmpty() && (lines.size() >= MAX_LINES || chars > MAX_CONSOLE_CHARS)) {
                // drop the oldest tenth at a time
                List<String> oldest = lines.subList(0, Math.max(1, lines.size() / 10));
                chars -= oldest.stream().mapToLong(String::length).sum();
                dropped += oldest.size();
                oldest.clear();
            }
            lines.add(line);
        }

        synchronized List<String> lines() {
            return new ArrayList<>(lines);
        }

        /** The lines from position {@code from} on (from the oldest kept, if that one was dropped). */
        synchronized List<String> since(long from) {
            int start = (int) Math.max(0, Math.min(lines.size(), from - dropped));
            return new ArrayList<>(lines.subList(start, lines.size()));
        }

        synchronized long position() {
            return dropped + lines.size();
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

    /**
     * The bindings of {@code function} as the host's admin API describes them ({@code GET /admin/functions/<name>}):
     * one JSON object per binding, {@code function.json} style ({@code type}, {@code direction}, {@code name}, {@code path}...).
     */
    public List<JsonNode> bindingsOf(String function) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(baseUri.resolve("admin/functions/"
                            + URLEncoder.encode(function, StandardCharsets.UTF_8))).header("x-functions-key", keys.masterKey())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                throw new AssertionError("The host has no function named '" + function + "' (@FunctionName). " + response.body());
            }
            List<JsonNode> bindings = new ArrayList<>();
            Json.MAPPER.readTree(response.body()).path("config").path("bindings").forEach(bindings::add);
            return bindings;
        } catch (IOException e) {
            throw new IllegalStateException("The host did not describe '" + function + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the host about '" + function + "'", e);
        }
    }

    /** Every line the host has printed so far (the newest 20,000 when it printed more). */
    public List<String> console() {
        return console.lines();
    }

    /** How far the host's console has got: give it to {@link #awaitInvocationOf} to wait for a call that starts later. */
    public long mark() {
        return console.position();
    }

    /**
     * Waits until the host has finished a call whose reason or trigger details mention {@code text}
     * (a blob path, {@code MessageId: <id>}) and tells how it went. Fails after the deadline.
     */
    public FinishedInvocation awaitInvocation(String text, Duration deadline) {
        return await(0, null, (reason, details) -> reason.contains(text) || details.contains(text), deadline,
                "No function ran for " + text + " within " + deadline.toSeconds() + " s. Is the trigger "
                        + "(path, queue name, connection) right?");
    }

    /**
     * Waits until a call of {@code function} that started after {@code mark} (see {@link #mark()}) has
     * finished, and tells how it went. Fails after the deadline.
     */
    public FinishedInvocation awaitInvocationOf(String function, long mark, Duration deadline) {
        return await(mark, function, null, deadline, "'" + function + "' did not run within " + deadline.toSeconds() + " s.");
    }

    /** Polls the console from position {@code from} for a finished call of {@code function} (any when null) that {@code wanted} accepts. */
    private FinishedInvocation await(long from, String function, BiPredicate<String, String> wanted, Duration deadline, String failure) {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            Optional<FinishedInvocation> finished = findFinished(console.since(from), function, wanted);
            if (finished.isPresent()) {
                return finished.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("The host stopped before that. " + failure + " Host log: " + logFile());
            }
            sleepBriefly();
        }
        throw new AssertionError(failure + " Host log: " + logFile());
    }

    /** The first finished call in {@code lines} of {@code function} whose reason and trigger details {@code wanted} accepts. */
    private static Optional<FinishedInvocation> findFinished(List<String> lines, String function, BiPredicate<String, String> wanted) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher executing = EXECUTING.matcher(lines.get(i));
            if (!executing.find() || (function != null && !executing.group(1).equals(function))) {
                continue;
            }
            String details = i + 1 < lines.size() && lines.get(i + 1).startsWith("Trigger Details: ") ? lines.get(i + 1) : "";
            if (wanted != null && !wanted.test(executing.group(2), details)) {
                continue;
            }
            String name = executing.group(1);
            String id = executing.group(3);
            List<String> logged = new ArrayList<>();
            for (int j = i + 1; j < lines.size(); j++) {
                String line = lines.get(j);
                if (line.contains("Executed 'Functions." + name + "' (") && line.contains("Id=" + id)) {
                    boolean succeeded = line.contains("(Succeeded");
                    String error = succeeded ? "" : errorFor(lines, j, id);
                    return Optional.of(new FinishedInvocation(name, executing.group(2), succeeded, error, logged));
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
        return console.logFile();
    }

    Launch launch() {
        return launch;
    }

    /**
     * Serves {@code module}'s app from now on, in this warm JVM ({@code POST /admin/host/app}), with a console that
     * starts empty and writes to the log file of {@code name}.
     *
     * @return false when the host cannot (its current app has a call that does not end, or it does not answer):
     * close it and start another
     */
    boolean serve(LabModule module, String name) {
        try {
            console.logTo(logFile(module, name));
        } catch (IOException e) {
            return false;
        }
        String body = "{\"folder\": " + Json.MAPPER.valueToTree(module.folder().toString()) + "}";
        return admin(HttpRequest.newBuilder(baseUri.resolve("admin/host/app")).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Stops the triggers of the app served now and waits for its calls ({@code DELETE /admin/host/app}), so that
     * an idle warm host does nothing.
     *
     * @return false when a call did not end, or the host did not answer: close it
     */
    boolean stopTriggers() {
        return admin(HttpRequest.newBuilder(baseUri.resolve("admin/host/app")).DELETE());
    }

    private boolean admin(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.header("x-functions-key", keys.masterKey())
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                console.add("(the test kit could not switch this host: " + response.statusCode() + " " + response.body() + ")");
            }
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Ends a host whose triggers are stopped and whose calls have ended ({@link #stopTriggers}) at once, without the
     * host's graceful stop, which has nothing left to do; gracefully when it writes the class-data archive at exit.
     */
    void discard() throws InterruptedException {
        if (archive == null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } else {
            close();
        }
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
        if (archive != null) {
            archive.jvmEnded();
        }
    }

    /** The host refused to start; the message carries its output. */
    public static final class HostStartException extends RuntimeException {
        HostStartException(String message) {
            super(message);
        }
    }
}
