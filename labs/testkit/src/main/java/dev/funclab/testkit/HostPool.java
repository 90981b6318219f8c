package dev.funclab.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Warm hosts kept between test classes, as Spring keeps application contexts between test classes: a class whose host
 * would be started exactly as an idle one was ({@link RunningHost.Launch}: same environment, host.json and
 * local.settings.json) gets that JVM, switched to serve the class's app in a fresh class loader, instead of a new JVM.
 * A host JVM's start and its compiler's warm-up are most of what a short test class costs, and grading a class of
 * submissions starts hundreds of them.
 * <p>
 * An idle host has its triggers stopped; a host whose calls do not end, or that died, is closed, never reused. At most
 * {@code funclab.hosts.idle} hosts (default 2) wait at once; the ones asked for least often go first. Set it to 0 for
 * a new JVM per test class.
 */
public final class HostPool {

    static final String IDLE_PROPERTY = "funclab.hosts.idle";

    private static final HostPool SHARED = new HostPool();

    private volatile int maxIdle = Integer.getInteger(IDLE_PROPERTY, 2);

    private final List<RunningHost> idle = new ArrayList<>();
    /** How often each launch was asked for: a launch asked for once (stand-ins on new ports each time) goes first. */
    private final Map<RunningHost.Launch, Integer> demand = new HashMap<>();

    private HostPool() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "host-pool-close"));
    }

    static HostPool shared() {
        return SHARED;
    }

    /** A host for {@code module}: an idle one with the same launch, serving the module's app now, or a new one. */
    RunningHost lease(LabModule module, String name, Optional<String> storage, Map<String, String> appSettings) {
        Map<String, String> environment = RunningHost.environment(module, storage, appSettings);
        RunningHost.Launch launch = RunningHost.Launch.of(module, environment);
        synchronized (this) {
            demand.merge(launch, 1, Integer::sum);
        }
        RunningHost warm;
        while ((warm = takeIdle(launch)) != null) {
            if (warm.isAlive() && warm.serve(module, name)) {
                return warm;
            }
            discard(warm); // it refused the switch (a call that does not end) or died: nothing to wait for
        }
        return RunningHost.start(module, name, environment);
    }

    /** The test class is done with {@code host}: it waits, triggers stopped, for the next class with the same launch. */
    void release(RunningHost host) {
        if (maxIdle() == 0) {
            close(host);
            return;
        }
        if (!host.isAlive() || !host.stopTriggers()) {
            discard(host); // a call that does not end, or a host that died: nothing to wait for
            return;
        }
        RunningHost evicted = null;
        synchronized (this) {
            idle.add(host);
            if (idle.size() > maxIdle()) {
                evicted = idle.stream().min(Comparator.comparingInt(h -> demand.getOrDefault(h.launch(), 0))).orElseThrow();
                idle.remove(evicted);
            }
        }
        if (evicted != null) {
            close(evicted);
        }
    }

    private synchronized RunningHost takeIdle(RunningHost.Launch launch) {
        for (RunningHost host : idle) {
            if (host.launch().equals(launch)) {
                idle.remove(host);
                return host;
            }
        }
        return null;
    }

    private int maxIdle() {
        return maxIdle;
    }

    /** Lets up to {@code hosts} idle hosts wait for their next test class (a grader: one per lab and job). */
    public static void keepIdle(int hosts) {
        SHARED.maxIdle = hosts;
    }

    /** Closes the idle hosts now (before the storage they use goes away). */
    public static void closeIdle() {
        SHARED.closeAll();
    }

    private void closeAll() {
        List<RunningHost> all;
        synchronized (this) {
            all = new ArrayList<>(idle);
            idle.clear();
        }
        // All at once: each takes a moment to stop, and a grader closes one per job and test class.
        List<Thread> closing = all.stream().map(host -> new Thread(() -> discard(host), "host-close")).toList();
        closing.forEach(Thread::start);
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** An idle host has nothing to finish: it goes at once. */
    private static void discard(RunningHost host) {
        try {
            host.discard();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(RunningHost host) {
        try {
            host.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
