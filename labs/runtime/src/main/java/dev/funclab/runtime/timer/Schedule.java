package dev.funclab.runtime.timer;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.funclab.runtime.storage.TimeSpans;

import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * When a timer fires: a six-field NCRONTAB expression ({@code second minute hour day month
 * day-of-week}, for example {@code 0 *}{@code /5 * * * *}), or a fixed interval written as a time span
 * ({@code 00:05:00}), as Azure accepts. Times are UTC, as in Azure by default.
 */
final class Schedule {

    private static final CronParser NCRONTAB = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));

    private final String text;
    private final ExecutionTime cron;
    private final Duration interval;

    private Schedule(String text, ExecutionTime cron, Duration interval) {
        this.text = text;
        this.cron = cron;
        this.interval = interval;
    }

    /**
     * @throws IllegalArgumentException saying what a schedule looks like
     */
    static Schedule parse(String text) {
        String trimmed = text.trim();
        if (!trimmed.contains(" ") && trimmed.contains(":")) {
            Duration interval = TimeSpans.parse(trimmed);
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("the interval '" + text + "' must be longer than zero");
            }
            return new Schedule(trimmed, null, interval);
        }
        if (trimmed.split("\\s+").length != 6) {
            throw new IllegalArgumentException("'" + text + "' is not an NCRONTAB schedule: write six fields, "
                    + "second minute hour day month day-of-week, for example \"0 */5 * * * *\" (every five minutes)");
        }
        try {
            return new Schedule(trimmed, ExecutionTime.forCron(NCRONTAB.parse(trimmed).validate()), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an NCRONTAB schedule: " + e.getMessage());
        }
    }

    /** The first time strictly after {@code after}. */
    ZonedDateTime next(ZonedDateTime after) {
        if (interval != null) {
            return after.plus(interval);
        }
        return cron.nextExecution(after).orElseThrow(() -> new IllegalStateException("'" + text + "' never fires again"));
    }

    @Override
    public String toString() {
        return text;
    }
}
