package dev.funclab.runtime.log;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The console written by a thread of its own, as the host's command line writes it. */
class HostLogTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(bytes, false, StandardCharsets.UTF_8);

    private List<String> lines() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void everyLineOfManyThreadsIsWrittenOnceInEachThreadsOrderByTheTimeTheLogCloses() throws Exception {
        HostLog log = HostLog.inBackground(console);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.submit(() -> {
                start.await();
                for (int i = 0; i < 2_000; i++) {
                    log.plain("t" + thread + " " + i);
                }
                return null;
            });
        }
        start.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        log.close();

        List<String> written = lines();
        assertThat(written).hasSize(16_000).doesNotHaveDuplicates();
        for (int t = 0; t < 8; t++) {
            String prefix = "t" + t + " ";
            List<String> own = written.stream().filter(line -> line.startsWith(prefix)).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                expected.add(prefix + i);
            }
            assertThat(own).as("thread %d's lines, in the order it logged them", t).isEqualTo(expected);
        }
    }

    @Test
    void aQuietHostsLineIsWrittenWithoutWaitingForMore() throws Exception {
        try (HostLog log = HostLog.inBackground(console)) {
            for (int i = 0; i < 3; i++) {
                String line = "alone " + i;
                log.info(line);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (lines().stream().noneMatch(l -> l.endsWith(line)) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(lines()).as("the console after logging '%s' and nothing else", line).anyMatch(l -> l.endsWith(line));
            }
        }
    }

    @Test
    void whatAFunctionPrintsComesAfterTheLinesTheHostLoggedBeforeIt() {
        try (HostLog log = HostLog.inBackground(console)) {
            PrintStream functionOut = log.inOrder(StandardCharsets.UTF_8);
            for (int i = 0; i < 500; i++) {
                log.info("Executing 'Functions.hello' " + i);
                functionOut.println("printed by the function " + i + " (한글)");
            }
        }
        List<String> written = lines();
        assertThat(written).hasSize(1_000);
        for (int i = 0; i < 500; i++) {
            assertThat(written.get(2 * i)).endsWith("Executing 'Functions.hello' " + i);
            assertThat(written.get(2 * i + 1)).isEqualTo("printed by the function " + i + " (한글)");
        }
    }

    @Test
    void linesLoggedAfterCloseAreWrittenByTheirCallers() {
        HostLog log = HostLog.inBackground(console);
        log.close();
        log.plain("Consumption plan cost of this run");
        assertThat(lines()).containsExactly("Consumption plan cost of this run");
    }
}
