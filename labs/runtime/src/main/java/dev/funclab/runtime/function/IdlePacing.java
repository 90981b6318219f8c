package dev.funclab.runtime.function;

import java.time.Duration;

/**
 * How often a polling listener looks for work: briskly while the app is busy, so that work is picked up
 * within tens of milliseconds, and slowly once nothing has come for {@link #QUIET}, so that a host left
 * open through a lecture costs its laptop little. The first work after a quiet spell waits up to the slow
 * interval; work this host writes itself still wakes the listener at once.
 */
public final class IdlePacing {

    /** Nothing for this long, and polling slows down. */
    public static final Duration QUIET = Duration.ofSeconds(20);

    private volatile long lastWork = System.nanoTime();

    /** There was work (or the host wrote some): stay brisk. */
    public void worked() {
        lastWork = System.nanoTime();
    }

    public boolean quiet() {
        return System.nanoTime() - lastWork > QUIET.toNanos();
    }

    /** {@code busy} while there has been work lately, else {@code idle}. */
    public Duration interval(Duration busy, Duration idle) {
        return quiet() && idle.compareTo(busy) > 0 ? idle : busy;
    }
}
