package dev.funclab.runtime.function;

import dev.funclab.runtime.storage.Doorbell;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A listener that polls: one thread calls {@link #poll()} until the listener is closed, sleeping
 * between rounds for as long as the round asks, or less when someone {@linkplain #wakeUp() rings}.
 * Calls to the function run on a pool of daemon workers.
 */
public abstract class PollingListener implements TriggerListener {

    private final String name;
    private final Doorbell doorbell = new Doorbell();
    /** Whether there was work lately: a listener polls less often after a quiet spell. */
    protected final IdlePacing pacing = new IdlePacing();
    private final ExecutorService workers;
    private final int workerCount;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param name    the thread's name, for thread dumps
     * @param workers how many calls may run at once; 0 for as many as needed
     */
    protected PollingListener(String name, int workers) {
        this.name = name;
        this.workerCount = workers;
        this.workers = workers == 0 ? Executors.newCachedThreadPool(this::worker) : Executors.newFixedThreadPool(workers, this::worker);
    }

    /** One round: look for work, hand it to {@link #submit}, and say how long to wait before the next. */
    protected abstract Duration poll() throws InterruptedException;

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** There is work now (a function of this host just wrote to the source): poll at once. */
    public void wakeUp() {
        pacing.worked();
        doorbell.ring();
    }

    /** How many calls may run at once; 0 for as many as needed. */
    protected int workerCount() {
        return workerCount;
    }

    protected boolean running() {
        return running;
    }

    protected void submit(Runnable call) {
        workers.execute(call);
    }

    /** Sleeps up to {@code duration}, less when woken or closed. */
    protected void pause(Duration duration) throws InterruptedException {
        doorbell.await(Math.min(duration.toMillis(), 60_000));
    }

    private void loop() {
        try {
            while (running) {
                Duration wait = poll();
                if (running && !wait.isZero() && !wait.isNegative()) {
                    pause(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread worker(Runnable runnable) {
        Thread worker = new Thread(runnable, name + "-worker");
        worker.setDaemon(true);
        return worker;
    }

    /** Stops polling and waits a little for the calls under way. */
    @Override
    public void close() {
        running = false;
        doorbell.ring();
        workers.shutdown();
        try {
            if (thread != null) {
                thread.join(5_000);
            }
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
