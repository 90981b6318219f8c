package dev.funclab.testkit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A starter differs from its solution only where it asks the student to work: a starter file
 * without a TODO must be the solution's file, word for word, and every starter file has a twin.
 */
class StarterSolutionParityTest {

    private static final Path KIT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();

    @TestFactory
    Stream<DynamicTest> starterFilesWithoutTodoMatchTheSolution() throws IOException {
        assumeTrue(Files.isDirectory(KIT.resolve("solutions")), "a student copy has no solutions (scripts/student-copy)");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> labs = Files.list(KIT.resolve("labs"))) {
            for (Path lab : labs.filter(l -> l.getFileName().toString().matches("lab\\d+.*")).sorted().toList()) {
                Path solution = KIT.resolve("solutions").resolve(lab.getFileName());
                for (Path file : filesUnder(lab, "src/main", "host.json", "local.settings.json")) {
                    Path relative = lab.relativize(file);
                    Path twin = solution.resolve(relative);
                    tests.add(DynamicTest.dynamicTest(KIT.relativize(file).toString(), () -> {
                        assertThat(twin).as("the solution's copy of %s", relative).exists();
                        String starter = Files.readString(file);
                        if (!starter.contains("TODO")) {
                            assertThat(starter).as("%s has no TODO, so it must equal %s", KIT.relativize(file), KIT.relativize(twin))
                                    .isEqualTo(Files.readString(twin));
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static List<Path> filesUnder(Path lab, String sources, String... topLevel) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : topLevel) {
            if (Files.exists(lab.resolve(name))) {
                files.add(lab.resolve(name));
            }
        }
        try (Stream<Path> walk = Files.walk(lab.resolve(sources))) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        return files;
    }
}
