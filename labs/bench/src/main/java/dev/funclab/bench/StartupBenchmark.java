package dev.funclab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Start-up: from starting the host's process (as {@code scripts/run} starts it) to its first HTTP 200, for an
 * HTTP-only lab and a storage lab with Azurite already running, beside a JVM that only starts the same server.
 */
final class StartupBenchmark implements Benchmark {

    private static final String MASTER_KEY = "bench-master-key";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "start-up: host process start -> first HTTP 200, Lab 1 and Lab 2 (Azurite running), vs a bare Jetty JVM";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        int rounds = context.rounds(5);
        Path jar = context.kit().resolve("labs/runtime/target/funclab-runtime.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": run the benchmarks with scripts/bench, which builds it.");
        }
        String storage = context.storage();
        // As scripts/run starts it, with its class-data archive.
        List<String> host = List.of(java(), "-XX:SharedArchiveFile=" + jar.resolveSibling("funclab-host.jsa"), "-Xshare:auto",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString(), "--watch", "--port", "0",
                "--master-key=" + MASTER_KEY);
        List<String> bare = List.of(java(), "-cp", System.getProperty("java.class.path"), BareJetty.class.getName());
        Path lab1 = context.kit().resolve("solutions/lab1-http-api");
        Path lab2 = context.kit().resolve("solutions/lab2-blob-resize");
        // One start of each first, unmeasured: the first host of a class path writes its class-data archive
        // (HostJvmArchive) as it exits, which every later start uses, as on a student's second run.
        context.progress("startup: one start of each first, unmeasured");
        firstAnswer(append(host, lab1.toString()), Map.of(), "api/hello?name=bench");
        firstAnswer(bare, Map.of(), "");
        List<Double> http = new ArrayList<>();
        List<Double> stored = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            http.add(firstAnswer(append(host, lab1.toString()), Map.of(), "api/hello?name=bench"));
            stored.add(firstAnswer(append(host, lab2.toString()), Map.of("AzureWebJobsStorage", storage), "admin/host/status"));
            baseline.add(firstAnswer(bare, Map.of(), ""));
            context.progress(String.format("startup: round %d/%d: Lab 1 %.0f ms, Lab 2 %.0f ms, bare Jetty JVM %.0f ms",
                    round, rounds, http.get(round - 1), stored.get(round - 1), baseline.get(round - 1)));
        }
        Samples floor = new Samples(baseline);
        return List.of(
                Figure.time("startup: Lab 1 (HTTP) -> first 200", "ms", new Samples(http), floor, Goal.atMost(1_500)),
                Figure.time("startup: Lab 2 (storage) -> first 200", "ms", new Samples(stored), floor, Goal.atMost(1_500)));
    }

    /** Milliseconds from starting {@code command} until {@code path} answers 200 at the address it prints. */
    private double firstAnswer(List<String> command, Map<String, String> environment, String path) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            URI base = listeningAddress(process);
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("x-functions-key", MASTER_KEY)
                    .timeout(Duration.ofSeconds(10)).build();
            long deadline = started + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - started) / 1e6;
                    }
                } catch (IOException notYet) {
                    // not answering yet
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException("no 200 from " + base.resolve(path) + " within 60 s");
        } finally {
            // Stopped as Ctrl-C stops it, so that it ends normally (and writes its class-data archive the first time).
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /** Reads the process's output up to its {@code Listening on URL} line; the rest is drained and dropped. */
    private static URI listeningAddress(Process process) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("Listening on ")) {
                Thread drain = new Thread(() -> {
                    try {
                        lines.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return URI.create(line.substring("Listening on ".length()).trim());
            }
            seen.add(line);
        }
        throw new IllegalStateException("the process ended before it listened:\n  " + String.join("\n  ", seen));
    }

    private static List<String> append(List<String> command, String argument) {
        List<String> all = new ArrayList<>(command);
        all.add(argument);
        return all;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
