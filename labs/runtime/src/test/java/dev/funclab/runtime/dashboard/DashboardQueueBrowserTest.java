package dev.funclab.runtime.dashboard;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.TestStorage;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queue function in the dashboard: run now from the page (through the admin endpoint), and a message
 * that ended on the poison queue sent back to its queue with one click.
 */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ)
@ResourceLock("fixtures.queues")
class DashboardQueueBrowserTest {

    @TempDir
    static Path folder;

    static FunctionHost host;
    static WebDriver browser;
    static final List<String> lines = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start();
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.queues",
                "{\"version\": \"2.0\", \"extensions\": {\"queues\": {\"maxDequeueCount\": 2}}}", Map.of());
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(lines::add);
        host = FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())), log);
    }

    @AfterAll
    static void stop() throws Exception {
        HeadlessChromium.close(browser, host);
    }

    private static long count(String text) {
        return lines.stream().filter(l -> l.contains(text)).count();
    }

    @Test
    void aQueueFunctionRunsFromThePageAndItsPoisonGoesBackToItsQueue() throws Exception {
        browser.get(host.baseUri().toString());
        HeadlessChromium.waiting(browser).until(d -> d.findElement(By.id("connection")).getText().equals("live"));

        browser.findElement(By.cssSelector(".run-button[data-function='stubborn']")).click();
        browser.findElement(By.id("runner-body")).sendKeys("from-the-page");
        browser.findElement(By.id("runner-send")).click();
        HeadlessChromium.waiting(browser).until(d -> d.findElement(By.id("runner-result")).getText().startsWith("202"));
        HeadlessChromium.waiting(browser).until(d -> d.findElements(By.cssSelector("#invocations tr.invocation[data-function='stubborn']"))
                .stream().anyMatch(row -> row.getText().contains("Failed")));

        String message = "poison-me-" + UUID.randomUUID().toString().substring(0, 8);
        TestStorage.send("stubborn", message);
        TestStorage.await("two failed tries, then the poison queue", Duration.ofSeconds(30),
                () -> count("stubborn try 2 for " + message) == 1 && count("Moving message to queue 'stubborn-poison'") >= 1);

        browser.findElement(By.id("storage-load")).click();
        WebElement requeue = HeadlessChromium.waiting(browser).until(d -> d.findElements(By.cssSelector("#queues tr")).stream()
                .filter(row -> row.getText().startsWith("stubborn ")).findFirst()
                .flatMap(row -> row.findElements(By.xpath(".//button[text()='Requeue poison']")).stream().findFirst())
                .orElse(null));
        requeue.click();
        TestStorage.await("the requeued message tried again", Duration.ofSeconds(30),
                () -> count("stubborn try 1 for " + message) == 2);
        assertThat(count("stubborn try 1 for " + message)).isEqualTo(2);
        HeadlessChromium.screenshot(browser, "dashboard-queues");
    }

    @Test
    void peekShowsAQueuesMessagesAndLeavesThemThere() throws Exception {
        String queue = "waiting-" + UUID.randomUUID().toString().substring(0, 8);
        TestStorage.send(queue, "first 안녕");
        TestStorage.send(queue, "{\"second\": 2}");
        browser.get(host.baseUri().toString());
        HeadlessChromium.waiting(browser).until(d -> d.findElement(By.id("connection")).getText().equals("live"));
        browser.findElement(By.id("storage-load")).click();
        HeadlessChromium.waiting(browser).until(d -> d.findElements(By.cssSelector("#queues tr")).stream()
                .filter(row -> row.getText().startsWith(queue + " 2 ")).findFirst()
                .flatMap(row -> row.findElements(By.xpath(".//button[text()='Peek']")).stream().findFirst())
                .orElse(null)).click();
        String peeked = HeadlessChromium.waiting(browser).until(d -> {
            WebElement box = d.findElement(By.id("peek"));
            return box.isDisplayed() ? box.getText() : null;
        });
        assertThat(peeked).contains(queue, "first 안녕", "{\"second\": 2}");
        assertThat(TestStorage.drain(queue)).as("peeked messages stay in the queue").hasSize(2);
    }
}
