package dev.funclab.runtime.timer;

import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.TriggerListener;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.invoke.InvocationResult;
import dev.funclab.runtime.log.HostLog;
import dev.funclab.runtime.storage.Doorbell;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/** Fires one timer function on its schedule, one call at a time, retrying failures as its policy says. */
final class TimerListener implements TriggerListener {

    private final FunctionDefinition function;
    private final FunctionInvoker invoker;
    private final Schedule schedule;
    private final RetryPolicy retry;
    private final HostLog log;
    private final Doorbell doorbell = new Doorbell();
    private volatile boolean running;
    private Thread thread;

    TimerListener(FunctionDefinition function, FunctionInvoker invoker, Schedule schedule, RetryPolicy retry, HostLog log) {
        this.function = function;
        this.invoker = invoker;
        this.schedule = schedule;
        this.retry = retry;
        this.log = log;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "timer-" + function.name());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        ZonedDateTime last = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime next = schedule.next(last);
        log.info("Timer '" + function.name() + "' (" + schedule + ") fires next at " + next);
        while (running) {
            Duration wait = Duration.between(ZonedDateTime.now(ZoneOffset.UTC), next);
            if (!wait.isNegative() && !wait.isZero()) {
                sleep(wait);
                continue;
            }
            ZonedDateTime fired = ZonedDateTime.now(ZoneOffset.UTC);
            ZonedDateTime following = schedule.next(fired);
            fire(TimerInfo.json(last, fired, following, Duration.between(next, fired).toSeconds() > 60), fired);
            last = fired;
            next = following;
        }
    }

    private void fire(String timerInfo, ZonedDateTime fired) {
        for (int attempt = 0; running; attempt++) {
            InvocationResult result = invoker.invoke(new Invocation(function, timerInfo, Map.of()), "Timer fired at " + fired);
            if (result.succeeded() || attempt >= retry.maxRetryCount()) {
                return;
            }
            Duration delay = retry.delayBefore(attempt + 1);
            log.info("Retrying 'Functions." + function.name() + "' in " + delay.toMillis() + "ms (retry " + (attempt + 1)
                    + " of " + retry.maxRetryCount() + ")");
            sleep(delay);
        }
    }

    private void sleep(Duration duration) {
        try {
            doorbell.await(Math.min(duration.toMillis(), 60_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        doorbell.ring();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
