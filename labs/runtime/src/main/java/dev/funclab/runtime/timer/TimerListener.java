package dev.funclab.runtime.timer;

import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.PollingListener;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.invoke.InvocationResult;
import dev.funclab.runtime.log.HostLog;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/** Fires one timer function on its schedule, one call at a time, retrying failures as its policy says. */
final class TimerListener extends PollingListener {

    private final FunctionDefinition function;
    private final FunctionInvoker invoker;
    private final Schedule schedule;
    private final RetryPolicy retry;
    private final HostLog log;
    private ZonedDateTime last;
    private ZonedDateTime next;

    TimerListener(FunctionDefinition function, FunctionInvoker invoker, Schedule schedule, RetryPolicy retry, HostLog log) {
        super("timer-" + function.name(), 1);
        this.function = function;
        this.invoker = invoker;
        this.schedule = schedule;
        this.retry = retry;
        this.log = log;
    }

    @Override
    public void start() {
        last = ZonedDateTime.now(ZoneOffset.UTC);
        next = schedule.next(last);
        log.info("Timer '" + function.name() + "' (" + schedule + ") fires next at " + next);
        super.start();
    }

    /** Waits for the next time; then fires, one call at a time. */
    @Override
    protected Duration poll() throws InterruptedException {
        Duration wait = Duration.between(ZonedDateTime.now(ZoneOffset.UTC), next);
        if (!wait.isNegative() && !wait.isZero()) {
            return wait;
        }
        ZonedDateTime fired = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime following = schedule.next(fired);
        fire(TimerInfo.json(last, fired, following, Duration.between(next, fired).toSeconds() > 60), fired);
        last = fired;
        next = following;
        return Duration.ZERO;
    }

    private void fire(String timerInfo, ZonedDateTime fired) throws InterruptedException {
        Throwable previous = null;
        for (int attempt = 0; running(); attempt++) {
            Invocation invocation = new Invocation(function, timerInfo, Map.of());
            if (retry != RetryPolicy.NONE) {
                invocation.retrying(attempt, retry.maxRetryCount(), previous);
            }
            InvocationResult result = invoker.invoke(invocation, "Timer fired at " + fired);
            // maxRetryCount -1 retries without end, as in Azure.
            if (result.succeeded() || (retry.maxRetryCount() >= 0 && attempt >= retry.maxRetryCount())) {
                return;
            }
            previous = result.failure();
            Duration delay = retry.delayBefore(attempt + 1);
            log.info("Retrying 'Functions." + function.name() + "' in " + delay.toMillis() + "ms (retry " + (attempt + 1)
                    + " of " + (retry.maxRetryCount() < 0 ? "unlimited" : retry.maxRetryCount()) + ")");
            waitFully(delay);
        }
    }

    /** Waits the whole delay, however long (a single pause is capped), unless the host stops. */
    private void waitFully(Duration delay) throws InterruptedException {
        long until = System.nanoTime() + delay.toNanos();
        for (long left = delay.toNanos(); running() && left > 0; left = until - System.nanoTime()) {
            pause(Duration.ofNanos(left));
        }
    }
}
