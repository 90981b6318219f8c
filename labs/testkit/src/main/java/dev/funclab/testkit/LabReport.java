package dev.funclab.testkit;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.funclab.runtime.convert.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The score of one lab: printed as a table after its tests and written as JSON to
 * {@code target/grades/<lab>.json} for graders and scripts.
 */
public record LabReport(String lab, String variant, String guide, int earned, int points, List<GradedTest> tests) {

    public static LabReport of(LabModule module, List<GradedTest> tests) {
        int earned = tests.stream().mapToInt(GradedTest::earned).sum();
        int points = tests.stream().mapToInt(GradedTest::points).sum();
        return new LabReport(module.lab(), module.variant(), module.guide(), earned, points, List.copyOf(tests));
    }

    public Path write(Path targetFolder) throws IOException {
        Path file = targetFolder.resolve("grades").resolve(lab + ".json");
        Files.createDirectories(file.getParent());
        Files.write(file, Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this));
        return file;
    }

    public void print(PrintStream out) {
        int nameWidth = Math.max(30, tests.stream().mapToInt(t -> t.name().length()).max().orElse(0));
        String rule = "-".repeat(nameWidth + 32);
        out.println();
        out.println(rule);
        out.printf("Grade for %s/%s: %d / %d points%n", variant, lab, earned, points);
        out.println(rule);
        out.printf("%-" + nameWidth + "s  %7s  %-6s  %s%n", "Test", "Points", "Result", "Hint");
        for (GradedTest test : tests) {
            String hint = test.passed() ? "" : "step " + test.reread() + ": " + firstLine(test.message());
            out.printf("%-" + nameWidth + "s  %3d/%-3d  %-6s  %s%n", test.name(), test.earned(), test.points(),
                    test.passed() ? "PASS" : "FAIL", hint);
        }
        out.println(rule);
        if (earned < points) {
            out.println("Failed tests name the step of " + guide + " (한국어: README.ko.md) to reread. Full messages: target/surefire-reports/.");
        }
        out.println();
        out.flush();
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
