package dev.funclab.runtime.dashboard;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.log.HostLog;
import dev.funclab.runtime.reload.WatchedProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hot reload as an open dashboard shows it: a saved function appears without reloading the page, and a change
 * that does not compile is drawn on the page with its file and line while the code from before keeps serving.
 */
class DashboardReloadBrowserTest {

    @TempDir
    Path folder;

    private FunctionHost host;
    private WebDriver browser;

    private static String greeter(String extraFunction) {
        return """
                package demo;

                import com.microsoft.azure.functions.*;
                import com.microsoft.azure.functions.annotation.*;

                public class Greeter {
                    @FunctionName("greet")
                    public String greet(@HttpTrigger(name = "req", methods = HttpMethod.GET,
                            authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<String> request) {
                        return "Hello";
                    }
                %s
                }
                """.formatted(extraFunction);
    }

    private static final String WAVE = """
                @FunctionName("wave")
                public String wave(@HttpTrigger(name = "req", methods = HttpMethod.GET,
                        authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<String> request) {
                    return "o/";
                }
            """;

    @AfterEach
    void stop() throws Exception {
        HeadlessChromium.close(browser, host);
    }

    @Test
    void aSavedFunctionAppearsOnTheOpenPageAndACompileErrorIsDrawnThere() throws Exception {
        browser = HeadlessChromium.start();
        WatchedProject project = WatchedProject.create(folder, greeter(""));
        host = FunctionHost.start(HostOptions.forApp(project.root()).withPort(0).withWatch(true),
                new HostLog(new PrintStream(new ByteArrayOutputStream())));
        browser.get(host.baseUri().toString());
        HeadlessChromium.waiting(browser).until(d -> d.findElement(By.id("connection")).getText().equals("live"));
        assertThat(browser.findElements(By.cssSelector("#functions tr[data-function='wave']"))).isEmpty();

        project.saveGreeter(greeter(WAVE));
        HeadlessChromium.waiting(browser).until(d -> !d.findElements(By.cssSelector("#functions tr[data-function='wave']")).isEmpty());
        assertThat(browser.findElement(By.id("notices")).getText()).contains("Reloaded 2 function(s)");

        project.saveGreeter(greeter(WAVE + "    int broken = ;\n"));
        String error = HeadlessChromium.waiting(browser).until(d -> d.findElements(By.cssSelector("#notices .notice.error"))
                .stream().map(e -> e.getText()).filter(t -> t.contains("does not compile")).findFirst().orElse(null));
        assertThat(error).as("the compile error names the file and line")
                .contains("keeps running").containsPattern("Greeter\\.java:\\d+");
        assertThat(browser.findElements(By.cssSelector("#functions tr[data-function]")))
                .as("the functions of the code that still runs").hasSize(2);
        HeadlessChromium.screenshot(browser, "dashboard-compile-error");
    }
}
