package dev.funclab.bench.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * HTTP/1.1 load over keep-alive connections, one thread each, sending a request and reading its whole
 * answer before the next: a closed loop, as a page of callers would. Plain sockets, so that the client
 * spends as little of the machine as it can and the same on every server it is pointed at.
 */
public final class KeepAliveLoad {

    /** Requests per second, and the latencies' percentiles in milliseconds. */
    public record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests) {
    }

    private KeepAliveLoad() {
    }

    /**
     * @param uri         what to GET; every answer must be 200 with a Content-Length
     * @param connections connections, each with its own thread
     */
    public static Result run(URI uri, int connections, Duration duration) throws InterruptedException {
        byte[] request = ("GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nUser-Agent: funclab-bench\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        RuntimeException[] failures = new RuntimeException[connections];
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int c = 0; c < connections; c++) {
            int index = c;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try (Socket socket = new Socket()) {
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
                    socket.setSoTimeout(10_000);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    ready.countDown();
                    go.await();
                    long end = window[1];
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= end) {
                            break;
                        }
                        out.write(request);
                        out.flush();
                        readResponse(in);
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - sent;
                    }
                } catch (IOException | RuntimeException e) {
                    failures[index] = new IllegalStateException("connection " + index + ": " + e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    ready.countDown();
                    latencies[index] = Arrays.copyOf(mine, n);
                    counts[index] = n;
                }
            }, "load-" + c);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        long total = Arrays.stream(counts).asLongStream().sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] one : latencies) {
            System.arraycopy(one, 0, all, at, one.length);
            at += one.length;
        }
        Arrays.sort(all);
        double seconds = duration.toNanos() / 1e9;
        return new Result(total / seconds, percentile(all, 50) / 1e6, percentile(all, 99) / 1e6, total);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Reads one answer: status line, headers, and a body of Content-Length bytes. */
    static void readResponse(InputStream in) throws IOException {
        String status = line(in);
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IllegalStateException("expected 200, got: " + status);
        }
        long length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(header.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            throw new IllegalStateException("an answer without Content-Length");
        }
        for (long left = length; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the connection closed in a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
