package dev.funclab.grader;

import dev.funclab.testkit.GradeReportListener;
import dev.funclab.testkit.RunSettings;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs a lab's pristine, compiled tests against one submission's build of that lab, through the
 * JUnit launcher in this JVM; the grade report lands in the lab's {@code target/grades/}. The tests
 * reach the student's code only through the hosts they start, each in its own process.
 */
final class LabTests {

    private final Limits limits;

    /** How long things may take when grading. */
    record Limits(Duration perSubmission, Duration perTest, Duration perCall) {
    }

    LabTests(Limits limits) {
        this.limits = limits;
    }

    void run(Kit.Lab lab, Path labFolder, String storageConnection, Instant deadline, PrintWriter log) {
        LauncherDiscoveryRequest request = request()
                .selectors(selectClasspathRoots(Set.of(lab.testClasses())))
                .configurationParameters(Map.of(
                        RunSettings.APP_DIR, labFolder.toString(),
                        RunSettings.STORAGE, storageConnection,
                        RunSettings.CLIENT_TIMEOUT, String.valueOf(limits.perCall().toSeconds()),
                        RunSettings.DEADLINE, String.valueOf(deadline.toEpochMilli()),
                        "junit.jupiter.execution.timeout.default", limits.perTest().toSeconds() + " s"))
                .build();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(new GradeReportListener(false), new TestTimes(log))
                .build());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader tests = new URLClassLoader("tests-" + lab.name(), urls(lab), LabTests.class.getClassLoader())) {
            thread.setContextClassLoader(tests);
            launcher.execute(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The compiled tests, and the libraries the lab's tests may name (the kit's own come from the grader). */
    private static URL[] urls(Kit.Lab lab) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(lab.testClasses().toUri().toURL());
            for (Path library : lab.libraries()) {
                urls.add(library.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return urls.toArray(URL[]::new);
    }
}
