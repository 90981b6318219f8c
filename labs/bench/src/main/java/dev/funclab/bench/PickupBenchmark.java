package dev.funclab.bench;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import dev.funclab.bench.apps.pickup.Pickup;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.function.IdlePacing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How soon the host notices work: a queue message sent from outside, a message one of its functions wrote
 * (passed on at once, without waiting for a poll), a new blob; and what its polling costs while nothing happens.
 */
final class PickupBenchmark implements Benchmark {

    private static final String EXECUTING = "Executing 'Functions.";

    @Override
    public String name() {
        return "pickup";
    }

    @Override
    public String description() {
        return "pickup: queue message and new blob -> function start, and the CPU idle polling costs";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        int rounds = context.rounds(3);
        int perRound = context.size(20, 8);
        String storage = context.storage();
        QueueClient in = new QueueServiceClientBuilder().connectionString(storage).buildClient().getQueueClient("pickup-in");
        in.createIfNotExists();
        BlobContainerClient blobs = new BlobServiceClientBuilder().connectionString(storage).buildClient()
                .getBlobContainerClient("pickup-blobs");
        blobs.createIfNotExists();
        Map<String, Long> started = new ConcurrentHashMap<>();
        Path app = FunctionApps.packaged(context.folder("pickup-app"), Pickup.class);
        List<Double> queueP50 = new ArrayList<>();
        List<Double> queueP99 = new ArrayList<>();
        List<Double> chainedP50 = new ArrayList<>();
        List<Double> blobP50 = new ArrayList<>();
        double[] idleMillisPerMinute;
        try (HostRun ignored = HostRun.start(HostOptions.forApp(app).withEnvironment(Map.of("AzureWebJobsStorage", storage)),
                app.resolve("host.log"), line -> {
            // Which call started when: the Executing line is written as the function starts.
            int at = line.indexOf(EXECUTING);
            if (at >= 0) {
                String function = line.substring(at + EXECUTING.length(), line.indexOf('\'', at + EXECUTING.length()));
                started.merge(function, 1L, Long::sum);
                started.put(function + "#" + started.get(function), System.nanoTime());
            }
        })) {
            int sent = 0;
            int uploaded = 0;
            for (int round = 1; round <= rounds; round++) {
                List<Double> queue = new ArrayList<>();
                List<Double> chained = new ArrayList<>();
                List<Double> blob = new ArrayList<>();
                for (int i = 0; i < perRound; i++) {
                    // A pause of random length, so that messages arrive at any point of the listeners' polling.
                    Thread.sleep(ThreadLocalRandom.current().nextInt(50, 250));
                    long sentAt = System.nanoTime();
                    in.sendMessage(Base64.getEncoder().encodeToString(("m" + sent).getBytes(StandardCharsets.UTF_8)));
                    sent++;
                    long first = await(started, "pickupFirst#" + sent);
                    queue.add((first - sentAt) / 1e6);
                    chained.add((await(started, "pickupSecond#" + sent) - first) / 1e6);

                    Thread.sleep(ThreadLocalRandom.current().nextInt(50, 250));
                    long uploadedAt = System.nanoTime();
                    blobs.getBlobClient("b" + uploaded + ".txt").upload(BinaryData.fromString("x"), true);
                    uploaded++;
                    blob.add((await(started, "pickupBlob#" + uploaded) - uploadedAt) / 1e6);
                }
                Samples q = new Samples(queue);
                queueP50.add(q.median());
                queueP99.add(q.percentile(99));
                chainedP50.add(new Samples(chained).median());
                blobP50.add(new Samples(blob).median());
                context.progress(String.format("pickup: round %d/%d: queue p50 %.0f ms, p99 %.0f ms; blob p50 %.0f ms",
                        round, rounds, q.median(), q.percentile(99), new Samples(blob).median()));
            }
            // Polling slows down after a quiet spell; the idle figure is what a host left open costs after that.
            Duration idle = Duration.ofSeconds(context.size(30, 20));
            context.progress("pickup: waiting out the " + IdlePacing.QUIET.toSeconds() + " s quiet spell, then measuring "
                    + idle.toSeconds() + " s of idle polling");
            Thread.sleep(IdlePacing.QUIET.plusSeconds(2).toMillis());
            idleMillisPerMinute = idleCpu(idle);
        }
        return List.of(
                Figure.time("pickup: queue message -> function start, p50", "ms", new Samples(queueP50), null, Goal.atMost(50)),
                Figure.time("pickup: queue message -> function start, p99", "ms", new Samples(queueP99), null, Goal.atMost(250)),
                Figure.time("pickup: message from the same host -> start, p50", "ms", new Samples(chainedP50), null, Goal.none()),
                Figure.time("pickup: new blob -> function start, p50", "ms", new Samples(blobP50), null, Goal.atMost(300)),
                // The host's own cost has a goal (2.5% of a core); Azurite's includes its own timers, shown beside it.
                Figure.time("pickup: CPU per quiet minute, host", "ms", Samples.of(idleMillisPerMinute[0]), null, Goal.atMost(1_500)),
                Figure.time("pickup: CPU per quiet minute, Azurite", "ms", Samples.of(idleMillisPerMinute[1]), null, Goal.none()));
    }

    private static long await(Map<String, Long> started, String call) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Long at;
        while ((at = started.get(call)) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(call + " did not start within 30 s");
            }
            Thread.sleep(1);
        }
        return at;
    }

    /**
     * CPU milliseconds per minute the host (this JVM's Java threads: its listeners, the SDK's event loops) and its
     * Azurite spend while nothing happens. The JIT and GC threads are left out: after the benchmarks before this
     * one they are still catching up for a while, which is not what polling costs (CI saw 5.7 s a minute from them).
     */
    private static double[] idleCpu(Duration idle) throws InterruptedException {
        long host = javaThreadsCpuNanos();
        long azurite = childrenCpuNanos();
        Thread.sleep(idle.toMillis());
        double perMinute = 60.0 / idle.toSeconds() / 1e6;
        return new double[]{(javaThreadsCpuNanos() - host) * perMinute, (childrenCpuNanos() - azurite) * perMinute};
    }

    private static long javaThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }

    /** The CPU time of the processes this JVM started (Azurite), from /proc; 0 where there is none. */
    private static long childrenCpuNanos() {
        long ticks = ProcessHandle.current().descendants().mapToLong(process -> {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            }
        }).sum();
        return ticks * 10_000_000L; // 100 ticks a second on Linux
    }
}
