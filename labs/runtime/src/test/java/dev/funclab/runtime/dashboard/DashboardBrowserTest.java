package dev.funclab.runtime.dashboard;

import com.azure.core.util.BinaryData;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.data.tables.models.TableEntity;
import com.azure.storage.blob.BlobContainerClient;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (headless Chromium through Selenium): it lists the functions, runs one,
 * shows the call and its log as they happen, counts its cost, and shows what storage holds, pictures drawn
 * as pictures. Screenshots go to {@code target/screenshots} for the README.
 */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ_WRITE)
class DashboardBrowserTest {

    @TempDir
    static Path folder;

    static FunctionHost host;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start();
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.http");
        host = FunctionHost.start(HostOptions.forApp(app).withPort(0)
                        .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())),
                new HostLog(new PrintStream(new ByteArrayOutputStream())));
    }

    @AfterAll
    static void stop() throws Exception {
        HeadlessChromium.close(browser, host);
    }

    private static WebDriverWait waiting() {
        return HeadlessChromium.waiting(browser);
    }

    private static void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }

    @Test
    void aFunctionRunFromThePageShowsItsAnswerItsCallItsLogAndItsCost() throws Exception {
        browser.get(host.baseUri().toString());
        waiting().until(d -> d.findElement(By.id("connection")).getText().equals("live"));
        assertThat(browser.findElements(By.cssSelector("#functions tr[data-function]"))).as("the functions listed")
                .extracting(row -> row.getAttribute("data-function")).contains("hello", "items", "echo");

        browser.findElement(By.cssSelector(".run-button[data-function='hello']")).click();
        new Select(browser.findElement(By.id("runner-method"))).selectByVisibleText("GET");
        WebElement path = browser.findElement(By.id("runner-path"));
        path.clear();
        path.sendKeys("/api/hello?name=Selenium");
        browser.findElement(By.id("runner-send")).click();
        waiting().until(d -> d.findElement(By.id("runner-result")).getText().contains("Hello, Selenium"));
        assertThat(browser.findElement(By.id("runner-result")).getText()).startsWith("200");

        WebElement call = waiting().until(d -> d.findElements(By.cssSelector("#invocations tr.invocation[data-function='hello']"))
                .stream().filter(row -> row.getText().contains("Succeeded")).findFirst().orElse(null));
        call.click();
        String id = call.getAttribute("data-id");
        waiting().until(d -> d.findElements(By.cssSelector(".log-line")).stream()
                .anyMatch(line -> line.isDisplayed() && line.getText().contains("Saying hello for invocation " + id)));
        waiting().until(d -> d.findElement(By.cssSelector("#cost tbody")).getText().contains("hello"));
        assertThat(browser.findElement(By.cssSelector("#cost tbody")).getText()).contains("total").contains("a month at this pace");
        assertThat(browser.findElement(By.id("cost-badge")).getText()).matches("[1-9]\\d* calls · \\$[0-9.]+");
        screenshot("dashboard-calls");
    }

    @Test
    void storageShowsQueuesAndBlobsWithPicturesDrawnInTheBrowser() throws Exception {
        String queue = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        TestStorage.send(queue, "{\"hello\": \"dashboard\"}");
        BlobContainerClient container = TestStorage.blobs().getBlobContainerClient("dash-pictures");
        container.createIfNotExists();
        String picture = "landscape-" + UUID.randomUUID().toString().substring(0, 8) + ".jpg";
        container.getBlobClient(picture).upload(BinaryData.fromFile(Path.of("..", "samples", "landscape.jpg")), true);

        browser.get(host.baseUri().toString());
        browser.findElement(By.id("storage-load")).click();
        WebElement row = waiting().until(d -> d.findElements(By.cssSelector("#queues tr")).stream()
                .filter(r -> r.getText().startsWith(queue)).findFirst().orElse(null));
        assertThat(row.getText()).contains(queue + " 1 0");
        WebElement thumbnail = waiting().until(d -> d.findElement(By.cssSelector("img.thumb[alt='" + picture + "']")));
        waiting().until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", thumbnail)).intValue() > 0);
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", thumbnail))
                .intValue()).as("the picture decoded by the browser, its real width").isGreaterThan(100);
        screenshot("dashboard-storage");
    }

    @Test
    void aRecordingInStoragePlaysInTheBrowser() throws Exception {
        BlobContainerClient container = TestStorage.blobs().getBlobContainerClient("dash-voice");
        container.createIfNotExists();
        String name = "beep-" + UUID.randomUUID().toString().substring(0, 8) + ".wav";
        container.getBlobClient(name).upload(BinaryData.fromBytes(oneSecondBeep()), true);

        browser.get(host.baseUri().toString());
        browser.findElement(By.id("storage-load")).click();
        WebElement player = waiting().until(d -> d.findElements(By.cssSelector("#containers audio")).stream()
                .filter(audio -> audio.getAttribute("src").contains(name)).findFirst().orElse(null));
        // The browser decodes the file: its duration is known once the metadata is read.
        waiting().until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "const a = arguments[0]; if (a.readyState === 0) a.load(); return isNaN(a.duration) ? 0 : a.duration;",
                player)).doubleValue() > 0.9);
    }

    /** One second of a 440 Hz tone, 16 kHz mono 16-bit: the format Lab 4's recordings have. */
    private static byte[] oneSecondBeep() throws Exception {
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(16_000, 16, 1, true, false);
        byte[] samples = new byte[32_000];
        for (int i = 0; i < 16_000; i++) {
            short value = (short) (Math.sin(2 * Math.PI * 440 * i / 16_000.0) * 8_000);
            samples[2 * i] = (byte) value;
            samples[2 * i + 1] = (byte) (value >> 8);
        }
        java.io.ByteArrayOutputStream wav = new java.io.ByteArrayOutputStream();
        javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(
                new java.io.ByteArrayInputStream(samples), format, 16_000), javax.sound.sampled.AudioFileFormat.Type.WAVE, wav);
        return wav.toByteArray();
    }

    @Test
    void tableRowsShowAndResetEmptiesEverything() throws Exception {
        String table = "Dash" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        new TableServiceClientBuilder().connectionString(TestStorage.connectionString()).buildClient()
                .createTableIfNotExists(table).createEntity(new TableEntity("images", "cat.png").addProperty("Width", 640));
        String queue = "reset-" + UUID.randomUUID().toString().substring(0, 8);
        TestStorage.send(queue, "to be emptied");

        browser.get(host.baseUri().toString());
        browser.findElement(By.id("storage-load")).click();
        HeadlessChromium.waiting(browser).until(d -> d.findElement(By.id("tables")).getText().contains(table));
        assertThat(browser.findElement(By.id("tables")).getText()).contains("cat.png").contains("640");

        browser.findElement(By.id("storage-reset")).click();
        browser.switchTo().alert().accept(); // "Empty every container, queue and table ...?"
        HeadlessChromium.waiting(browser).until(d -> d.findElement(By.id("notices")).getText().startsWith("Emptied"));
        HeadlessChromium.waiting(browser).until(d -> d.findElements(By.cssSelector("#queues tr")).stream()
                .anyMatch(row -> row.getText().startsWith(queue + " 0 0")));
        assertThat(browser.findElement(By.id("tables")).getText()).doesNotContain("cat.png");
    }
}
