package dev.funclab.runtime.timer;

import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FixedDelayRetry;
import dev.funclab.runtime.storage.TimeSpans;

import java.lang.reflect.Method;
import java.time.Duration;

/**
 * {@code @FixedDelayRetry} or {@code @ExponentialBackoffRetry} on a function: how many times a failed
 * call is tried again, and after how long. Azure honours these for timer triggers (queues and blobs
 * have retries of their own).
 */
record RetryPolicy(int maxRetryCount, Duration first, Duration maximum, boolean exponential) {

    static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, false);

    /**
     * @throws IllegalArgumentException when an interval is not a time span
     */
    static RetryPolicy of(Method method) {
        FixedDelayRetry fixed = method.getAnnotation(FixedDelayRetry.class);
        if (fixed != null) {
            Duration delay = TimeSpans.parse(fixed.delayInterval());
            return new RetryPolicy(fixed.maxRetryCount(), delay, delay, false);
        }
        ExponentialBackoffRetry backoff = method.getAnnotation(ExponentialBackoffRetry.class);
        if (backoff != null) {
            return new RetryPolicy(backoff.maxRetryCount(), TimeSpans.parse(backoff.minimumInterval()),
                    TimeSpans.parse(backoff.maximumInterval()), true);
        }
        return NONE;
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    Duration delayBefore(int retry) {
        if (!exponential) {
            return first;
        }
        Duration delay = first.multipliedBy(1L << Math.min(30, retry - 1));
        return delay.compareTo(maximum) > 0 ? maximum : delay;
    }
}
