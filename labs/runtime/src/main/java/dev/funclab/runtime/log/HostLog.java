package dev.funclab.runtime.log;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The host's console, formatted like Core Tools: {@code [2026-01-01T10:00:00.000Z] message}.
 * Listeners see every line too, which lets tests read the log without scraping a stream.
 *
 * <p>Written either by the calling thread ({@link #HostLog(PrintStream)}) or by a console thread of its own
 * ({@link #inBackground(PrintStream)}, what the host's command line uses): a call then only queues its lines, and
 * the console thread writes whatever has queued up with one flush. Two lines per call, each its own write to the
 * terminal, were a fifth of an HTTP call's cost.
 */
public final class HostLog implements AutoCloseable {

    /** How long the console thread gathers lines after a write while the host is busy. */
    private static final long LINGER_NANOS = 1_000_000;

    private final PrintStream out;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    /** Lines not written yet: whoever holds the console writes everyone's, and flushes once. */
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock console = new ReentrantLock();
    /** The thread that writes in background mode, or null when callers write. */
    private final Thread writer;
    private final AtomicBoolean writerParked = new AtomicBoolean();
    private volatile boolean closed;

    public HostLog(PrintStream out) {
        this(out, false);
    }

    private HostLog(PrintStream out, boolean background) {
        this.out = out;
        this.writer = background ? new Thread(this::writeUntilClosed, "funclab-console") : null;
        if (writer != null) {
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** A console written by a thread of its own; {@link #close()} writes what is left. */
    public static HostLog inBackground(PrintStream out) {
        return new HostLog(out, true);
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

    /**
     * A stream for everything else that writes to the same console (a function's {@code System.out.println}):
     * the host's queued lines go out first, so that a function's own output still comes after its
     * {@code Executing} line.
     *
     * @param charset the one the console's own stream encodes with
     */
    public PrintStream inOrder(Charset charset) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                console.lock();
                try {
                    writePending();
                    out.write(bytes, offset, length);
                } finally {
                    console.unlock();
                }
            }

            @Override
            public void flush() {
                out.flush();
            }
        }, true, charset);
    }

    /** Writes every line queued so far before returning. */
    public void flush() {
        console.lock();
        try {
            writePending();
        } finally {
            console.unlock();
        }
    }

    /** Writes what is left and stops the console thread; lines logged later are written by their callers. */
    @Override
    public void close() {
        closed = true;
        if (writer != null) {
            LockSupport.unpark(writer);
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    private void emit(String line) {
        pending.add(line);
        if (writer == null || closed) {
            write();
        } else if (writerParked.get()) {
            LockSupport.unpark(writer);
        }
        listeners.forEach(listener -> listener.accept(line));
    }

    /**
     * Writes the pending lines unless another thread is writing already: that one takes this line too (it
     * looks again after letting go), so no caller waits for the console and a burst of calls costs one flush.
     */
    private void write() {
        while (!pending.isEmpty() && console.tryLock()) {
            try {
                writePending();
            } finally {
                console.unlock();
            }
        }
    }

    /**
     * The console thread: writes what has queued, then waits a millisecond for more before it writes again, so
     * that a busy host costs one write a millisecond, not one a line; once nothing came, it sleeps until a
     * caller wakes it, so that a quiet host's next line goes out at once.
     */
    private void writeUntilClosed() {
        while (!closed) {
            if (pending.isEmpty()) {
                writerParked.set(true);
                if (pending.isEmpty() && !closed) {
                    LockSupport.park(this);
                }
                writerParked.set(false);
            } else {
                flush();
                LockSupport.parkNanos(this, LINGER_NANOS);
            }
        }
    }

    /** Holding the console lock. */
    private void writePending() {
        boolean wrote = false;
        for (String line = pending.poll(); line != null; line = pending.poll()) {
            out.println(line);
            wrote = true;
        }
        if (wrote) {
            out.flush();
        }
    }
}
