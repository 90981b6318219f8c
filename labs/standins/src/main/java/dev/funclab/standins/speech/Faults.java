package dev.funclab.standins.speech;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Failures planned for the next synthesis calls ({@link SpeechStandIn#failNext}), to try a client's
 * retries: each plan answers its status a number of times, plans in the order they were made.
 */
final class Faults {

    /** One planned answer: a status, and the Retry-After in seconds or null. */
    record Fault(int status, Long retryAfterSeconds) {
    }

    private static final class Plan {
        private final Fault fault;
        private int left;

        Plan(Fault fault, int left) {
            this.fault = fault;
            this.left = left;
        }
    }

    private final Deque<Plan> plans = new ArrayDeque<>(); // guarded by this

    /**
     * @throws IllegalArgumentException for a negative count, a status that is not an error (400-599)
     *                                  or a negative Retry-After
     */
    synchronized void add(int count, int status, Duration retryAfter) {
        if (count < 0) {
            throw new IllegalArgumentException("count is " + count + "; give how many calls should fail (0 or more).");
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status is " + status + "; give an error status such as 429 or 503 (400-599).");
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter is " + retryAfter + "; give a duration of 0 or more, or none.");
        }
        if (count > 0) {
            // Retry-After holds whole seconds: round up, so a client never retries too early.
            Long seconds = retryAfter == null ? null : (retryAfter.toMillis() + 999) / 1000;
            plans.addLast(new Plan(new Fault(status, seconds), count));
        }
    }

    /** Drops every planned failure: the next calls are answered normally. */
    synchronized void clear() {
        plans.clear();
    }

    /** The fault for this call, if one is planned; it is used up. */
    synchronized Optional<Fault> next() {
        Plan plan = plans.peekFirst();
        if (plan == null) {
            return Optional.empty();
        }
        if (--plan.left == 0) {
            plans.removeFirst();
        }
        return Optional.of(plan.fault);
    }
}
