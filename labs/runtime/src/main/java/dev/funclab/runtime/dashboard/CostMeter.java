package dev.funclab.runtime.dashboard;

import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.invoke.InvocationObserver;
import dev.funclab.runtime.invoke.InvocationResult;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;

/**
 * What this run would cost on the Consumption plan, the deck's billing model made visible: executions and
 * GB-seconds per function (memory in use when a call ends, rounded as Azure rounds it, times the call's
 * billed time), priced at the plan's rates, and projected to a month at the rate seen so far.
 */
public final class CostMeter implements InvocationObserver {

    private static final double SECONDS_PER_MONTH = 30 * 24 * 3600;

    private final ConsumptionPlan plan;
    private final LongSupplier memoryInUse;
    private final LongSupplier clock;
    private final long started;
    private final Map<String, Meter> meters = new ConcurrentSkipListMap<>(String.CASE_INSENSITIVE_ORDER);

    public CostMeter() {
        this(ConsumptionPlan.PAY_AS_YOU_GO, CostMeter::jvmMemoryInUse, System::nanoTime);
    }

    CostMeter(ConsumptionPlan plan, LongSupplier memoryInUse, LongSupplier clock) {
        this.plan = plan;
        this.memoryInUse = memoryInUse;
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    /**
     * The JVM's heap and non-heap memory in use: what the Java worker's process would be measured at. The heap
     * is read at each call's end; non-heap memory (classes, compiled code) moves slowly and walking its pools
     * costs more than a short call, so it is read at most once a second.
     */
    private static long jvmMemoryInUse() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory() + NonHeap.inUse();
    }

    private static final class NonHeap {
        private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
        private static volatile long bytes;
        private static volatile long readAt = Long.MIN_VALUE;

        static long inUse() {
            long now = System.nanoTime();
            if (now - readAt > 1_000_000_000L) {
                bytes = MEMORY.getNonHeapMemoryUsage().getUsed();
                readAt = now;
            }
            return bytes;
        }
    }

    @Override
    public void finished(Invocation invocation, InvocationResult result, long nanos) {
        record(invocation.function().name(), nanos, memoryInUse.getAsLong());
    }

    void record(String function, long nanos, long memoryBytes) {
        long millis = plan.billedMillis(nanos);
        int megabytes = plan.billedMegabytes(memoryBytes);
        meters.computeIfAbsent(function, name -> new Meter()).add(millis, megabytes / 1024.0 * millis / 1000.0);
    }

    /** One row per function, a total, and the month ahead at this run's pace. */
    public Bill bill() {
        List<Line> lines = new ArrayList<>();
        long executions = 0;
        double gbSeconds = 0;
        for (Map.Entry<String, Meter> entry : meters.entrySet()) {
            Meter meter = entry.getValue();
            long count;
            double gbs;
            synchronized (meter) {
                count = meter.executions;
                gbs = meter.gbSeconds;
            }
            lines.add(new Line(entry.getKey(), count, gbs, plan.cost(count, gbs, false)));
            executions += count;
            gbSeconds += gbs;
        }
        double seconds = Math.max(1, (clock.getAsLong() - started) / 1e9);
        long monthExecutions = Math.round(executions * SECONDS_PER_MONTH / seconds);
        double monthGbSeconds = gbSeconds * SECONDS_PER_MONTH / seconds;
        return new Bill(lines, new Line("total", executions, gbSeconds, plan.cost(executions, gbSeconds, false)), seconds,
                new Line("a month at this pace, after the free grant", monthExecutions, monthGbSeconds,
                        plan.cost(monthExecutions, monthGbSeconds, true)),
                ConsumptionPlan.PRICING_PAGE);
    }

    /** The bill as the host prints it when it stops. */
    public String summary() {
        Bill bill = bill();
        StringBuilder text = new StringBuilder("Consumption plan cost of this run (" + Math.round(bill.runSeconds())
                + " s; rates of " + bill.pricingPage() + "):");
        for (Line line : bill.functions()) {
            text.append(System.lineSeparator()).append(format(line));
        }
        text.append(System.lineSeparator()).append(format(bill.total()));
        text.append(System.lineSeparator()).append(format(bill.month()));
        return text.toString();
    }

    private static String format(Line line) {
        return String.format(Locale.ROOT, "  %-28s %,12d executions %,14.3f GB-s  $%.6f", line.name(), line.executions(),
                line.gbSeconds(), line.dollars());
    }

    /** A row of the bill. */
    public record Line(String name, long executions, double gbSeconds, double dollars) {
    }

    /** @param month the run's pace over 30 days, with the monthly free grant taken off */
    public record Bill(List<Line> functions, Line total, double runSeconds, Line month, String pricingPage) {
    }

    private static final class Meter {
        long executions;
        double gbSeconds;

        synchronized void add(long millis, double gbs) {
            executions++;
            gbSeconds += gbs;
        }
    }
}
