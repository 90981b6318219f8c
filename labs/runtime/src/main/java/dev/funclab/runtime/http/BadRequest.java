package dev.funclab.runtime.http;

/**
 * A 4xx decided while reading a request, before any function runs. Thrown from deep in the reading
 * helpers so they can return plain values; {@link FrontDoor} turns it into a text reply. No stack trace:
 * it is the client's mistake, not the host's.
 */
final class BadRequest extends RuntimeException {

    private final int status;

    BadRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
