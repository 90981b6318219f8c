package dev.funclab.runtime.dashboard;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Headless Chromium driven by Selenium, for the dashboard's tests; the tests are skipped, saying why, without it. */
final class HeadlessChromium {

    /** Selenium warns that it has no DevTools bindings for this Chromium; the tests need none. Kept to stay set. */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    private HeadlessChromium() {
    }

    static WebDriver start() {
        Optional<Path> chromium = firstExisting(System.getenv("CHROME_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome");
        Optional<Path> driver = firstExisting(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver",
                "/usr/lib/chromium/chromedriver");
        assumeTrue(chromium.isPresent() && driver.isPresent(), "The dashboard's browser tests need Chromium and its driver "
                + "(Debian: sudo apt-get install chromium chromium-driver); skipped here.");
        SELENIUM.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions().setBinary(chromium.get().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** Quits the browser, then closes what the test started, in order; any of them may be null (never started). */
    static void close(WebDriver browser, AutoCloseable... started) throws Exception {
        if (browser != null) {
            browser.quit();
        }
        for (AutoCloseable resource : started) {
            if (resource != null) {
                resource.close();
            }
        }
    }

    static WebDriverWait waiting(WebDriver browser) {
        // The page redraws a table when storage changes, and other tests change it meanwhile: an element found a
        // moment ago may be gone, which only means "look again".
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Saves what the browser shows to {@code target/screenshots/<name>.png}, for the README. */
    static void screenshot(WebDriver browser, String name) throws Exception {
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static Optional<Path> firstExisting(String... candidates) {
        return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
