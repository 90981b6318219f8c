package dev.funclab.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Repeats a turn of work until the JIT is done with it: two turns in a row in which the compilers worked less
 * than 2% of the turn's time. Throughput alone is no sign: it stays flat for seconds while the compile queue
 * waits for a core, then jumps 3-4x; a benchmark measured before that measures the compiler.
 */
final class JitWarmUp {

    private static final double COMPILING_AT_MOST = 0.02;

    private JitWarmUp() {
    }

    /**
     * @param turn some work, returning what it did for the progress line
     * @param max  when to stop even if the JIT is still busy
     * @return what each turn did
     */
    static String run(Callable<String> turn, Duration max) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        List<String> turns = new ArrayList<>();
        int quiet = 0;
        long deadline = System.nanoTime() + max.toNanos();
        while (quiet < 2 && System.nanoTime() < deadline) {
            long compiling = jit.getTotalCompilationTime();
            long started = System.nanoTime();
            turns.add(turn.call());
            double millis = (System.nanoTime() - started) / 1e6;
            quiet = jit.getTotalCompilationTime() - compiling < COMPILING_AT_MOST * millis ? quiet + 1 : 0;
        }
        return String.join(", ", turns);
    }
}
