package dev.funclab.runtime.bench;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.TestStorage;
import dev.funclab.runtime.log.HostLog;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * How fast the host notices work, measured side by side in one run against one Azurite:
 * a message sent from outside (idle polling), a message written by a function of the same host
 * (wake-up), and a new blob (container scan). Run with {@code scripts/bench}.
 */
public final class PickupBenchmark {

    private static final String EXECUTING = "Executing 'Functions.";
    private static final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private static final Map<String, Integer> calls = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path app = TestApps.packaged(Files.createTempDirectory("bench").resolve("app"), "fixtures.bench");
        HostLog log = new HostLog(System.getenv("BENCH_VERBOSE") != null ? System.out : new PrintStream(new ByteArrayOutputStream()));
        log.addListener(line -> {
            int at = line.indexOf(EXECUTING);
            if (at >= 0) {
                long now = System.nanoTime();
                String function = line.substring(at + EXECUTING.length(), line.indexOf('\'', at + EXECUTING.length()));
                firstSeen.put(function + "#" + calls.merge(function, 1, Integer::sum), now);
            }
        });
        String storage = TestStorage.connectionString();
        long startStarted = System.nanoTime();
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", storage)), log)) {
            long startMillis = (System.nanoTime() - startStarted) / 1_000_000;
            List<Long> external = new ArrayList<>();
            List<Long> chained = new ArrayList<>();
            List<Long> blobs = new ArrayList<>();
            for (int i = 1; i <= rounds; i++) {
                long sent = System.nanoTime();
                TestStorage.send("bench-in", "m" + i);
                long first = awaitNth("benchFirst", i);
                long second = awaitNth("benchSecond", i);
                external.add(first - sent);
                chained.add(second - first);

                long uploaded = System.nanoTime();
                TestStorage.upload("bench-blobs", "b" + i + ".txt", "x");
                blobs.add(awaitNth("benchBlob", i) - uploaded);
            }
            System.out.printf("Host start-up until it listens (storage app, JVM warmed by Azurite start): %d ms%n", startMillis);
            report("queue message sent from outside -> Executing (idle polling)", external);
            report("queue message written by a function of this host -> Executing (wake-up)", chained);
            report("new blob -> Executing (container scan)", blobs);
            System.out.printf("Ratio outside/same-host pickup, median: %.1fx%n", median(external) / Math.max(1, median(chained)));
        }
    }

    private static long awaitNth(String function, int n) {
        String key = function + "#" + n;
        TestStorage.await(function + " call " + n, Duration.ofSeconds(30), (BooleanSupplier) () -> firstSeen.containsKey(key));
        return firstSeen.get(key);
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%-75s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (n=%d)%n", what,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6, sorted.size());
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
