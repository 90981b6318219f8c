package dev.funclab.grader;

import dev.funclab.testkit.GradeBook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The kit whose pristine tests grade the submissions, built once for the whole class: each lab's
 * compiled tests ({@code target/test-classes}) and the libraries its functions may use
 * ({@code target/funclab-classpath.txt}, written by Maven).
 */
record Kit(Path root, List<Lab> labs) {

    /** One lab of the kit. */
    record Lab(String name, Path folder, Path testClasses, List<Path> libraries) {

        Path starter(String part) {
            return folder.resolve(part);
        }
    }

    /** The test classes of every lab (top-level ones named ...Test): at most as many hosts as a submission needs. */
    int testClassCount() throws IOException {
        int count = 0;
        for (Lab lab : labs) {
            try (var files = Files.walk(lab.testClasses())) {
                count += (int) files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Test.class") && !n.contains("$")).count();
            }
        }
        return count;
    }

    static Kit at(Path root) {
        Path kit = root.toAbsolutePath().normalize();
        List<Lab> labs = new ArrayList<>();
        try {
            for (Path folder : GradeBook.labFolders(kit)) {
                Path testClasses = folder.resolve("target/test-classes");
                Path classpath = folder.resolve("target/funclab-classpath.txt");
                if (!Files.isDirectory(testClasses) || !Files.exists(classpath)) {
                    throw new IllegalStateException("The kit in " + kit + " is not built (" + kit.relativize(testClasses)
                            + " is missing). Build it once with: mvn -q -B package -DskipTests (scripts/grade does it for you).");
                }
                labs.add(new Lab(folder.getFileName().toString(), folder, testClasses, libraries(classpath)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the kit's labs in " + kit, e);
        }
        if (labs.isEmpty()) {
            throw new IllegalStateException(kit + " has no labs/labN-... folders: is it the kit?");
        }
        return new Kit(kit, List.copyOf(labs));
    }

    private static List<Path> libraries(Path classpathFile) throws IOException {
        String text = Files.readString(classpathFile).strip();
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList();
    }
}
