package dev.funclab.grader;

import dev.funclab.azurite.Azurite;
import dev.funclab.azurite.AzuriteSelection;
import dev.funclab.azurite.StorageEmulator;
import dev.funclab.runtime.storage.StorageReset;
import dev.funclab.testkit.LabStorage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Azurites for grading, one per submission graded at once: a submission gets one of its own, emptied of everything the
 * submission before left there, so that no two submissions ever meet in storage. Reusing an emulator (and its
 * address) instead of starting one per submission saves Node's start, and lets the warm hosts of the test kit,
 * which keep their storage address, serve the next submission.
 */
final class StoragePool implements AutoCloseable {

    private final Deque<Idle> idle = new ArrayDeque<>();
    private final List<StorageEmulator> all = new ArrayList<>();

    /**
     * An emulator waiting for the next submission, and the grading job (thread) that gave it back: the job gets the
     * same one again, whose address its warm hosts keep.
     */
    private record Idle(StorageEmulator emulator, Thread releasedBy) {
    }

    /**
     * An emptied emulator (the one this job had before, if any), or a new one, on a thread of its own (not a shared pool, where it could wait behind other
     * submissions' starts), so that the labs compile meanwhile. FUNCLAB_STORAGE would make all submissions share one.
     */
    CompletableFuture<StorageEmulator> lease(Consumer<String> log) {
        StorageEmulator reused = takeIdle();
        CompletableFuture<StorageEmulator> storage = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                if (reused != null) {
                    log.accept("Storage: " + reused.description() + ", emptied: "
                            + StorageReset.emptyAll(reused.connectionString()).describe());
                    storage.complete(reused);
                } else {
                    Map<String, String> environment = new HashMap<>(System.getenv());
                    environment.remove(AzuriteSelection.OVERRIDE_VARIABLE);
                    StorageEmulator started = Azurite.provide(null, environment, false, log);
                    synchronized (this) {
                        all.add(started);
                    }
                    storage.complete(started);
                }
            } catch (RuntimeException | Error e) {
                if (reused != null) {
                    forget(reused);
                }
                storage.completeExceptionally(e);
            }
        }, reused != null ? "storage-reset" : "azurite-start");
        thread.start();
        return storage;
    }

    /** The submission is done with {@code storage}; the next one of this job gets it emptied, if it still runs. */
    void release(CompletableFuture<StorageEmulator> storage) {
        StorageEmulator emulator;
        try {
            emulator = storage.join(); // here, on the job's thread, which the next lease of this job looks for
        } catch (RuntimeException e) {
            return; // it never started: nothing to keep
        }
        if (emulator.isRunning()) {
            synchronized (this) {
                idle.push(new Idle(emulator, Thread.currentThread()));
            }
        } else {
            forget(emulator);
        }
    }

    private synchronized StorageEmulator takeIdle() {
        Idle chosen = idle.stream().filter(i -> i.releasedBy() == Thread.currentThread()).findFirst().orElse(idle.peekFirst());
        if (chosen != null) {
            idle.remove(chosen);
        }
        return chosen == null ? null : chosen.emulator();
    }

    private void forget(StorageEmulator emulator) {
        synchronized (this) {
            all.remove(emulator);
        }
        stop(emulator);
    }

    private static void stop(StorageEmulator emulator) {
        LabStorage.forget(emulator.connectionString());
        emulator.close();
    }

    @Override
    public void close() {
        List<StorageEmulator> running;
        synchronized (this) {
            running = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        running.forEach(StoragePool::stop);
    }
}
