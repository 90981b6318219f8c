package dev.funclab.runtime.timer;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The TimerInfo JSON a timer function receives, shaped as the Azure host sends it. */
final class TimerInfo {

    private TimerInfo() {
    }

    static String json(ZonedDateTime last, ZonedDateTime lastUpdated, ZonedDateTime next, boolean pastDue) {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        return "{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":{\"Last\":\"" + iso.format(last)
                + "\",\"Next\":\"" + iso.format(next) + "\",\"LastUpdated\":\"" + iso.format(lastUpdated)
                + "\"},\"IsPastDue\":" + pastDue + "}";
    }
}
