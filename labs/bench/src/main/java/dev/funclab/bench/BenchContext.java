package dev.funclab.bench;

import dev.funclab.azurite.Azurite;
import dev.funclab.azurite.StorageEmulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * What the benchmarks of one run share: the kit's folder, the number of rounds, one Azurite (started on first
 * use), a work folder, and a progress line for the person waiting.
 */
public final class BenchContext implements AutoCloseable {

    private final Path kit;
    private final boolean quick;
    private final Integer rounds;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private StorageEmulator storage;

    public BenchContext(Path kit, boolean quick, Integer rounds, PrintStream out) {
        this.kit = kit;
        this.quick = quick;
        this.rounds = rounds;
        this.out = out;
    }

    public Path kit() {
        return kit;
    }

    /** The short run CI makes: fewer rounds and less work per round. */
    public boolean quick() {
        return quick;
    }

    /** Rounds to measure: {@code --rounds}, else the benchmark's own number (a third of it, at least 2, in a short run). */
    public int rounds(int normally) {
        if (rounds != null) {
            return rounds;
        }
        return quick ? Math.max(2, normally / 3) : normally;
    }

    /** Rounds to measure: {@code --rounds}, else {@code normally}, or {@code quickly} in a short run. */
    public int rounds(int normally, int quickly) {
        return rounds != null ? rounds : quick ? quickly : normally;
    }

    /** {@code normally}, or {@code quickly} in a short run. */
    public int size(int normally, int quickly) {
        return quick ? quickly : normally;
    }

    /** A line saying where the run is, with the time since it began. */
    public void progress(String what) {
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        out.printf("  [%3d s] %s%n", seconds, what);
        out.flush();
    }

    /** One Azurite for the whole run, from npm (or the storage FUNCLAB_STORAGE names). */
    public synchronized String storage() {
        if (storage == null) {
            progress("starting Azurite");
            storage = startAzurite();
        }
        return storage.connectionString();
    }

    /**
     * An Azurite for one benchmark alone, which closes it: for one that leaves Azurite busy long after it ends (the
     * queue drain's thousands of deleted messages made the next benchmark's calls time out after 60 s).
     */
    public StorageEmulator ownStorage() {
        progress("starting an Azurite of its own");
        return startAzurite();
    }

    private static StorageEmulator startAzurite() {
        return Azurite.provide(null, System.getenv(), false, line -> { });
    }

    /** A fresh folder under target/bench. */
    public Path folder(String name) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(work()), name + "-");
    }

    /**
     * Removes the folders that earlier runs left under target/bench (a graded class of 40 alone is about 1 GB); each
     * run keeps its own until the next one starts, to be looked into. Two runs at once need two copies of the kit.
     */
    public void clearEarlierRuns() throws IOException {
        if (!Files.isDirectory(work())) {
            return;
        }
        try (Stream<Path> folders = Files.list(work())) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                FileTrees.deleteTree(folder);
            }
        }
    }

    private Path work() {
        return kit.resolve("labs/bench/target/bench");
    }

    @Override
    public void close() throws Exception {
        if (storage != null) {
            storage.close();
        }
    }
}
