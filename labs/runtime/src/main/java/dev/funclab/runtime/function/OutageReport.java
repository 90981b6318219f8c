package dev.funclab.runtime.function;

import java.util.function.Consumer;

/**
 * Says once that a listener's source cannot be reached, and once that it can again, instead of one
 * line per poll while storage is down.
 */
public final class OutageReport {

    private final String source;
    private final String action;
    private final Consumer<String> log;
    private volatile boolean down;

    /**
     * @param source what is polled, for example {@code Queue 'orders'}
     * @param action what polling does to it, for example {@code read}
     */
    public OutageReport(String source, String action, Consumer<String> log) {
        this.source = source;
        this.action = action;
        this.log = log;
    }

    public void failed(String problem) {
        if (!down) {
            down = true;
            log.accept(source + " could not be " + action + " " + problem + ". Retrying; triggers resume when it answers.");
        }
    }

    public void succeeded() {
        if (down) {
            down = false;
            log.accept(source + " can be " + action + " again.");
        }
    }
}
