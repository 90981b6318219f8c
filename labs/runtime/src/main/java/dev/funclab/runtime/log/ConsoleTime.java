package dev.funclab.runtime.log;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The console's timestamps, {@code 2026-01-01T10:00:00.000Z} as Core Tools prints them. The date and time up
 * to the second are formatted once a second: a busy host writes two lines per call.
 */
final class ConsoleTime {

    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private ConsoleTime() {
    }

    static String now() {
        long millis = System.currentTimeMillis();
        long epochSecond = Math.floorDiv(millis, 1000);
        int milli = (int) Math.floorMod(millis, 1000);
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            second = new Second(epochSecond, TO_THE_SECOND.format(LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC)));
            last = second;
        }
        return second.text() + '.' + (char) ('0' + milli / 100) + (char) ('0' + milli / 10 % 10) + (char) ('0' + milli % 10) + 'Z';
    }
}
