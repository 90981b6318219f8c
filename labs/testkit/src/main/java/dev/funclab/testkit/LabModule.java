package dev.funclab.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Maven module whose tests are running: a starter in {@code labs/<lab>} or a solution in
 * {@code solutions/<lab>}. Surefire runs tests in the module folder; {@link RunSettings#APP_DIR} overrides.
 */
public record LabModule(Path folder) {

    public static LabModule at(String folder) {
        return new LabModule(Path.of(folder).toAbsolutePath().normalize());
    }

    /** {@code lab1-http-api} */
    public String lab() {
        return folder.getFileName().toString();
    }

    /** Where the graded code lives: {@code labs} (the student's copy of the starter) or {@code solutions}. */
    public String variant() {
        Path parent = folder.getParent();
        return parent != null && parent.getFileName().toString().equals("solutions") ? "solutions" : "labs";
    }

    /** The lab guide, which lives beside the starter code: {@code labs/<lab>/README.md}. */
    public String guide() {
        return "labs/" + lab() + "/README.md";
    }

    public Path target() {
        return folder.resolve("target");
    }

    public boolean exists() {
        return Files.isDirectory(folder);
    }
}
