package dev.funclab.testkit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lab's graded tests call the student's functions through the host (HTTP, storage), never their
 * classes: the grader runs tests compiled once against the starter, and never loads a
 * submission's classes into its own JVM. So no test source may name a class of the lab's code.
 */
class TestsReachCodeOnlyThroughTheHostTest {

    private static final Path KIT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    private static final Pattern STRINGS_AND_COMMENTS = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> noTestNamesAClassOfTheLabsCode() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> labs = Files.list(KIT.resolve("labs"))) {
            for (Path lab : labs.filter(l -> l.getFileName().toString().matches("lab\\d+.*")).sorted().toList()) {
                Set<String> classes = new TreeSet<>();
                classes.addAll(classNames(lab.resolve("src/main/java")));
                classes.addAll(classNames(KIT.resolve("solutions").resolve(lab.getFileName()).resolve("src/main/java")));
                for (Path test : javaFiles(lab.resolve("src/test/java"))) {
                    tests.add(DynamicTest.dynamicTest(KIT.relativize(test).toString(), () -> {
                        String code = STRINGS_AND_COMMENTS.matcher(Files.readString(test)).replaceAll(" ");
                        assertThat(classes).as("classes of the lab's code named in %s (call them through the host instead)",
                                KIT.relativize(test)).noneMatch(name -> Pattern.compile("\\b" + name + "\\b").matcher(code).find());
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static Set<String> classNames(Path sources) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : javaFiles(sources)) {
            names.add(file.getFileName().toString().replace(".java", ""));
        }
        return names;
    }

    private static List<Path> javaFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
