package dev.funclab.bench;

import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.app.AppLayout;
import dev.funclab.runtime.reload.SourceCompiler;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hot reload: from saving a change to Lab 1's greeting until the host answers with it, beside compiling the
 * same sources alone (what a reload cannot do without).
 */
final class ReloadBenchmark implements Benchmark {

    private static final String FILE = "src/main/java/com/example/lab1/HelloFunction.java";
    private static final String PUNCTUATION = "\"!\"";

    @Override
    public String name() {
        return "reload";
    }

    @Override
    public String description() {
        return "hot reload: a saved change to Lab 1's greeting -> answered, vs compiling the same sources alone";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        int rounds = context.rounds(5);
        Path project = copyOfLab1(context);
        Path source = project.resolve(FILE);
        String original = Files.readString(source);
        if (!original.contains(PUNCTUATION)) {
            throw new IllegalStateException(FILE + " no longer ends its greeting with " + PUNCTUATION + "; update " + getClass());
        }
        HttpClient http = HttpClient.newHttpClient();
        List<Double> reloads = new ArrayList<>();
        List<Double> compiles = new ArrayList<>();
        try (HostRun host = HostRun.start(HostOptions.forApp(project).withWatch(true), project.resolve("host.log"), null)) {
            HttpRequest hello = HttpRequest.newBuilder(host.host().baseUri().resolve("api/hello?name=bench"))
                    .header("x-functions-key", host.host().keys().functionKey()).build();
            for (int round = 1; round <= rounds; round++) {
                String mark = "! v" + round;
                long saved = System.nanoTime();
                Files.writeString(source, original.replace(PUNCTUATION, "\"" + mark + "\""));
                long deadline = saved + Duration.ofSeconds(30).toNanos();
                while (!http.send(hello, HttpResponse.BodyHandlers.ofString()).body().endsWith(mark)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the change '" + mark + "' was not answered within 30 s; see "
                                + project.resolve("host.log"));
                    }
                    Thread.sleep(10);
                }
                reloads.add((System.nanoTime() - saved) / 1e6);
                long compiling = System.nanoTime();
                SourceCompiler.Result compiled = SourceCompiler.compile(AppLayout.of(project), context.folder("reload-compile"));
                if (!compiled.succeeded()) {
                    throw new IllegalStateException("Lab 1 did not compile: " + compiled.errors());
                }
                compiles.add((System.nanoTime() - compiling) / 1e6);
                context.progress(String.format("reload: round %d/%d: answered %.0f ms after saving; compiling alone %.0f ms",
                        round, rounds, reloads.get(round - 1), compiles.get(round - 1)));
                // The watcher gathers changes a moment before compiling; the next save must not join this one.
                Thread.sleep(300);
            }
        }
        return List.of(Figure.time("reload: save -> change answered", "ms", new Samples(reloads), new Samples(compiles),
                Goal.atMost(3_000)));
    }

    /** Lab 1's solution as scripts/run serves it (sources, settings, compiled classes), in a folder of its own. */
    private static Path copyOfLab1(BenchContext context) throws IOException {
        Path lab = context.kit().resolve("solutions/lab1-http-api");
        Path copy = context.folder("reload-lab1");
        // Without the output of earlier reloads and runs, which a fresh copy would not have either.
        FileTrees.copy(lab, copy, relative -> relative.startsWith("target/funclab-reload")
                || relative.startsWith("target/host-logs"));
        return copy;
    }
}
