package dev.funclab.grader;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Writes how long each test and test class took to the grade log: where a slow submission spends its time. */
final class TestTimes implements TestExecutionListener {

    private final PrintWriter log;
    private final Map<String, Long> started = new ConcurrentHashMap<>();

    TestTimes(PrintWriter log) {
        this.log = log;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        started.put(test.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Long start = started.remove(test.getUniqueId());
        if (start == null || !(test.isTest() || test.getSource().filter(s -> s instanceof org.junit.platform.engine.support.descriptor.ClassSource).isPresent())) {
            return;
        }
        log.printf("  %6d ms  %-10s %s%n", (System.nanoTime() - start) / 1_000_000, result.getStatus(),
                test.isTest() ? test.getDisplayName() : "(class) " + test.getDisplayName());
    }
}
