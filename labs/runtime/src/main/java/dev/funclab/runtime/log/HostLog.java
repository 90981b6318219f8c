package dev.funclab.runtime.log;

import java.io.PrintWriter;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The host's console, formatted like Core Tools: {@code [2026-01-01T10:00:00.000Z] message}.
 * Listeners see every line too, which lets tests read the log without scraping a stream.
 */
public final class HostLog {

    private final PrintStream out;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    /** Lines not written yet: whichever thread holds the console writes everyone's, and flushes once. */
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock console = new ReentrantLock();

    public HostLog(PrintStream out) {
        this.out = out;
    }

    /** A line with a timestamp, as the host writes while it runs. */
    public void info(String message) {
        emit("[" + ConsoleTime.now() + "] " + message);
    }

    /** A line without a timestamp: banners and the list of functions at start-up. */
    public void plain(String message) {
        emit(message);
    }

    /** An error the host works around (a function it cannot run); the line starts with "Error:". */
    public void error(String message) {
        info("Error: " + message);
    }

    public void error(String message, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        info(message + System.lineSeparator() + trace.toString().stripTrailing());
    }

    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    private void emit(String line) {
        pending.add(line);
        write();
        listeners.forEach(listener -> listener.accept(line));
    }

    /**
     * Writes the pending lines unless another thread is writing already: that one takes this line too (it
     * looks again after letting go), so no caller waits for the console and a burst of calls costs one flush.
     */
    private void write() {
        while (!pending.isEmpty() && console.tryLock()) {
            try {
                for (String line = pending.poll(); line != null; line = pending.poll()) {
                    out.println(line);
                }
                out.flush();
            } finally {
                console.unlock();
            }
        }
    }
}
