package dev.funclab.runtime.soak;

import dev.funclab.runtime.Main;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The host as its own process, as a student runs it: started with {@code java ... Main}, killed with
 * SIGKILL like a crash, its console kept in a log file and searched for the host's own failures.
 */
final class HostProcess implements AutoCloseable {

    /** A line the host prints when it, not a function, failed on a request. */
    static final String HOST_FAULT = "The host failed on";

    private final Process process;
    private final int port;
    private final List<String> faults = new CopyOnWriteArrayList<>();

    private HostProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static HostProcess start(Path app, int port, String functionKey, Map<String, String> settings, Path logFile)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName(), app.toString(),
                "--port", String.valueOf(port), "--key=" + functionKey, "--exit-with-parent"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(settings);
        builder.environment().put("FUNCLAB_HOST_CHILD", "1"); // settings are in the environment already
        HostProcess host = new HostProcess(builder.start(), port);
        host.keepConsole(logFile);
        host.awaitReady();
        return host;
    }

    private void keepConsole(Path logFile) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                         StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                String line;
                while ((line = in.readLine()) != null) {
                    log.println(line);
                    if (line.contains(HOST_FAULT)) {
                        faults.add(line);
                    }
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }, "soak-host-console");
        reader.setDaemon(true);
        reader.start();
    }

    private void awaitReady() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> status = client.send(HttpRequest.newBuilder(baseUri().resolve("/admin/host/status"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (status.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the host did not start within 90 s (alive: " + process.isAlive() + ")");
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Lines where the host said it failed on a request itself. */
    List<String> faults() {
        return List.copyOf(faults);
    }

    /** SIGKILL: no shutdown of any kind, as when the machine or the JVM dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and the host's graceful stop. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
