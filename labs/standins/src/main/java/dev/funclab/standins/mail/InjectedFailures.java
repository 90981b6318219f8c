package dev.funclab.standins.mail;

/** The failures asked for with {@link MailStandIn#failNext(int, int)}: how many are left, and their status. */
final class InjectedFailures {

    private int remaining;
    private int status;

    synchronized void set(int count, int status) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 (no more failures) or more, not " + count);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status (400-599), not " + status);
        }
        this.remaining = count;
        this.status = status;
    }

    /** The status to fail this call with, or 0 to handle it normally. */
    synchronized int take() {
        if (remaining == 0) {
            return 0;
        }
        remaining--;
        return status;
    }

    synchronized int remaining() {
        return remaining;
    }
}
