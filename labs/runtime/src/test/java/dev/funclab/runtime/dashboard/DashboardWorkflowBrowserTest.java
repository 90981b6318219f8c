package dev.funclab.runtime.dashboard;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.log.HostLog;
import dev.funclab.standins.mail.MailStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workflow app as Lab 4 shapes one, in the dashboard: the mail its functions sent (read from the
 * SendGrid stand-in) and its run history (its own GET /api/runs) appear as the calls happen.
 */
class DashboardWorkflowBrowserTest {

    @TempDir
    static Path folder;

    static MailStandIn mail;
    static FunctionHost host;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start();
        mail = MailStandIn.start(MailStandIn.Ports.free(), "SG.key", line -> { });
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.workflow");
        host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of(
                        "FUNCLAB_SENDGRID_URL", mail.apiEndpoint().toString(), "AzureWebJobsSendGridApiKey", "SG.key")),
                new HostLog(new PrintStream(new ByteArrayOutputStream())));
    }

    @AfterAll
    static void stop() throws Exception {
        HeadlessChromium.close(browser, host, mail);
    }

    @Test
    void theMailSentAndTheRunHistoryShowUpAsTheCallsHappen() throws Exception {
        browser.get(host.baseUri().toString());
        HeadlessChromium.waiting(browser).until(d -> d.findElement(By.id("connection")).getText().equals("live"));
        assertThat(browser.findElement(By.id("mail-section")).isDisplayed()).as("an app that sends mail gets a mail view").isTrue();

        HttpResponse<String> call = HttpClient.newHttpClient().send(HttpRequest.newBuilder(host.baseUri().resolve("api/mail/m-42"))
                .header("x-functions-key", host.keys().functionKey())
                .POST(HttpRequest.BodyPublishers.ofString("Please call me back")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(call.body()).isEqualTo("mailed m-42");

        HeadlessChromium.waiting(browser).until(d -> d.findElements(By.cssSelector("#runs tr[data-mid='m-42']")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#runs tr[data-mid='m-42']")).getText()).contains("mailed: sent");
        HeadlessChromium.waiting(browser).until(d -> d.findElements(By.cssSelector("#mail tr.mail")).stream()
                .anyMatch(row -> row.getText().contains("Please call me back")));
        assertThat(browser.findElement(By.cssSelector("#mail tr.mail")).getText()).contains("student@funclab.test")
                .contains("Your voice message");
        long readings = browser.findElements(By.cssSelector("#invocations tr.invocation[data-function='listRuns']")).size();
        assertThat(readings).as("the page reads the run history after the app's calls, not after its own readings")
                .isLessThanOrEqualTo(2);
        HeadlessChromium.screenshot(browser, "dashboard-workflow");
    }
}
