package dev.funclab.runtime.storage;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** .NET TimeSpan text, as host.json and retry annotations write durations: {@code [d.]hh:mm:ss[.fff]}. */
public final class TimeSpans {

    private static final Pattern TIME_SPAN = Pattern.compile("(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,7}))?");

    private TimeSpans() {
    }

    /**
     * @throws IllegalArgumentException with the expected form when the text is not a time span
     */
    public static Duration parse(String text) {
        Matcher matcher = TIME_SPAN.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a time span; write it as hh:mm:ss, for example 00:00:30");
        }
        Duration duration = Duration.ofDays(matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1)))
                .plusHours(Long.parseLong(matcher.group(2)))
                .plusMinutes(Long.parseLong(matcher.group(3)))
                .plusSeconds(Long.parseLong(matcher.group(4)));
        if (matcher.group(5) != null) {
            String fraction = (matcher.group(5) + "000000000").substring(0, 9);
            duration = duration.plusNanos(Long.parseLong(fraction));
        }
        return duration;
    }

    /** hh:mm:ss (with .fff when there are milliseconds), as host.json writes a time span. */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        String text = String.format("%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
        int millis = duration.toMillisPart();
        return millis == 0 ? text : text + String.format(".%03d", millis);
    }
}
