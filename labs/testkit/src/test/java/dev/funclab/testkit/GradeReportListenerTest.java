package dev.funclab.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.convert.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** A run of graded tests ends with a table on the console and a JSON report in the lab's target folder. */
class GradeReportListenerTest {

    @TempDir
    Path kit;

    @Test
    void scoresPassingGradedTestsAndExplainsFailures() throws Exception {
        Path module = Files.createDirectories(kit.resolve("labs/lab9-sample"));
        String previousDir = System.getProperty("funclab.app.dir");
        PrintStream previousOut = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setProperty("funclab.app.dir", module.toString());
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request().selectors(selectClass(GradedFixture.class)).build(), summary);
        } finally {
            System.setOut(previousOut);
            if (previousDir == null) {
                System.clearProperty("funclab.app.dir");
            } else {
                System.setProperty("funclab.app.dir", previousDir);
            }
        }

        assertThat(summary.getSummary().getTestsFailedCount()).isEqualTo(6);
        String table = console.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("Grade for labs/lab9-sample: 60 / 125 points")
                .contains("the part that works").contains("failsWithAReason")
                .contains("step 2: [status of GET /api/hello]")
                .as("a starter's placeholder names the step that writes it")
                .containsPattern("metAStarterPlaceholder +0/5 +FAIL +step 2: ")
                .as("a later step's placeholder is what is unfinished")
                .containsPattern("metALaterStepsPlaceholder +0/5 +FAIL +step 6: ")
                .as("a check of an earlier step names that step")
                .containsPattern("failedInAnEarlierStep +0/5 +FAIL +step 3: ");

        JsonNode report = Json.MAPPER.readTree(module.resolve("target/grades/lab9-sample.json").toFile());
        assertThat(report.path("earned").asInt()).isEqualTo(60);
        assertThat(report.path("points").asInt()).isEqualTo(125);
        assertThat(report.path("tests")).hasSize(6);
        assertThat(report.path("tests").get(2).path("name").asText()).isEqualTo("every run must pass");
        assertThat(report.path("tests").get(2).path("earned").asInt()).isZero();
        JsonNode failed = report.path("tests").get(1);
        assertThat(failed.path("passed").asBoolean()).isFalse();
        assertThat(failed.path("message").asText())
                .contains("expected: \"200\"")
                .contains("Reread step 2 of labs/lab9-sample/README.md");
        JsonNode earlier = report.path("tests").get(5);
        assertThat(earlier.path("step").asInt()).isEqualTo(5);
        assertThat(earlier.path("reread").asInt()).isEqualTo(3);
        assertThat(earlier.path("message").asText()).contains("Reread step 3 of labs/lab9-sample/README.md");
    }
}
